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
 * The {@code .deb} the build made: its metadata as {@code dpkg-deb -I} shows it, and, unpacked into
 * a temporary root ({@code dpkg-deb -x}, no root needed), the installed launcher runs the headless
 * demo through to the demo archive.
 */
class DebianPackageIT {
  @TempDir Path root;
  @TempDir Path home;

  private static Path deb() throws IOException {
    try (Stream<Path> built = Files.list(Path.of("target", "deb"))) {
      return built.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
    }
  }

  private static String run(Path home, List<String> command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("BEDSIDE_CAPTURE_HOME", home.toString());
    pb.environment().remove("DISPLAY");
    pb.environment().remove("WAYLAND_DISPLAY");
    Path out = Files.createTempFile(home, "run", ".log");
    pb.redirectOutput(out.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(command + " ends").isTrue();
    String said = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(command + ": " + said).isZero();
    return said;
  }

  @Test
  void itsMetadataNamesThePackageItsVersionAndWhatItNeeds() throws Exception {
    String info = run(home, List.of("dpkg-deb", "-I", deb().toString()));

    assertThat(info)
        .contains("Package: bedside-capture")
        .contains("Version: 0.1.0")
        .contains("Section: medical")
        .contains("Architecture: amd64")
        .contains("maintainers@bedsidecapture.invalid")
        .contains("Encounter-based point-of-care imaging capture")
        .containsPattern("Depends: .*libc6");
  }

  @Test
  void unpackedItsLauncherRunsTheHeadlessDemo() throws Exception {
    run(home, List.of("dpkg-deb", "-x", deb().toString(), root.toString()));
    Path launcher = root.resolve("opt/bedside-capture/bin/bedside-capture");

    assertThat(run(home, List.of(launcher.toString(), "--version")))
        .contains("Bedside Capture 0.1.0");
    assertThat(run(home, List.of(launcher.toString(), "demo")))
        .contains("Delivered through the encrypted outbox to the demo archive");
  }
}
