package org.bedsidecapture.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.bedsidecapture.app.AppContext;
import org.bedsidecapture.app.barcode.IdentifierQuery;
import org.bedsidecapture.app.demo.SyntheticPhotos;
import org.bedsidecapture.app.demo.WristbandSheet;
import org.bedsidecapture.app.fhir.Fhir;
import org.bedsidecapture.app.fhir.FhirEncounterLookup;
import org.bedsidecapture.app.fhir.LookupResult;
import org.bedsidecapture.app.fhir.demo.DemoFhirServer;
import org.bedsidecapture.app.fhir.demo.SyntheticEhr;
import org.bedsidecapture.app.fhir.demo.SyntheticEncounters;
import org.bedsidecapture.app.settings.SettingsException;
import org.bedsidecapture.app.settings.SiteSettings;
import org.bedsidecapture.devices.barcode.BarcodeDecoder;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.Clip;
import org.bedsidecapture.devices.spi.Recording;
import org.bedsidecapture.devices.spi.VideoFormat;
import org.bedsidecapture.devices.synthetic.BarcodeScene;
import org.bedsidecapture.devices.synthetic.SyntheticCameraProvider;
import org.bedsidecapture.dicom.OwnerOnly;
import org.bedsidecapture.dicom.delivery.LocalArchive;
import org.bedsidecapture.dicom.outbox.Outbox;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The demo on embedded defaults. Until the capture screen exists it runs the capture path without
 * one: the demo EHR (a HAPI FHIR server in this process) and a printable wristband sheet; a
 * wristband read by the synthetic camera and looked up to what the user confirms; synthetic wound
 * photos of that patient wrapped into DICOM, put into the outbox and delivered to the demo's own
 * archive on loopback, which keeps them in a folder.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run the capture path on synthetic patients and photos (no EHR, no camera, no archive).")
final class DemoCommand implements Callable<Integer> {
  private final AppContext app;

  DemoCommand(AppContext app) {
    this.app = app;
  }

  /** Where the demo archive listens on loopback. */
  static final int DEMO_ARCHIVE_PORT = 11119;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path home = app.home();
    SiteSettings settings;
    try {
      settings = app.settings();
    } catch (SettingsException e) {
      err.println("demo: " + e.getMessage());
      return 2;
    }
    Path demo = OwnerOnly.folder(home.resolve("demo"));
    Path photos = OwnerOnly.folder(demo.resolve("photos"));
    Path dicom = OwnerOnly.folder(demo.resolve("dicom"));
    try (Stream<Path> earlier = Files.list(dicom)) {
      for (Path f : earlier.toList()) {
        Files.delete(f);
      }
    }
    if (!scanWristband(app.fhir(), demo, settings, out, err)) {
      return 1;
    }
    SyntheticEncounters.Case patient = SyntheticEncounters.CASES.get(0);
    Path bundle = demo.resolve("encounter-bundle.json");
    Files.writeString(bundle, app.fhir().demoEncounterBundle(), StandardCharsets.UTF_8);
    Path a = SyntheticPhotos.writeJpeg(photos.resolve("sacrum-1.jpg"), 1920, 1080, 1);
    Path b = SyntheticPhotos.writeJpeg(photos.resolve("sacrum-2.jpg"), 1920, 1080, 2);
    Clip clip = recordClip(photos.resolve("sacrum-clip.mp4"), settings.clipMaxLength());
    out.println(
        "Recorded a clip from the synthetic camera: "
            + clip.frames()
            + " frames at "
            + clip.format().width()
            + "x"
            + clip.format().height()
            + ", H.264 High level "
            + clip.format().level()
            + " ("
            + clip.file()
            + ")");
    out.println(
        "Demo encounter: synthetic patient "
            + patient.mrn()
            + ", visit "
            + patient.visitNumber()
            + ", order "
            + SyntheticEhr.ACCESSION
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
                b.toString(),
                clip.file().toString());
    if (rc != 0) {
      out.println("Wrapping failed; see the messages above.");
      return rc;
    }
    out.println("Wrapped into DICOM in " + dicom + " (check them with dciodvfy or dcmdump).");
    out.flush();
    try (LocalArchive archive = demoArchive(demo.resolve("archive"), err);
        Outbox outbox = app.openOutbox("demo", err)) {
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

  /**
   * Two seconds of the synthetic camera's 720p preview, recorded as a clip (within the site's
   * maximum length).
   */
  /**
   * The demo's archive, on its own port so that its outbox destination keeps its name from one run
   * to the next (an object a run left waiting is delivered by the next); on a free port when
   * another program has that one.
   */
  private static LocalArchive demoArchive(Path folder, PrintWriter err) throws IOException {
    try {
      return LocalArchive.start("DEMOARCHIVE", folder, DEMO_ARCHIVE_PORT);
    } catch (java.net.BindException taken) {
      err.println(
          "demo: port "
              + DEMO_ARCHIVE_PORT
              + " is taken, so the demo archive listens on another one; objects an earlier"
              + " demo left in the outbox wait for port "
              + DEMO_ARCHIVE_PORT);
      return LocalArchive.start("DEMOARCHIVE", folder);
    }
  }

  private static Clip recordClip(Path file, Duration maxLength) throws Exception {
    Camera camera = SyntheticCameraProvider.devices().get(0);
    VideoFormat hd720 = new VideoFormat(1280, 720, 30, VideoFormat.Encoding.RAW);
    try (Camera.Preview preview = camera.startPreview(hd720, f -> {}, gone -> {})) {
      Recording recorder = preview.record(file, maxLength, c -> {});
      Thread.sleep(2000);
      return recorder.stop();
    }
  }

  /**
   * The scan: the demo EHR started in this process, the wristband sheet printed to PNG, and the
   * first wristband read by the synthetic camera, through the site's barcode rules and the EHR, to
   * what the user would confirm.
   */
  private static boolean scanWristband(
      Fhir fhir, Path demo, SiteSettings settings, PrintWriter out, PrintWriter err)
      throws Exception {
    List<WristbandSheet.Label> labels = SyntheticEhr.wristbands();
    Path sheet = demo.resolve("wristbands.png");
    WristbandSheet.write(labels, sheet);
    try (DemoFhirServer ehr = fhir.startDemoEhr()) {
      byte[] frame =
          BarcodeScene.luma(
              BarcodeScene.frame(
                  WristbandSheet.label(labels.get(0)),
                  new BarcodeScene.View(3, false, 1, false),
                  1));
      String read =
          new BarcodeDecoder()
              .decode(frame, BarcodeScene.WIDTH, BarcodeScene.HEIGHT, BarcodeScene.WIDTH)
              .map(BarcodeDecoder.Decoded::content)
              .orElse(null);
      if (read == null) {
        err.println("demo: the synthetic camera did not read the wristband");
        return false;
      }
      IdentifierQuery q = settings.barcodeRules().resolve(read);
      FhirEncounterLookup lookup = fhir.lookup(ehr.baseUrl(), settings.fhirTimeout());
      LookupResult r =
          q.kind() == IdentifierQuery.Kind.PATIENT_MRN
              ? lookup.byPatientIdentifier(q.system(), q.value())
              : lookup.byEncounterIdentifier(q.system(), q.value(), null);
      if (!(r instanceof LookupResult.Found found)) {
        err.println("demo: the wristband did not resolve to one encounter: " + r);
        return false;
      }
      out.println("Wristband sheet to print and scan: " + sheet);
      out.println(
          "Synthetic camera read a wristband; the demo EHR ("
              + ehr.baseUrl()
              + ") gives encounter "
              + found.context().admissionId().value()
              + ". Confirm the patient: "
              + found.confirmation());
      out.flush();
      return true;
    }
  }
}
