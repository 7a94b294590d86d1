package org.bedsidecapture.packaging;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the installers' app image with the JDK's own tools: {@code jdeps} decides which Java
 * modules the app and its libraries need, {@code jlink} makes a runtime of only those, and {@code
 * jpackage} puts the app's jars and that runtime into an app image with its launcher.
 *
 * <p>Where Debian's {@code dpkg-deb} is at hand, the app image also becomes a {@code .deb}.
 *
 * <p>Arguments: the input folder (the app's jar, {@code lib/} beside it), the output folder, the
 * app's version, its one-line description, the vendor, the maintainer's e-mail address, the licence
 * file.
 */
public final class AppImage {
  /** The launcher's and the image's name. */
  static final String NAME = "bedside-capture";

  /** The app's main jar in the input folder. */
  static final String MAIN_JAR = "capture-app.jar";

  /**
   * Modules the app needs that no class names, so jdeps cannot see them (services found at run
   * time): the elliptic curves of the TLS suites the app allows (ECDHE), the locale data German
   * dates and numbers are written in, the random generators asked for by algorithm name, and the
   * character sets of DICOM's other languages (e.g. ISO 2022 for Japanese names).
   */
  static final List<String> LOADED_BY_NAME =
      List.of("jdk.charsets", "jdk.crypto.ec", "jdk.localedata", "jdk.random");

  /**
   * Modules jdeps names that the app never loads, each with the one reason it is named: left out of
   * the runtime (the app image's test runs the whole demo without them).
   */
  static final java.util.Map<String, String> NEVER_LOADED =
      java.util.Map.of(
          "jdk.javadoc",
          "only icu4j's Javadoc taglet (com.ibm.icu.dev.tool.docs) names it, a tool for building"
              + " ICU's own documentation; it would bring the Java compiler along");

  private AppImage() {}

  public static void main(String[] args) throws IOException {
    Path input = Path.of(args[0]);
    Path output = Path.of(args[1]);
    String version = args[2].replace("-SNAPSHOT", "");
    List<String> modules = modules(input);
    System.out.println("modules of the runtime (jdeps): " + String.join(",", modules));
    NEVER_LOADED.forEach((m, why) -> System.out.println("left out: " + m + ": " + why));
    Path runtime = output.resolve("runtime");
    deleteTree(runtime);
    run(
        "jlink",
        "--add-modules",
        String.join(",", modules),
        "--strip-debug",
        "--no-header-files",
        "--no-man-pages",
        "--output",
        runtime.toString());
    Path images = output.resolve("image");
    deleteTree(images);
    run(
        "jpackage",
        "--type",
        "app-image",
        "--name",
        NAME,
        "--app-version",
        version,
        "--input",
        input.toString(),
        "--main-jar",
        MAIN_JAR,
        "--runtime-image",
        runtime.toString(),
        "--dest",
        images.toString());
    System.out.println("app image: " + images.resolve(NAME));
    if (onPath("dpkg-deb")) {
      if (!onPath("fakeroot")) {
        throw new IOException(
            "jpackage builds the .deb under fakeroot: install it (scripts/setup.sh does)");
      }
      Path debs = output.resolve("deb");
      deleteTree(debs);
      run(
          "jpackage",
          "--type",
          "deb",
          "--app-image",
          images.resolve(NAME).toString(),
          "--name",
          NAME,
          "--app-version",
          version,
          "--description",
          args[3],
          "--vendor",
          args[4],
          "--linux-deb-maintainer",
          args[5],
          "--license-file",
          args[6],
          "--linux-app-category",
          "medical",
          "--dest",
          debs.toString());
      System.out.println("Debian package: " + debs);
    }
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The Java modules the app needs, as jdeps finds them by following the classes the app's jar uses
   * through its libraries (not every class of every library), and those loaded by name.
   */
  static List<String> modules(Path input) throws IOException {
    List<String> jars;
    try (Stream<Path> lib = Files.list(input.resolve("lib"))) {
      jars = lib.map(Path::toString).filter(p -> p.endsWith(".jar")).sorted().toList();
    }
    String printed =
        run(
            "jdeps",
            "--ignore-missing-deps",
            "--print-module-deps",
            "--multi-release",
            "17",
            "--recursive",
            "--class-path",
            String.join(java.io.File.pathSeparator, jars),
            input.resolve(MAIN_JAR).toString());
    TreeSet<String> modules = new TreeSet<>();
    for (String line : printed.strip().split("\\R")) {
      if (line.matches("[a-z][a-z0-9.]*(,[a-z][a-z0-9.]*)*")) {
        modules.addAll(Arrays.asList(line.split(",")));
      }
    }
    if (modules.isEmpty()) {
      throw new IOException("jdeps named no modules: " + printed);
    }
    modules.removeAll(NEVER_LOADED.keySet());
    modules.addAll(LOADED_BY_NAME);
    return List.copyOf(modules);
  }

  /** Runs a JDK tool; its output, or an exception with it when it fails. */
  static String run(String tool, String... args) throws IOException {
    ToolProvider provider =
        ToolProvider.findFirst(tool)
            .orElseThrow(() -> new IOException(tool + " is not in this JDK"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = provider.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    if (exit != 0) {
      throw new IOException(tool + " failed (exit " + exit + "): " + err + out);
    }
    return out.toString();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
