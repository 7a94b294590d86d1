package org.bedsidecapture.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.bedsidecapture.app.AppContext;
import org.bedsidecapture.app.fhir.Fhir;
import org.bedsidecapture.app.fhir.demo.DemoFhirServer;
import org.bedsidecapture.app.settings.SiteSettings;
import org.bedsidecapture.dicom.testing.Orthanc;
import org.bedsidecapture.dicom.testing.Secrets;
import org.bedsidecapture.dicom.testing.Storescp;
import org.bedsidecapture.dicom.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `settings check` against a real archive (Orthanc), a closed port and the in-process EHR. */
class SettingsCheckIT {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int check(Path home, String... more) {
    return check(home, Clock.systemUTC(), more);
  }

  private int check(Path home, Clock clock, String... more) {
    CommandLine cl = BedsideCaptureCommand.commandLine(new AppContext(home, clock));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    String[] args = new String[more.length + 2];
    args[0] = "settings";
    args[1] = "check";
    System.arraycopy(more, 0, args, 2, more.length);
    return cl.execute(args);
  }

  @Test
  void whatTheSiteNamesIsTriedAndEachAnswerSaysWhatToFix() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    int closed = Storescp.freePort();
    try (Orthanc orthanc = Orthanc.start(dir.resolve("orthanc"), Orthanc.Options.plain());
        DemoFhirServer ehr = Fhir.warmingInBackground().startDemoEhr()) {
      Files.writeString(
          home.resolve(SiteSettings.FILE_NAME),
          "fhir.base-url="
              + ehr.baseUrl()
              + "\narchive.1="
              + orthanc.dicomUrl()
              + "\narchive.2=dicom://NOBODY@127.0.0.1:"
              + closed
              + "\n");

      int exit = check(home, "--barcode", "DEMO-000001", "--barcode", "hello");

      assertThat(exit).isEqualTo(1);
      assertThat(out.toString())
          .contains("OK   site.properties: valid")
          .contains("OK   archive.1 " + orthanc.dicomUrl() + ": answers (C-ECHO)")
          .contains("FAIL archive.2 dicom://NOBODY@127.0.0.1:" + closed + ": ")
          .contains("the archive knows this station as BEDSIDE")
          .contains("OK   fhir.base-url " + ehr.baseUrl() + ": answers: FHIR 4.0.1")
          .contains("OK   barcode 'DEMO-000001': an MRN 'DEMO-000001'")
          .contains("FAIL barcode 'hello': ");
    }
  }

  /**
   * Every kind of archive a site names, each tried the way it is used: Orthanc over DICOM with a
   * storage-commitment round trip through this station's listener and over DICOMweb with the site's
   * credentials; dcmtk over DICOM TLS once with a certificate from the trusted test authority and
   * once with an impostor's; and a sample wristband looked up in the EHR.
   */
  @Test
  void eachArchiveIsTriedAsItIsUsedAndEachCertificateIsNamed() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    TestPki pki = TestPki.create(dir.resolve("pki"));
    int listener = Storescp.freePort();
    Path credentials =
        Secrets.write(dir.resolve("dicomweb.secret"), Orthanc.USER + ":" + Orthanc.PASSWORD);
    try (Orthanc orthanc =
            Orthanc.start(
                dir.resolve("orthanc"),
                Orthanc.Options.plain().withStation("BEDSIDE", listener).withAuthentication());
        Storescp trusted = Storescp.tls(dir.resolve("trusted"), pki, false);
        Storescp impostor = Storescp.tls(dir.resolve("impostor"), pki, true);
        DemoFhirServer ehr = Fhir.warmingInBackground().startDemoEhr()) {
      String good = trusted.tlsUrl();
      String bad = impostor.tlsUrl();
      Files.writeString(
          home.resolve(SiteSettings.FILE_NAME),
          String.join(
              "\n",
              "fhir.base-url=" + ehr.baseUrl(),
              "station.listen-address=127.0.0.1",
              "station.listen-port=" + listener,
              "commitment.timeout-seconds=20",
              "archive.1=" + orthanc.dicomUrl(),
              "archive.1.commit=true",
              "archive.2=" + orthanc.dicomWebBase(),
              "archive.3=" + good,
              "archive.4=" + bad,
              "dicomweb.basic-auth-file=" + credentials,
              "tls.key-store=" + pki.stationKeyStore(),
              "tls.key-store-password-file=" + pki.stationKeyStorePasswordFile(),
              "tls.trusted-certificates=" + pki.authority(),
              ""));

      int exit = check(home, "--barcode", "DEMO-000001");

      String said = out.toString();
      assertThat(exit).as(said).isEqualTo(1);
      assertThat(said)
          .contains("OK   archive.1 " + orthanc.dicomUrl() + ": answers (C-ECHO)")
          .contains(
              "OK   archive.1 "
                  + orthanc.dicomUrl()
                  + ": storage commitment works both ways (request taken, report received)")
          .contains("OK   archive.2 " + orthanc.dicomWebBase() + ": answers (a DICOMweb search")
          .contains(
              "OK   archive.3 "
                  + good
                  + ": TLS certificate CN=localhost, valid for 127.0.0.1, localhost, issued by CN=Bedside Capture Test CA")
          .contains("OK   archive.3 " + good + ": answers (C-ECHO)")
          .contains(
              "FAIL archive.4 "
                  + bad
                  + ": its TLS certificate is not signed by an authority this station trusts (check"
                  + " tls.trusted-certificates). Its certificate names CN=localhost")
          .contains(
              "Its certificate names CN=localhost (valid for 127.0.0.1, localhost), issued by CN=Untrusted Test CA")
          .contains(
              "OK   sample 'DEMO-000001' in the EHR: found: one patient, one current encounter")
          .contains("OK   barcode 'DEMO-000001': an MRN 'DEMO-000001'")
          .doesNotContain("FAIL archive.4 " + bad + ": archive");
      out.getBuffer().setLength(0);

      Clock nearExpiry =
          Clock.offset(
              Clock.systemUTC(), java.time.Duration.ofDays(TestPki.VALID_DAYS_NUMBER - 10));
      check(home, nearExpiry);

      assertThat(out.toString())
          .containsPattern(
              "FAIL archive.3 "
                  + java.util.regex.Pattern.quote(good)
                  + ": its certificate CN=localhost expires on .* \\(in (9|10) days\\): renew it before"
                  + " then");
    }
  }

  @Test
  void badSettingsAreNamedByTheirKeyAndNothingIsTried() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    Files.writeString(home.resolve(SiteSettings.FILE_NAME), "session.idle-minutes=0\n");

    assertThat(check(home)).isEqualTo(2);
    assertThat(err.toString()).contains("settings check: ").contains("session.idle-minutes");
    assertThat(out.toString()).isEmpty();
  }
}
