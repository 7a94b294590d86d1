package org.bedsidecapture.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app image the build made runs from its own jlinked runtime: its launcher answers, and the
 * headless demo goes all the way — the demo EHR looked up, photos and an H.264 clip wrapped into
 * the encrypted outbox and delivered to the demo archive — so no module the app needs is missing.
 */
class AppImageIT {
  private static final Path IMAGE = Path.of("target", "image", AppImage.NAME);
  private static final Path LAUNCHER = IMAGE.resolve("bin").resolve(AppImage.NAME);
  @TempDir Path home;

  private record Ran(int exit, String said) {}

  private Ran launch(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("BEDSIDE_CAPTURE_HOME", home.toString());
    pb.environment().remove("DISPLAY");
    pb.environment().remove("WAYLAND_DISPLAY");
    Path out = home.resolve("launcher.log");
    pb.redirectOutput(out.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the launcher ends").isTrue();
    return new Ran(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
  }

  @Test
  void theLauncherAnswersFromItsOwnRuntime() throws Exception {
    Ran version = launch("--version");

    assertThat(version.exit()).isZero();
    assertThat(version.said()).contains("Bedside Capture 0.1.0");
    assertThat(IMAGE.resolve("lib").resolve("runtime").resolve("release")).exists();
  }

  @Test
  void theHeadlessDemoWrapsAndDeliversThroughTheJlinkedRuntime() throws Exception {
    Ran demo = launch("demo");

    assertThat(demo.exit()).as(demo.said()).isZero();
    assertThat(demo.said())
        .contains("taken into the outbox")
        .contains("H.264")
        .contains("Delivered through the encrypted outbox to the demo archive");
    try (Stream<Path> archived = Files.walk(home.resolve("demo").resolve("archive"))) {
      assertThat(archived.filter(Files::isRegularFile).count()).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void theRuntimeHoldsOnlyTheModulesJdepsNamed() throws Exception {
    String release = Files.readString(IMAGE.resolve("lib").resolve("runtime").resolve("release"));

    assertThat(release).contains("jdk.crypto.ec").contains("java.desktop");
    assertThat(release)
        .as("no compiler, no tools the app does not run")
        .doesNotContain("jdk.compiler\"")
        .doesNotContain("jdk.jshell")
        .doesNotContain("jdk.jpackage");
  }
}
