package org.bedsidecapture.app.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.bedsidecapture.devices.grabber.FrameGrabberNames;
import org.bedsidecapture.devices.synthetic.SyntheticCameraProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteSettingsTest {
  @TempDir Path home;

  private void write(String text) throws Exception {
    Files.writeString(home.resolve(SiteSettings.FILE_NAME), text);
  }

  @Test
  void defaultsNeedNoFile() throws Exception {
    SiteSettings s = SiteSettings.load(home);
    assertThat(s.uidRoot()).isEqualTo("2.25");
    assertThat(s.aeTitle()).isEqualTo("BEDSIDE");
    assertThat(s.stationName()).isNotBlank().hasSizeLessThanOrEqualTo(16);
  }

  @Test
  void readsWhatTheInstallerSeeded() throws Exception {
    write(
        """
        station.name=CART-ICU-3
        station.serial=SN-3
        uid.root=1.2.826.0.1.3680043.10.999
        institution.name=St. Testing
        institution.department=ICU
        """);
    SiteSettings s = SiteSettings.load(home);
    assertThat(s.stationName()).isEqualTo("CART-ICU-3");
    assertThat(s.uidRoot()).isEqualTo("1.2.826.0.1.3680043.10.999");
    assertThat(s.station("v1").institution().department()).isEqualTo("ICU");
  }

  @Test
  void theDeviceItsModeAndTheThemeAreTheSitesChoice() throws Exception {
    write("devices.camera=Ward camera\ndevices.camera-mode=1280x720@30\nui.theme=high-contrast\n");
    SiteSettings s = SiteSettings.load(home);
    assertThat(s.cameraName()).isEqualTo("Ward camera");
    assertThat(s.cameraMode()).isEqualTo("1280x720@30");
    assertThat(s.highContrast()).isTrue();
    write("devices.camera-mode=720p\n");
    assertThatThrownBy(() -> SiteSettings.load(home))
        .hasMessageContaining("devices.camera-mode: '720p' is not WIDTHxHEIGHT@FPS");
    write("ui.theme=dark\n");
    assertThatThrownBy(() -> SiteSettings.load(home))
        .hasMessageContaining("ui.theme: 'dark' is not one of standard, high-contrast");
  }

  @Test
  void theDirectoryIsReadWithItsDefaultsAndEveryMistakeNamesItsKey() throws Exception {
    Path password = home.resolve("directory-password");
    Files.writeString(password, "secret");
    Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
    write(
        "directory.url=ldaps://dc1.hospital.example\n"
            + "directory.user-base=ou=people,dc=hospital,dc=example\n"
            + "directory.capture-group=cn=bedside,ou=groups,dc=hospital,dc=example\n"
            + "directory.bind-dn=cn=station,dc=hospital,dc=example\n"
            + "directory.bind-password-file="
            + password
            + "\n");
    SiteSettings.Directory d = SiteSettings.load(home).directory();
    assertThat(d.url().getHost()).isEqualTo("dc1.hospital.example");
    assertThat(d.userFilter()).isEqualTo("(uid={0})");
    assertThat(d.installerGroup()).isNull();
    assertThat(d.badgeAttribute()).isNull();
    assertThat(d.localWhenDown()).as("by default, only the directory signs in").isFalse();
    assertThat(SiteSettings.load(home.resolve("none")).directory()).isNull();

    for (String[] wrong :
        new String[][] {
          {
            "directory.url=http://dc1\ndirectory.user-base=o=x\ndirectory.capture-group=cn=g",
            "directory.url"
          },
          {"directory.url=ldap://dc1\ndirectory.capture-group=cn=g", "directory.user-base"},
          {"directory.url=ldap://dc1\ndirectory.user-base=o=x", "directory.capture-group"},
          {
            "directory.url=ldap://dc1\ndirectory.user-base=o=x\ndirectory.capture-group=cn=g\n"
                + "directory.user-filter=(uid=nora)",
            "directory.user-filter"
          },
          {
            "directory.url=ldap://dc1\ndirectory.user-base=o=x\ndirectory.capture-group=cn=g\n"
                + "directory.bind-dn=cn=station",
            "directory.bind-password-file"
          },
          {
            "directory.url=ldap://dc1\ndirectory.user-base=o=x\ndirectory.capture-group=cn=g\n"
                + "directory.when-down=anyone",
            "directory.when-down"
          }
        }) {
      write(wrong[0] + "\n");
      assertThatThrownBy(() -> SiteSettings.load(home)).as(wrong[0]).hasMessageContaining(wrong[1]);
    }

    Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-r--r--"));
    write(
        "directory.url=ldaps://dc1\ndirectory.user-base=o=x\ndirectory.capture-group=cn=g\n"
            + "directory.bind-dn=cn=station\ndirectory.bind-password-file="
            + password
            + "\n");
    assertThatThrownBy(() -> SiteSettings.load(home))
        .as("the station's directory password is a secret: its owner's only")
        .hasMessageContaining("directory.bind-password-file");
  }

  /** The settings screen offers every key the start-up validation knows, each in one section. */
  @Test
  void theSettingsScreenOffersEveryKeyOnce() {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("archive.1", "dicom://PACS@pacs:104");
    p.setProperty("archive.3.commit", "true");
    p.setProperty("barcode.rule.2.kind", "mrn");
    java.util.List<String> offered =
        SettingsCatalogue.sections(p).stream()
            .flatMap(section -> section.keys().stream())
            .map(SettingsCatalogue.Key::name)
            .toList();

    assertThat(offered).doesNotHaveDuplicates().containsAll(SiteSettings.KEYS);
    assertThat(offered)
        .contains("archive.1", "archive.1.commit", "archive.3", "archive.4", "archive.4.commit")
        .doesNotContain("archive.2")
        .contains("barcode.rule.2.pattern", "barcode.rule.3.kind")
        .doesNotContain("barcode.rule.1.kind");
    assertThat(
            SettingsCatalogue.sections(p).stream()
                .flatMap(section -> section.keys().stream())
                .filter(k -> k.name().equals("barcode.rule.3.check-digit"))
                .findFirst()
                .orElseThrow()
                .pattern())
        .isEqualTo("barcode.rule.N.check-digit");
  }

  @Test
  void badValuesNameTheKey() throws Exception {
    write("station.name=A-VERY-LONG-CART-NAME\n");
    assertThatThrownBy(() -> SiteSettings.load(home))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("station.name is 21 characters; at most 16");
    write("uid.root=1.2.03\n");
    assertThatThrownBy(() -> SiteSettings.load(home)).hasMessageContaining("uid.root:");
    write("station.nmae=X\n");
    assertThatThrownBy(() -> SiteSettings.load(home))
        .hasMessageContaining("unknown key 'station.nmae'");
  }

  @Test
  void clipLengthAndFrameGrabberNamesAreTheSitesChoice() throws Exception {
    SiteSettings defaults = SiteSettings.load(home);
    assertThat(defaults.clipMaxLength()).isEqualTo(Duration.ofMinutes(5));
    assertThat(defaults.frameGrabberNames()).isNull();

    write("clips.max-seconds=90\ndevices.frame-grabber-names=Vivid|Osprey\n");
    SiteSettings s = SiteSettings.load(home);
    assertThat(s.clipMaxLength()).isEqualTo(Duration.ofSeconds(90));
    FrameGrabberNames names = FrameGrabberNames.of(s.devices());
    assertThat(names.isFrameGrabber("Osprey 260e")).isTrue();
    assertThat(names.isFrameGrabber("USB3.0 HD Video Capture")).isFalse();

    write("devices.frame-grabber-names=Vivid(\n");
    assertThatThrownBy(() -> SiteSettings.load(home))
        .hasMessageContaining("devices.frame-grabber-names: not a regular expression");
    write("devices.synthetic=false\n");
    SiteSettings ward = SiteSettings.load(home);
    assertThat(new SyntheticCameraProvider().cameras(ward.devices())).isEmpty();
    assertThat(new SyntheticCameraProvider().cameras(defaults.devices())).isNotEmpty();
    assertThat(defaults.syntheticDevices()).isTrue();
    write("devices.synthetic=no\n");
    assertThatThrownBy(() -> SiteSettings.load(home)).hasMessageContaining("not true or false");
    write("clips.max-seconds=0\n");
    assertThatThrownBy(() -> SiteSettings.load(home)).hasMessageContaining("clips.max-seconds");
  }

  @Test
  void barcodeRulesComeFromTheSiteFileInOrder() throws Exception {
    assertThat(SiteSettings.load(home).barcodeRules().name()).isEqualTo("demo");
    write(
        "barcode.rules=CITY-2026\n"
            + "barcode.rule.2.kind=visit\n"
            + "barcode.rule.2.system=urn:oid:1.2.3.6\n"
            + "barcode.rule.2.pattern=V(\\\\d+)\n"
            + "barcode.rule.1.kind=mrn\n"
            + "barcode.rule.1.system=urn:oid:1.2.3.4\n"
            + "barcode.rule.1.gs1-ai=8018\n"
            + "barcode.rule.1.check-digit=gs1-mod10\n");
    var rules = SiteSettings.load(home).barcodeRules();
    assertThat(rules.name()).isEqualTo("CITY-2026");
    assertThat(rules.rules())
        .extracting(r -> r.name() + ":" + r.kind())
        .containsExactly("1:PATIENT_MRN", "2:ENCOUNTER_VISIT");
    assertThat(rules.resolve("V123").value()).isEqualTo("123");
    write("barcode.rule.1.kind=patient\nbarcode.rule.1.system=x\nbarcode.rule.1.pattern=.*\n");
    assertThatThrownBy(() -> SiteSettings.load(home))
        .hasMessageContaining(
            "barcode rule 1: barcode.rule.1.kind must be mrn, visit, accession or badge");
  }

  @Test
  void smartBackendServicesNeedsItsThreeSettingsAndNoOtherCredentials() throws Exception {
    write(
        "fhir.smart.token-url=https://ehr.example/auth/token\n"
            + "fhir.smart.client-id=station-7\n"
            + "fhir.smart.private-key-file=/etc/bedside/station.jwk\n");
    var smart = SiteSettings.load(home).fhirSmart();
    assertThat(smart.clientId()).isEqualTo("station-7");
    assertThat(smart.scope()).contains("system/Patient.read");
    write("fhir.smart.client-id=station-7\n");
    assertThatThrownBy(() -> SiteSettings.load(home)).hasMessageContaining("together");
  }

  @Test
  void theScannerIsSetUpFromTheSiteFile() throws Exception {
    assertThat(SiteSettings.load(home).scanner().suffix()).isEqualTo('\n');
    write("scanner.prefix=\\u0002\nscanner.suffix=tab\nscanner.max-key-gap-ms=60\n");
    var scanner = SiteSettings.load(home).scanner();
    assertThat(scanner.prefix()).isEqualTo("\u0002");
    assertThat(scanner.suffix()).isEqualTo('\t');
    assertThat(scanner.maxKeyGap()).hasMillis(60);
    write("scanner.suffix=space\n");
    assertThatThrownBy(() -> SiteSettings.load(home)).hasMessageContaining("enter or tab");
  }

  @Test
  void tlsFilesThatCannotBeUsedAreNamed() throws Exception {
    write("tls.key-store=/etc/station.p12\n");
    assertThatThrownBy(() -> SiteSettings.load(home))
        .hasMessageContaining("set tls.key-store and tls.key-store-password-file together");
    java.nio.file.Path notPem = java.nio.file.Files.writeString(home.resolve("ca.pem"), "x");
    write("tls.trusted-certificates=" + notPem + "\n");
    assertThatThrownBy(() -> SiteSettings.load(home))
        .hasMessageContaining("TLS: trusted certificates " + notPem);
  }

  @Test
  void archivesAreListedInTheOrderOfTheirNumbersWithCommitmentPerArchive() throws Exception {
    SiteSettings none = SiteSettings.load(home);
    assertThat(none.archives()).isEmpty();
    assertThat(none.idleTimeout()).hasMinutes(5);
    write(
        """
        archive.2=https://vna.example.org/dicom-web
        archive.1=dicom://PACS@pacs.example.org:104
        archive.1.commit=true
        session.idle-minutes=3
        """);

    SiteSettings s = SiteSettings.load(home);

    assertThat(s.archives())
        .extracting(Archive::destination, Archive::commit)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("PACS@pacs.example.org:104", true),
            org.assertj.core.groups.Tuple.tuple("https://vna.example.org/dicom-web", false));
    assertThat(s.idleTimeout()).hasMinutes(3);
  }

  @Test
  void aSiteRuleCanTellStaffBadgesFromWristbands() throws Exception {
    write(
        """
        barcode.rules=city
        barcode.rule.1.kind=badge
        barcode.rule.1.pattern=STAFF([0-9]{6})
        barcode.rule.2.kind=mrn
        barcode.rule.2.system=urn:oid:1.2.3
        barcode.rule.2.pattern=([0-9]{8})
        """);
    var rules = SiteSettings.load(home).barcodeRules();
    assertThat(rules.resolve("STAFF004711").kind())
        .isEqualTo(org.bedsidecapture.app.barcode.IdentifierQuery.Kind.STAFF_BADGE);
    assertThat(rules.resolve("12345678").kind())
        .isEqualTo(org.bedsidecapture.app.barcode.IdentifierQuery.Kind.PATIENT_MRN);
  }

  @Test
  void thePedalKeyIsAKeyNobodyTypes() throws Exception {
    assertThat(SiteSettings.load(home).pedalKey()).isEqualTo("F8");
    write("capture.pedal-key=page_down\n");
    assertThat(SiteSettings.load(home).pedalKey()).isEqualTo("PAGE_DOWN");
    for (String allowed : new String[] {"F1", "F24", "PAUSE", "SCROLL_LOCK", "INSERT", "PAGE_UP"}) {
      assertThat(SiteSettings.PEDAL_KEYS.matcher(allowed).matches()).isTrue();
      assertThat(javafx.scene.input.KeyCode.valueOf(allowed)).isNotNull();
    }
    for (String typed : new String[] {"B", "SPACE", "F25", "DIGIT1"}) {
      write("capture.pedal-key=" + typed + "\n");
      assertThatThrownBy(() -> SiteSettings.load(home))
          .hasMessageContaining("capture.pedal-key: '" + typed + "' cannot be the shutter key");
    }
  }

  @Test
  void theScreensLanguageIsTheStationsUnlessTheSiteChoosesOne() throws Exception {
    assertThat(SiteSettings.load(home).language()).isNull();
    write("ui.language=DE\n");
    assertThat(SiteSettings.load(home).language()).isEqualTo(java.util.Locale.GERMAN);
    write("ui.language=fr\n");
    assertThatThrownBy(() -> SiteSettings.load(home))
        .hasMessageContaining("ui.language: 'fr' is not one of [de, en]");
  }

  @Test
  void aBadArchiveIsNamedByItsKey() throws Exception {
    write("archive.1=https://vna.example.org/dicom-web\narchive.1.commit=true\n");
    assertThatThrownBy(() -> SiteSettings.load(home))
        .hasMessageContaining("archive.1: storage commitment is for DICOM archives");
    write("archive.3.commit=true\n");
    assertThatThrownBy(() -> SiteSettings.load(home))
        .hasMessageContaining("archive.3.commit is set but archive.3 is not");
    write("archive.1=dicom://PACS@pacs:104\narchive.2=dicom://PACS@pacs:104\n");
    assertThatThrownBy(() -> SiteSettings.load(home))
        .hasMessageContaining("archive.2: the same archive is listed twice");
    write("archive.1=dicom://pacs\n");
    assertThatThrownBy(() -> SiteSettings.load(home)).hasMessageContaining("archive.1: ");
    write("session.idle-minutes=0\n");
    assertThatThrownBy(() -> SiteSettings.load(home)).hasMessageContaining("session.idle-minutes");
  }

  @Test
  void aSecretOtherAccountsCanReadIsRefusedNamingTheKeyAndTheFix() throws Exception {
    Path token = Files.writeString(home.resolve("fhir.token"), "t0ken");
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
    write("fhir.bearer-token-file=" + token + "\n");

    assertThatThrownBy(() -> SiteSettings.load(home))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("fhir.bearer-token-file: " + token)
        .hasMessageContaining("can be read or changed by other accounts (rw-r--r--)")
        .hasMessageContaining("chmod 600 " + token);

    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
    assertThat(SiteSettings.load(home).fhirAuthorization()).isEqualTo("Bearer t0ken");
  }

  @Test
  void theOutboxKeyMustBeItsOwnersOnlyToo() throws Exception {
    Path key = Files.createDirectories(home.resolve("keys")).resolve("outbox.key");
    Files.write(key, new byte[32]);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-rw----"));

    assertThatThrownBy(() -> SiteSettings.load(home))
        .hasMessageContaining("outbox.key-file: " + key)
        .hasMessageContaining("(rw-rw----)");
  }

  @Test
  void commitmentReportsComeOverDicomTlsOnlyWhenTheCommittingArchivesAllAreDicomTls()
      throws Exception {
    write("archive.1=dicom://PACS@pacs.example:104\narchive.1.commit=true\n");
    assertThat(SiteSettings.load(home).reportsOverTls()).isFalse();

    write(
        "archive.1=dicom-tls://PACS@pacs.example:2762\narchive.1.commit=true\n"
            + "archive.2=dicom://VNA@vna.example:104\narchive.2.commit=true\n");
    assertThatThrownBy(() -> SiteSettings.load(home))
        .hasMessageContaining("must be all dicom-tls:// or all dicom://");

    write("archive.1=dicom-tls://PACS@pacs.example:2762\narchive.1.commit=true\n");
    assertThatThrownBy(() -> SiteSettings.load(home))
        .hasMessageContaining("its report over DICOM TLS")
        .hasMessageContaining("set tls.key-store");
  }
}
