package org.bedsidecapture.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.bedsidecapture.dicom.testing.Storescp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The app image the build made runs from its own jlinked runtime: its launcher answers, its
 * self-test goes all the way — a demo EHR looked up, photos and an H.264 clip wrapped into the
 * encrypted outbox and delivered to a local archive — so no module the app needs is missing; its
 * launchers ask for the operating system's places and a cart's heap, and the diagnostic one writes
 * its log there; it carries the bill of materials and the third-party licences.
 */
class AppImageIT {
  private static final Path IMAGE = Path.of("target", "image", AppImage.NAME);
  private static final Path BIN = IMAGE.resolve("bin");
  private static final Path RUNTIME = IMAGE.resolve("lib").resolve("runtime");
  @TempDir Path home;

  private Map<String, String> aUser() {
    return Program.account(home);
  }

  @Test
  void theLauncherAnswersFromItsOwnRuntime() throws Exception {
    assertThat(Program.ok(aUser(), BIN.resolve(AppImage.NAME).toString(), "--version"))
        .contains("Bedside Capture 0.1.0");
    assertThat(RUNTIME.resolve("release")).exists();
  }

  @Test
  void theSelfTestWrapsAndDeliversThroughTheJlinkedRuntime() throws Exception {
    String said = Program.ok(aUser(), BIN.resolve(AppImage.NAME).toString(), "self-test");

    assertThat(said)
        .contains("taken into the outbox")
        .contains("H.264")
        .contains("Delivered through the encrypted outbox to the demo archive")
        .contains("self-test: passed");
    try (Stream<Path> left = Files.list(home)) {
      assertThat(left.map(Path::getFileName).map(Path::toString))
          .as("the self-test leaves nothing in the account's folders")
          .doesNotContain(".config", ".local");
    }
  }

  /**
   * Every command loads from the jlinked runtime, and those that need no EHR or camera of their own
   * do their job: the body-site catalogue, the (synthetic) devices, a C-ECHO to dcmtk's storescp,
   * the operators of a fresh station, a site file validated.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "wrap",
        "send",
        "echo",
        "outbox",
        "lookup",
        "bench-scan",
        "demo-ehr",
        "bench-preview",
        "body-sites",
        "devices",
        "operators",
        "settings",
        "demo",
        "self-test"
      })
  void everyCommandAnswersFromTheJlinkedRuntime(String command) throws Exception {
    assertThat(Program.ok(aUser(), BIN.resolve(AppImage.NAME).toString(), command, "--help"))
        .contains("Usage: bedside-capture " + command);
  }

  @Test
  void theCommandsThatNeedNoPeerOfTheirOwnDoTheirJob() throws Exception {
    String launcher = BIN.resolve(AppImage.NAME).toString();
    assertThat(Program.ok(aUser(), launcher, "body-sites")).contains("54735007");
    assertThat(Program.ok(aUser(), launcher, "devices")).contains("Synthetic");
    assertThat(Program.ok(aUser(), launcher, "operators", "list")).isNotNull();
    try (Storescp archive = Storescp.start(home.resolve("archive"))) {
      assertThat(Program.ok(aUser(), launcher, "echo", archive.url())).contains("answered");
    }
    Path site = home.resolve("site.properties");
    Files.writeString(site, "station.name=ED-CART-7\n");
    assertThat(Program.ok(aUser(), launcher, "settings", "validate", site.toString()))
        .contains("valid");
  }

  @Test
  void theRuntimeHoldsOnlyTheModulesJdepsNamed() throws Exception {
    String release = Files.readString(RUNTIME.resolve("release"));

    assertThat(release).contains("jdk.crypto.ec").contains("java.desktop");
    assertThat(release)
        .as("no compiler, no tools the app does not run")
        .doesNotContain("jdk.compiler\"")
        .doesNotContain("jdk.jshell")
        .doesNotContain("jdk.jpackage");
  }

  @Test
  void theRuntimeMapsTheClassDataSharingArchiveMadeAtBuildTime() throws Exception {
    assertThat(RUNTIME.resolve("lib").resolve("server").resolve("classes.jsa")).isRegularFile();

    String loaded =
        Program.ok(
            Map.of(),
            RUNTIME.resolve("bin").resolve("java").toString(),
            "-Xshare:on",
            "-Xlog:class+load=info",
            "-version");
    assertThat(loaded).contains("source: shared objects file");
  }

  @Test
  void theLaunchersAskForTheOperatingSystemsPlacesAndACartsHeap() throws Exception {
    Path app = IMAGE.resolve("lib").resolve("app");
    String main = Files.readString(app.resolve(AppImage.NAME + ".cfg"));
    String diagnostic = Files.readString(app.resolve(AppImage.DIAGNOSTIC + ".cfg"));

    assertThat(main)
        .contains("-Dbedside.layout=installed")
        .contains("-XX:MaxRAMPercentage=40")
        .as("no core dump holding the heap")
        .contains("-XX:-CreateCoredumpOnCrash")
        .doesNotContain("bedside.diagnostic");
    assertThat(diagnostic)
        .contains("-Dbedside.layout=installed")
        .contains("-Dbedside.diagnostic=true");

    assertThat(Program.ok(aUser(), BIN.resolve(AppImage.NAME).toString(), "settings", "where"))
        .contains("site file: /etc/bedside-capture/site.properties")
        .contains("settings:  " + home.resolve(".config/bedside-capture"))
        .contains("outbox:    " + home.resolve(".local/share/bedside-capture/outbox"))
        .contains("logs:      " + home.resolve(".local/state/bedside-capture/logs"));
    Program.ok(aUser(), BIN.resolve(AppImage.DIAGNOSTIC).toString(), "--version");
    try (Stream<Path> logs = Files.list(home.resolve(".local/state/bedside-capture/logs"))) {
      Path log =
          logs.filter(p -> p.getFileName().toString().startsWith("diagnostic-"))
              .findFirst()
              .orElseThrow();
      assertThat(Files.readString(log))
          .contains("Bedside Capture 0.1.0")
          .contains(" started (Java 17")
          .contains("site file: /etc/bedside-capture/site.properties")
          .contains("-Dbedside.diagnostic=true");
    }
  }

  @Test
  void itCarriesTheBillOfMaterialsAndTheThirdPartyLicences() throws Exception {
    Path app = IMAGE.resolve("lib").resolve("app");
    String sbom = Files.readString(app.resolve("bedside-capture-sbom.cdx.json"));
    String licences = Files.readString(app.resolve("THIRD-PARTY.txt"));

    assertThat(sbom)
        .contains("\"bomFormat\" : \"CycloneDX\"")
        .contains("pkg:maven/org.bytedeco/ffmpeg");
    assertThat(licences)
        .contains("ca.uhn.hapi.fhir:hapi-fhir-client:")
        .contains("org.openjfx:javafx-controls:")
        .contains("FFmpeg (native")
        .contains("GPL-3.0-or-later")
        .contains("com.pixelmed:pixelmed 20220618");
  }
}
