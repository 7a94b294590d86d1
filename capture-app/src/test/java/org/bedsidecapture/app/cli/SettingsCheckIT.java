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
import org.bedsidecapture.dicom.testing.Storescp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `settings check` against a real archive (Orthanc), a closed port and the in-process EHR. */
class SettingsCheckIT {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int check(Path home, String... more) {
    CommandLine cl = BedsideCaptureCommand.commandLine(new AppContext(home, Clock.systemUTC()));
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

  @Test
  void badSettingsAreNamedByTheirKeyAndNothingIsTried() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    Files.writeString(home.resolve(SiteSettings.FILE_NAME), "session.idle-minutes=0\n");

    assertThat(check(home)).isEqualTo(2);
    assertThat(err.toString()).contains("settings check: ").contains("session.idle-minutes");
    assertThat(out.toString()).isEmpty();
  }
}
