package org.bedsidecapture.app.cli;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bedsidecapture.app.AppHome;
import org.bedsidecapture.app.demo.SyntheticEncounters;
import org.bedsidecapture.app.demo.SyntheticPhotos;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The demo on embedded defaults. Until the capture screen exists it runs the capture path without
 * one: a synthetic patient's encounter, synthetic wound photos, wrapped into DICOM.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run the capture path on synthetic patients and photos (no EHR, no camera).")
final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path demo = AppHome.resolve().resolve("demo");
    Path photos = Files.createDirectories(demo.resolve("photos"));
    Path dicom = Files.createDirectories(demo.resolve("dicom"));
    SyntheticEncounters.Case patient = SyntheticEncounters.CASES.get(0);
    Path bundle = demo.resolve("encounter-bundle.json");
    Files.writeString(
        bundle,
        FhirContext.forR4Cached()
            .newJsonParser()
            .setPrettyPrint(true)
            .encodeResourceToString(SyntheticEncounters.bundle(patient)),
        StandardCharsets.UTF_8);
    Path a = SyntheticPhotos.writeJpeg(photos.resolve("sacrum-1.jpg"), 1920, 1080, 1);
    Path b = SyntheticPhotos.writeJpeg(photos.resolve("sacrum-2.jpg"), 1920, 1080, 2);
    out.println(
        "Demo encounter: synthetic patient "
            + patient.mrn()
            + ", visit "
            + patient.visitNumber()
            + " ("
            + bundle
            + ")");
    out.flush();
    int rc =
        spec.root()
            .commandLine()
            .execute(
                "wrap",
                "--context",
                bundle.toString(),
                "--body-site",
                "54735007",
                "--laterality",
                "U",
                "--operator",
                "Demo^Nurse",
                "--out",
                dicom.toString(),
                a.toString(),
                b.toString());
    out.println(
        rc == 0
            ? "Wrapped into DICOM in " + dicom + " (check them with dciodvfy or dcmdump)."
            : "Wrapping failed; see the messages above.");
    return rc;
  }
}
