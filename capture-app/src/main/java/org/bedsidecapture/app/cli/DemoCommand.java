package org.bedsidecapture.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.bedsidecapture.app.AppContext;
import org.bedsidecapture.app.demo.DemoSite;
import org.bedsidecapture.app.demo.WristbandSheet;
import org.bedsidecapture.app.fhir.LookupResult;
import org.bedsidecapture.app.fhir.demo.SyntheticEhr;
import org.bedsidecapture.app.service.ArchiveDelivery;
import org.bedsidecapture.app.service.CaptureSession;
import org.bedsidecapture.app.service.CaptureStation;
import org.bedsidecapture.app.service.ClipFrames;
import org.bedsidecapture.app.service.DeliveryService;
import org.bedsidecapture.app.service.EncounterFinder;
import org.bedsidecapture.app.service.Picture;
import org.bedsidecapture.app.settings.SettingsException;
import org.bedsidecapture.app.settings.SiteSettings;
import org.bedsidecapture.app.workflow.CaptureWorkflow;
import org.bedsidecapture.devices.barcode.BarcodeDecoder;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.Clip;
import org.bedsidecapture.devices.spi.Frame;
import org.bedsidecapture.devices.spi.Recording;
import org.bedsidecapture.devices.spi.VideoFormat;
import org.bedsidecapture.devices.synthetic.BarcodeScene;
import org.bedsidecapture.devices.synthetic.SyntheticCameraProvider;
import org.bedsidecapture.dicom.BodySite;
import org.bedsidecapture.dicom.BodySiteCatalogue;
import org.bedsidecapture.dicom.Laterality;
import org.bedsidecapture.dicom.PersonName;
import org.bedsidecapture.dicom.outbox.DeliveryState;
import org.bedsidecapture.dicom.outbox.Outbox;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The demo on embedded defaults, without a screen: the bedside workflow walked by the same services
 * the app's screens use. The demo EHR and archive start in this process; a wristband from the
 * printable sheet is read by the synthetic camera and looked up; the patient is confirmed; two
 * photos and a clip are taken into the encrypted outbox, sent, and delivered in the background to
 * the demo archive, which keeps them in a folder.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run the capture path on synthetic patients and photos (no EHR, no camera, no archive).")
final class DemoCommand implements Callable<Integer> {
  /** How long the demo waits for its archive to have everything. */
  private static final Duration DELIVERY_DEADLINE = Duration.ofMinutes(2);

  private final AppContext app;

  DemoCommand(AppContext app) {
    this.app = app;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SiteSettings settings;
    try {
      settings = app.settings();
    } catch (SettingsException e) {
      err.println("demo: " + e.getMessage());
      return 2;
    }
    String operator = System.getProperty("user.name", "demo");
    CaptureWorkflow workflow =
        new CaptureWorkflow(
            app.clock(), settings.idleTimeout(), CaptureWorkflow.WhenIdle.END_SESSION);
    workflow.signIn(operator);
    try (DemoSite site = DemoSite.start(app.fhir(), app.folders().data().resolve("demo"), err);
        Outbox outbox = app.openOutbox("demo", err)) {
      out.println("Wristband sheet to print and scan: " + site.wristbandSheet());
      String read = wristbandReadByTheSyntheticCamera();
      if (read == null) {
        err.println("demo: the synthetic camera did not read the wristband");
        return 1;
      }
      workflow.lookingUp();
      LookupResult result = app.encounterFinder(site.fhirBaseUrl()).byBarcode(read);
      workflow.lookedUp(result);
      if (workflow.state().step() != CaptureWorkflow.Step.CONFIRM_PATIENT) {
        err.println("demo: the wristband did not lead to one encounter to confirm: " + result);
        return 1;
      }
      LookupResult.Found found = (LookupResult.Found) result;
      out.println(
          "Synthetic camera read a wristband; the demo EHR ("
              + site.fhirBaseUrl()
              + ") gives encounter "
              + found.context().admissionId().value()
              + ", order "
              + SyntheticEhr.ACCESSION
              + ". Confirm the patient: "
              + found.confirmation());
      workflow.confirm();
      CaptureStation station = app.captureStation(outbox, site.archives());
      CaptureSession session =
          station.startSession(
              found.context(), PersonName.parse(operator), EncounterFinder.FoundBy.BARCODE);
      capture(session, workflow, settings, out);
      workflow.send();
      int sent = session.send();
      workflow.sent();
      out.println(sent + " captures sent to the outbox; delivering in the background...");
      out.flush();
      return deliver(
          outbox,
          site,
          settings,
          session.shots().stream().map(CaptureSession.Shot::id).toList(),
          out,
          err);
    }
  }

  /** Two photos and a two-second clip of the sacrum from the synthetic camera. */
  private static void capture(
      CaptureSession session, CaptureWorkflow workflow, SiteSettings settings, PrintWriter out)
      throws Exception {
    Camera camera = SyntheticCameraProvider.devices().get(0);
    BodySite sacrum = BodySiteCatalogue.standard().bySnomedId("54735007").orElseThrow();
    VideoFormat hd = new VideoFormat(1920, 1080, 30, VideoFormat.Encoding.RAW);
    for (int i = 0; i < 2; i++) {
      CaptureSession.Shot shot = session.still(camera, hd, sacrum, Laterality.UNPAIRED);
      workflow.captured();
      out.println("Photo " + (i + 1) + " taken into the outbox, held for review: " + shot.id());
    }
    VideoFormat hd720 = new VideoFormat(1280, 720, 30, VideoFormat.Encoding.RAW);
    Frame[] first = new Frame[1];
    Path file = session.newClipFile();
    Clip clip;
    try (Camera.Preview preview =
        camera.startPreview(
            hd720,
            f -> {
              synchronized (first) {
                if (first[0] == null) {
                  first[0] =
                      new Frame(
                          f.number(), f.taken(), f.width(), f.height(), null, f.rgb().clone());
                }
              }
            },
            gone -> {})) {
      Recording recording = preview.record(file, settings.clipMaxLength(), c -> {});
      Thread.sleep(2000);
      clip = recording.stop();
    }
    Frame f;
    synchronized (first) {
      f = first[0];
    }
    CaptureSession.Shot shot =
        session.clip(
            clip,
            camera,
            sacrum,
            Laterality.UNPAIRED,
            Picture.ofRgb(f.rgb(), f.width(), f.height(), 960),
            ClipFrames.NONE);
    workflow.captured();
    out.println(
        "Clip of "
            + clip.frames()
            + " frames ("
            + clip.format().width()
            + "x"
            + clip.format().height()
            + ", H.264 High level "
            + clip.format().level()
            + ") taken into the outbox: "
            + shot.id());
  }

  /** Delivers in the background, as the app does, and waits until the demo archive has it all. */
  private int deliver(
      Outbox outbox,
      DemoSite site,
      SiteSettings settings,
      List<String> sent,
      PrintWriter out,
      PrintWriter err)
      throws Exception {
    try (DeliveryService delivery =
        new DeliveryService(
                outbox,
                site.archives(),
                new ArchiveDelivery(
                    settings.aeTitle(), null, settings.dicomTimeout(), settings.tls()),
                null,
                app.clock())
            .start()) {
      Instant deadline = Instant.now().plus(DELIVERY_DEADLINE);
      Object changed = new Object();
      outbox.addListener(
          s -> {
            synchronized (changed) {
              changed.notifyAll();
            }
          });
      synchronized (changed) {
        while (waiting(outbox, sent)
            && !refused(outbox, sent)
            && Instant.now().isBefore(deadline)) {
          changed.wait(1000);
        }
      }
    }
    if (waiting(outbox, sent)) {
      err.println(
          "demo: not everything reached the demo archive; it waits in the outbox (see 'outbox"
              + " status')");
      return 1;
    }
    out.println(
        "Delivered through the encrypted outbox to the demo archive: " + site.archiveFolder());
    return 0;
  }

  /** Whether any of these objects is still in the outbox (delivered ones leave it). */
  private static boolean waiting(Outbox outbox, List<String> ids) {
    return ids.stream().anyMatch(id -> outbox.entry(id) != null);
  }

  /** Whether the archive refused one of them for good: waiting longer would not help. */
  private static boolean refused(Outbox outbox, List<String> ids) {
    return ids.stream()
        .map(outbox::entry)
        .filter(java.util.Objects::nonNull)
        .flatMap(e -> e.deliveries().values().stream())
        .anyMatch(d -> d.state() == DeliveryState.QUARANTINED);
  }

  /** The first wristband of the sheet as the synthetic camera sees it, decoded. */
  private static String wristbandReadByTheSyntheticCamera() {
    List<WristbandSheet.Label> labels = SyntheticEhr.wristbands();
    byte[] frame =
        BarcodeScene.luma(
            BarcodeScene.frame(
                WristbandSheet.label(labels.get(0)), new BarcodeScene.View(3, false, 1, false), 1));
    return new BarcodeDecoder()
        .decode(frame, BarcodeScene.WIDTH, BarcodeScene.HEIGHT, BarcodeScene.WIDTH)
        .map(BarcodeDecoder.Decoded::content)
        .orElse(null);
  }
}
