package org.bedsidecapture.packaging;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the installers with the JDK's own tools: {@code jdeps} decides which Java modules the app
 * and its libraries need, {@code jlink} makes a runtime of only those (with a class-data-sharing
 * archive of the classes a training run of the app loads, for start-up), and {@code jpackage} puts
 * the app's jars, that runtime, the software bill of materials and the third-party licences into an
 * app image with its launchers (the app; the same with a diagnostic log; on Windows one with a
 * console for the commands), and makes installers of it: on Linux a {@code .deb} where Debian's
 * {@code dpkg-deb} is at hand and an {@code .rpm} where {@code rpmbuild} is (both run {@code
 * station-package.sh} when installed and removed); on Windows an {@code .msi}, on macOS a {@code
 * .pkg}, when the build asks for them.
 *
 * <p>Arguments: the input folder (the app's jar, {@code lib/} beside it), the output folder, the
 * folder of the installers' resources (per OS), the CycloneDX bill of materials, the app's version,
 * its one-line description, the vendor, the maintainer's e-mail address, the licence file, the
 * licence as the packages name it, and the installer types to make (comma-separated; default {@code
 * deb,rpm}).
 */
public final class AppImage {
  /** The launcher's, the image's and the packages' name. */
  static final String NAME = "bedside-capture";

  /** The second launcher: the app, writing everything it says to a diagnostic log. */
  static final String DIAGNOSTIC = NAME + "-diagnostic";

  /** The app's main jar in the input folder. */
  static final String MAIN_JAR = "capture-app.jar";

  /** The script the Linux packages run when installed and removed (in {@code lib/app/}). */
  static final String PACKAGE_SCRIPT = "station-package.sh";

  /**
   * The launchers' JVM options for a bedside cart of 4–8 GB: the operating system's places for
   * settings, outbox and logs; a heap of up to 40 % of the memory (1.6–3.2 GB: a burst of 12 MP
   * photos and a clip being encoded fit with room, and the OS, the camera driver and the browser
   * beside the app keep the rest); UTF-8 whatever the OS's locale; no core dump when the JVM
   * crashes (a core holds the whole heap, patients' data and keys among it; the crash file is moved
   * into the account's log folder at the next start).
   */
  static final List<String> JAVA_OPTIONS =
      List.of(
          "-Dbedside.layout=installed",
          "-XX:MaxRAMPercentage=40",
          "-Dfile.encoding=UTF-8",
          "-XX:-CreateCoredumpOnCrash");

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
  static final Map<String, String> NEVER_LOADED =
      Map.of(
          "jdk.javadoc",
          "only icu4j's Javadoc taglet (com.ibm.icu.dev.tool.docs) names it, a tool for building"
              + " ICU's own documentation; it would bring the Java compiler along");

  private AppImage() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path input = Path.of(args[0]);
    Path output = Path.of(args[1]);
    Path resources = Path.of(args[2]);
    Path sbom = Path.of(args[3]);
    if (!Files.isRegularFile(sbom)) {
      throw new IOException(
          "no bill of materials at "
              + sbom
              + ": the CycloneDX plugin makes it only when Maven is online (not with -o)");
    }
    Product product =
        new Product(
            args[4].replace("-SNAPSHOT", ""), args[5], args[6], args[7], Path.of(args[8]), args[9]);

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
    System.out.println(
        "class-data-sharing archive: "
            + ClassDataSharing.archive(runtime, input, output.resolve("cds-training")));

    Files.copy(
        sbom, input.resolve("bedside-capture-sbom.cdx.json"), StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(
        input.resolve("THIRD-PARTY.txt"), ThirdParty.list(sbom), StandardCharsets.UTF_8);
    Os os = Os.of(System.getProperty("os.name"));
    if (os == Os.LINUX) {
      Files.copy(
          resources.resolve("linux").resolve(PACKAGE_SCRIPT),
          input.resolve(PACKAGE_SCRIPT),
          StandardCopyOption.REPLACE_EXISTING);
    }
    Path images = output.resolve("image");
    deleteTree(images);
    List<String> launchers = new ArrayList<>();
    for (Map.Entry<String, String> launcher : os.otherLaunchers().entrySet()) {
      Path properties = output.resolve(launcher.getKey() + ".properties");
      Files.writeString(properties, launcher.getValue());
      launchers.add(launcher.getKey() + "=" + properties);
    }
    run("jpackage", appImage(os, product, input, runtime, resources, launchers, images));
    System.out.println("app image: " + images.resolve(os.imageName()));

    List<String> types = args.length > 10 ? List.of(args[10].split(",")) : List.of("deb", "rpm");
    for (String type : types) {
      String tool = TOOLS.getOrDefault(type, "");
      if (!tool.isEmpty() && !onPath(tool)) {
        System.out.println("no ." + type + ": " + tool + " is not on the PATH");
        continue;
      }
      if (type.equals("deb") && !onPath("fakeroot")) {
        throw new IOException(
            "jpackage builds the .deb under fakeroot: install it (scripts/setup.sh does)");
      }
      Path dest = output.resolve(type);
      deleteTree(dest);
      run("jpackage", installer(type, images.resolve(os.imageName()), resources, product, dest));
      try (Stream<Path> made = Files.list(dest)) {
        System.out.println(
            type
                + ": "
                + made.filter(f -> f.toString().endsWith("." + type)).findFirst().orElseThrow());
      }
    }
  }

  /**
   * The tool each installer type needs on the PATH besides the JDK (none: jpackage finds its own).
   */
  static final Map<String, String> TOOLS = Map.of("deb", "dpkg-deb", "rpm", "rpmbuild");

  /** The operating system the image is built for: its icon and its extra launchers. */
  enum Os {
    LINUX("linux", "bedside-capture.png"),
    WINDOWS("windows", "bedside-capture.ico"),
    MACOS("macos", "bedside-capture.icns");

    final String resources;
    final String icon;

    Os(String resources, String icon) {
      this.resources = resources;
      this.icon = icon;
    }

    static Os of(String osName) {
      String n = osName.toLowerCase(java.util.Locale.ROOT);
      return n.startsWith("windows") ? WINDOWS : n.startsWith("mac") ? MACOS : LINUX;
    }

    /** The app image's folder name jpackage makes. */
    String imageName() {
      return this == MACOS ? NAME + ".app" : NAME;
    }

    /**
     * The launchers besides the app's, as jpackage's launcher properties: the diagnostic one
     * everywhere; on Windows, whose app launcher has no console, one with a console for the
     * commands ({@code bedside-capture-cli wrap ...}).
     */
    Map<String, String> otherLaunchers() {
      List<String> diagnostic = new ArrayList<>(JAVA_OPTIONS);
      diagnostic.add("-Dbedside.diagnostic=true");
      Map<String, String> launchers = new java.util.TreeMap<>();
      launchers.put(DIAGNOSTIC, "java-options=" + String.join(" ", diagnostic) + "\n");
      if (this == WINDOWS) {
        launchers.put(
            NAME + "-cli",
            "java-options=" + String.join(" ", JAVA_OPTIONS) + "\nwin-console=true\n");
      }
      return launchers;
    }
  }

  /** jpackage's arguments for the app image of {@code os}. */
  static String[] appImage(
      Os os,
      Product product,
      Path input,
      Path runtime,
      Path resources,
      List<String> launchers,
      Path dest) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "--type",
                "app-image",
                "--icon",
                resources.resolve(os.resources).resolve(os.icon).toString(),
                "--input",
                input.toString(),
                "--main-jar",
                MAIN_JAR,
                "--runtime-image",
                runtime.toString(),
                "--dest",
                dest.toString()));
    a.addAll(product.named());
    for (String launcher : launchers) {
      a.add("--add-launcher");
      a.add(launcher);
    }
    for (String option : JAVA_OPTIONS) {
      a.add("--java-options");
      a.add(option);
    }
    if (os == Os.MACOS) {
      a.addAll(
          List.of(
              "--mac-package-identifier", MAC_IDENTIFIER, "--mac-package-name", "Bedside Capture"));
    }
    return a.toArray(String[]::new);
  }

  /** The macOS bundle identifier. */
  static final String MAC_IDENTIFIER = "org.bedsidecapture.app";

  /**
   * The Windows upgrade code: the same for every version, so that an .msi of a newer version
   * replaces the older one in place instead of installing beside it.
   */
  static final String WINDOWS_UPGRADE_CODE = "2C7A4E1F-9B3D-4E8A-A6C5-0F1D2B3C4D5E";

  /**
   * jpackage's arguments for an installer of {@code type} ({@code deb}, {@code rpm}, {@code msi},
   * {@code pkg}) from the app image, with the resources of its OS: the maintainer scripts and spec
   * that run {@value #PACKAGE_SCRIPT} (Linux), the WiX product that takes {@code SITEFILE}
   * (Windows), the postinstall script that takes a site file beside the package (macOS).
   */
  static String[] installer(String type, Path image, Path resources, Product product, Path dest) {
    Os os = type.equals("msi") ? Os.WINDOWS : type.equals("pkg") ? Os.MACOS : Os.LINUX;
    List<String> a =
        new ArrayList<>(
            List.of(
                "--type",
                type,
                "--app-image",
                image.toString(),
                "--license-file",
                product.licence().toString(),
                "--resource-dir",
                resources.resolve(os.resources).toString(),
                "--dest",
                dest.toString()));
    a.addAll(product.named());
    switch (type) {
      case "deb", "rpm" ->
          a.addAll(
              List.of(
                  "--linux-package-name",
                  NAME,
                  "--linux-deb-maintainer",
                  product.maintainer(),
                  "--linux-rpm-license-type",
                  product.licenceType(),
                  "--linux-app-category",
                  type.equals("deb") ? "medical" : "Applications/Engineering",
                  "--linux-package-deps",
                  DEPENDS.get(type)));
      case "msi" ->
          a.addAll(
              List.of(
                  "--win-upgrade-uuid",
                  WINDOWS_UPGRADE_CODE,
                  "--win-menu",
                  "--win-menu-group",
                  "Bedside Capture",
                  "--win-shortcut"));
      case "pkg" -> a.addAll(List.of("--mac-package-identifier", MAC_IDENTIFIER));
      default -> throw new IllegalArgumentException("no installer of type " + type);
    }
    return a.toArray(String[]::new);
  }

  /**
   * What the packages need that jpackage cannot see, as each distribution names it: JavaFX opens
   * GTK 3 and OpenGL by name at run time. An .rpm built on Debian finds no RPM database to learn
   * the libraries' packages from, so it names those of the launcher's and the runtime's libraries
   * too (built on an RPM distribution, jpackage adds them itself).
   */
  static final Map<String, String> DEPENDS =
      Map.of(
          "deb",
          "libgtk-3-0, libgl1",
          "rpm",
          "gtk3, mesa-libGL, libX11, libXext, libXi, libXrender, libXtst, alsa-lib, freetype,"
              + " fontconfig, zlib");

  /** What the packages say about the app. */
  record Product(
      String version,
      String description,
      String vendor,
      String maintainer,
      Path licence,
      String licenceType) {
    /** How jpackage is told the app's name, version, description and vendor. */
    List<String> named() {
      return List.of(
          "--name",
          NAME,
          "--app-version",
          version,
          "--description",
          description,
          "--vendor",
          vendor);
    }
  }

  static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  /** The app's jar and its libraries in the input folder, as a class path. */
  static List<String> classPath(Path input) throws IOException {
    List<String> jars = new ArrayList<>(List.of(input.resolve(MAIN_JAR).toString()));
    try (Stream<Path> lib = Files.list(input.resolve("lib"))) {
      lib.map(Path::toString).filter(p -> p.endsWith(".jar")).sorted().forEach(jars::add);
    }
    return jars;
  }

  /**
   * The Java modules the app needs, as jdeps finds them by following the classes the app's jar uses
   * through its libraries (not every class of every library), and those loaded by name.
   */
  static List<String> modules(Path input) throws IOException {
    List<String> jars = classPath(input);
    String printed =
        run(
            "jdeps",
            "--ignore-missing-deps",
            "--print-module-deps",
            "--multi-release",
            "17",
            "--recursive",
            "--class-path",
            String.join(java.io.File.pathSeparator, jars.subList(1, jars.size())),
            jars.get(0));
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

  /** Runs a program to its end (at most {@code minutes}); what it said, or an exception with it. */
  static String runProgram(List<String> command, Map<String, String> env, int minutes)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Path said = Files.createTempFile("bedside-capture-build", ".log");
    try {
      pb.redirectOutput(said.toFile());
      Process p = pb.start();
      if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException(command.get(0) + " did not end in " + minutes + " minutes");
      }
      String out = Files.readString(said, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IOException(command + " failed (exit " + p.exitValue() + "): " + out);
      }
      return out;
    } finally {
      Files.deleteIfExists(said);
    }
  }

  static void deleteTree(Path dir) throws IOException {
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
