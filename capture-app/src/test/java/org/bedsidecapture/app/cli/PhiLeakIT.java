package org.bedsidecapture.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bedsidecapture.app.demo.PatientDataSearch;
import org.bedsidecapture.app.demo.WristbandSheet;
import org.bedsidecapture.app.fhir.demo.DemoFhirServer;
import org.bedsidecapture.app.fhir.demo.SyntheticEhr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No patient data where it does not belong: the whole capture path (the demo's: a wristband read
 * and looked up in the EHR, the patient confirmed, photos and a clip wrapped, sent, delivered) and
 * a lookup on the command line, run with the diagnostic launcher's verbose logging and a temporary
 * folder of their own; then every file they left — logs, the error stream, temporary files, the
 * station's folders with its outbox — is searched for the patient's name, birth date, MRN and visit
 * number, in the spellings FHIR and DICOM use. Only the archive (which is where they belong) and
 * what the user is shown on the output are left out.
 */
class PhiLeakIT {
  @TempDir Path dir;

  @Test
  void theCapturePathLeavesNoPatientDataInLogsTemporaryFilesOrTheStationsFolders()
      throws Exception {
    Path home = dir.resolve("home");
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    List<String> jvm = List.of("-Dbedside.diagnostic=true", "-Djava.io.tmpdir=" + tmp);
    WristbandSheet.Label patient = SyntheticEhr.wristbands().get(0);

    Jar.Run demo = Jar.run(home, dir, jvm, "demo");
    assertThat(demo.exitCode()).as(demo.err()).isZero();
    Jar.Run lookup;
    try (DemoFhirServer ehr =
        DemoFhirServer.start(FhirContext.forR4Cached(), SyntheticEhr.resources(), List.of())) {
      lookup = Jar.run(home, dir, jvm, "lookup", "--fhir", ehr.baseUrl(), patient.mrn());
    }
    assertThat(lookup.exitCode()).as(lookup.err()).isZero();
    assertThat(lookup.out()).as("the user is shown whom to confirm").contains(patient.mrn());

    PatientDataSearch search = PatientDataSearch.of(patient);
    List<String> inDicom = PatientDataSearch.inDicom(patient);
    List<String> phi = search.spellings();

    String archived;
    try (Stream<Path> objects = Files.walk(home.resolve("demo").resolve("archive"))) {
      StringBuilder all = new StringBuilder();
      for (Path f : objects.filter(Files::isRegularFile).toList()) {
        all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
      archived = all.toString();
    }
    assertThat(inDicom)
        .as("the spellings searched for are those the objects in the archive carry")
        .allMatch(archived::contains);

    Path archive = home.resolve("demo").resolve("archive");
    Path sheet = home.resolve("demo").resolve("wristbands.png");
    List<String> found = new ArrayList<>();
    for (Path root : List.of(home, tmp)) {
      found.addAll(search.inFiles(root, f -> !f.startsWith(archive) && !f.equals(sheet), false));
    }
    try (Stream<Path> logs = Files.walk(home)) {
      assertThat(logs.filter(f -> f.getFileName().toString().startsWith("diagnostic-")))
          .as("the diagnostic logs of both runs are among what is searched")
          .isNotEmpty();
    }
    for (String p : phi) {
      if (demo.err().contains(p) || lookup.err().contains(p)) {
        found.add("the error stream holds '" + p + "'");
      }
    }
    assertThat(found).as("patient data outside the archive").isEmpty();
  }
}
