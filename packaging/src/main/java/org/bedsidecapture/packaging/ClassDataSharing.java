package org.bedsidecapture.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The runtime's class-data-sharing archive, made at build time: the app runs its self-test on the
 * jlinked runtime while the JVM lists every class it loads, and the runtime's default archive
 * ({@code lib/server/classes.jsa}, which every launch maps without being asked) is dumped from that
 * list — the Java classes the app uses, parsed and verified once here instead of at every start on
 * the cart.
 *
 * <p>The app's own classes and its libraries' stay out: Java 17 can share classes from jars only
 * when they are found at the very path they had when the archive was made, and the installed app
 * lives elsewhere than the build's image.
 */
final class ClassDataSharing {
  private ClassDataSharing() {}

  /** Makes the archive in {@code runtime} from a training run of the app in {@code input}. */
  static Path archive(Path runtime, Path input, Path work)
      throws IOException, InterruptedException {
    AppImage.deleteTree(work);
    Path home = Files.createDirectories(work.resolve("home"));
    Path list = work.resolve("classes.lst");
    Path jvm = runtime.resolve("bin").resolve("java");
    AppImage.runProgram(
        List.of(
            jvm.toString(),
            "-XX:DumpLoadedClassList=" + list,
            "-cp",
            String.join(java.io.File.pathSeparator, AppImage.classPath(input)),
            "org.bedsidecapture.app.Main",
            "self-test"),
        Map.of("BEDSIDE_CAPTURE_HOME", home.toString()),
        10);
    AppImage.runProgram(
        List.of(jvm.toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + list), Map.of(), 5);
    Path archive = runtime.resolve("lib").resolve("server").resolve("classes.jsa");
    if (!Files.isRegularFile(archive)) {
      throw new IOException("the JVM made no class-data-sharing archive at " + archive);
    }
    return archive;
  }
}
