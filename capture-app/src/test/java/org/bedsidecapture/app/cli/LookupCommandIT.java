package org.bedsidecapture.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.util.List;
import org.bedsidecapture.app.fhir.demo.DemoFhirServer;
import org.bedsidecapture.app.fhir.demo.SyntheticEhr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lookup as a user runs it, against the demo EHR (a HAPI FHIR server in the test's JVM). */
class LookupCommandIT {
  @TempDir Path dir;
  private static DemoFhirServer ehr;

  @BeforeAll
  static void start() throws Exception {
    ehr = DemoFhirServer.start(FhirContext.forR4Cached(), SyntheticEhr.resources(), List.of());
  }

  @AfterAll
  static void stop() throws Exception {
    ehr.close();
  }

  private Jar.Run lookup(String... barcodes) throws Exception {
    String[] args = new String[barcodes.length + 3];
    args[0] = "lookup";
    args[1] = "--fhir";
    args[2] = ehr.baseUrl();
    System.arraycopy(barcodes, 0, args, 3, barcodes.length);
    return Jar.run(dir.resolve("home"), dir, args);
  }

  @Test
  void aWristbandPrintsTheContextAndWhatToConfirm() throws Exception {
    Jar.Run r = lookup("DEMO-000001");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("\"result\": \"found\"")
        .contains("\"confirm\": \"Zztest Alice, born 1961-04-12, MRN DEMO-000001\"")
        .contains("\"value\": \"" + SyntheticEhr.ACCESSION + "\"");
  }

  @Test
  void theDemoEhrRunsOnItsOwnForLookupsFromOtherProcesses() throws Exception {
    Process ehrProcess =
        new ProcessBuilder(
                "java",
                "-jar",
                Path.of("target", "bedside-capture.jar").toAbsolutePath().toString(),
                "demo-ehr")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (var lines =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                ehrProcess.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
      String base = lines.readLine();
      assertThat(base).startsWith("http://127.0.0.1:").endsWith("/fhir");
      Jar.Run r = Jar.run(dir.resolve("home"), dir, "lookup", "--fhir", base, "DEMO-000002");
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).contains("MRN DEMO-000002");
    } finally {
      ehrProcess.destroy();
      ehrProcess.waitFor();
    }
  }

  @Test
  void eachOutcomeHasItsExitCode() throws Exception {
    assertThat(lookup(SyntheticEhr.SHARED_MRN).exitCode()).isEqualTo(3);
    assertThat(lookup("DEMO-999999").exitCode()).isEqualTo(4);
    Jar.Run stop = lookup("DEMO-000001", "DEMO-V0002");
    assertThat(stop.exitCode()).isEqualTo(5);
    assertThat(stop.out()).contains("belongs to another patient");
    Jar.Run order = lookup("DEMO-000001", SyntheticEhr.ACCESSION);
    assertThat(order.exitCode()).as(order.err()).isZero();
    Jar.Run garbage = lookup("HELLO-WORLD-42");
    assertThat(garbage.exitCode()).isEqualTo(2);
    assertThat(garbage.err()).contains("'HE**********42'").contains("rule set 'demo'");
  }
}
