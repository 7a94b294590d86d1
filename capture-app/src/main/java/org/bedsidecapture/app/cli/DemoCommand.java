package org.bedsidecapture.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.bedsidecapture.app.AppHome;
import org.bedsidecapture.app.AppOutbox;
import org.bedsidecapture.app.demo.SyntheticEncounters;
import org.bedsidecapture.app.demo.SyntheticPhotos;
import org.bedsidecapture.app.fhir.FhirContexts;
import org.bedsidecapture.app.settings.SettingsException;
import org.bedsidecapture.app.settings.SiteSettings;
import org.bedsidecapture.dicom.delivery.LocalArchive;
import org.bedsidecapture.dicom.outbox.NotDicomException;
import org.bedsidecapture.dicom.outbox.Outbox;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The demo on embedded defaults. Until the capture screen exists it runs the capture path without
 * one: a synthetic patient's encounter, synthetic wound photos, wrapped into DICOM, put into the
 * outbox and delivered to the demo's own archive on loopback, which keeps them in a folder.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run the capture path on synthetic patients and photos (no EHR, no camera, no archive).")
final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, NotDicomException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path home = AppHome.resolve();
    SiteSettings settings;
    try {
      settings = SiteSettings.load(home);
    } catch (SettingsException e) {
      err.println("demo: " + e.getMessage());
      return 2;
    }
    Path demo = home.resolve("demo");
    Path photos = Files.createDirectories(demo.resolve("photos"));
    Path dicom = Files.createDirectories(demo.resolve("dicom"));
    try (Stream<Path> earlier = Files.list(dicom)) {
      for (Path f : earlier.toList()) {
        Files.delete(f);
      }
    }
    SyntheticEncounters.Case patient = SyntheticEncounters.CASES.get(0);
    Path bundle = demo.resolve("encounter-bundle.json");
    Files.writeString(
        bundle,
        FhirContexts.shared()
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
    if (rc != 0) {
      out.println("Wrapping failed; see the messages above.");
      return rc;
    }
    out.println("Wrapped into DICOM in " + dicom + " (check them with dciodvfy or dcmdump).");
    out.flush();
    try (LocalArchive archive = LocalArchive.start("DEMOARCHIVE", demo.resolve("archive"))) {
      Outbox outbox = AppOutbox.open(home, settings, Clock.systemUTC());
      String destination = archive.destination().name();
      for (Path f : InputFiles.expand(List.of(dicom))) {
        outbox.put(f, List.of(destination));
      }
      boolean delivered =
          Deliveries.deliverDue(
              outbox,
              List.of(destination),
              settings.aeTitle(),
              null,
              settings.dicomTimeout(),
              settings.tls(),
              null,
              out,
              err);
      out.println(
          delivered
              ? "Delivered through the encrypted outbox to the demo archive: " + archive.folder()
              : "Not all were delivered; they wait in the outbox (see 'outbox status').");
      return delivered ? 0 : 1;
    }
  }
}
