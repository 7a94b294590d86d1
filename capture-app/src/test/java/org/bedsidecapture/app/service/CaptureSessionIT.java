package org.bedsidecapture.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bedsidecapture.app.settings.Archive;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.VideoFormat;
import org.bedsidecapture.devices.synthetic.SyntheticCameraProvider;
import org.bedsidecapture.dicom.BodySite;
import org.bedsidecapture.dicom.BodySiteCatalogue;
import org.bedsidecapture.dicom.Laterality;
import org.bedsidecapture.dicom.PersonName;
import org.bedsidecapture.dicom.UidGenerator;
import org.bedsidecapture.dicom.outbox.AuditLog;
import org.bedsidecapture.dicom.outbox.DeliveryState;
import org.bedsidecapture.dicom.outbox.Outbox;
import org.bedsidecapture.dicom.outbox.OutboxEntry;
import org.bedsidecapture.dicom.testing.Contexts;
import org.bedsidecapture.dicom.testing.Orthanc;
import org.bedsidecapture.dicom.testing.Storescp;
import org.bedsidecapture.dicom.testing.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture session from shutter to archive: captures held in the encrypted outbox while the user
 * reviews them, sent in one step, and delivered in the background to real archives (Orthanc,
 * dcmtk's storescp), against which what arrived is checked.
 */
class CaptureSessionIT {
  private static final BodySiteCatalogue SITES = BodySiteCatalogue.standard();
  private static final BodySite SACRUM = SITES.bySnomedId("54735007").orElseThrow();
  private static final BodySite FOREARM = SITES.bySnomedId("14975008").orElseThrow();
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @TempDir Path dir;
  private final Clock clock = Clock.system(ZoneId.of("Europe/Berlin"));
  private final Camera camera = SyntheticCameraProvider.devices().get(0);
  private final VideoFormat hd = camera.formats().get(0);

  private Outbox outbox() throws Exception {
    return Contexts.outbox(dir, clock);
  }

  private CaptureStation station(Outbox outbox, List<Archive> archives) throws Exception {
    return new CaptureStation(
        Contexts.factory(clock),
        UidGenerator.uuidDerived(),
        outbox,
        archives,
        CaptureStation.workFolder(dir),
        new AuditLog(dir.resolve("audit.log"), clock),
        org.bedsidecapture.app.audit.AuditTrail.none(),
        clock);
  }

  private DeliveryService delivery(Outbox outbox, List<Archive> archives) {
    return new DeliveryService(
            outbox,
            archives,
            new ArchiveDelivery("BEDSIDE", null, Duration.ofSeconds(10), null),
            null,
            clock)
        .start();
  }

  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within " + DEADLINE.toSeconds() + " s: " + what);
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  @Test
  void capturesAreHeldForReviewThenSentInOneStepAndArriveAsTaggedInTheArchive() throws Exception {
    try (Orthanc orthanc = Orthanc.start(dir.resolve("orthanc"), Orthanc.Options.plain());
        Outbox outbox = outbox()) {
      List<Archive> archives = List.of(Archive.parse(orthanc.dicomUrl(), false));
      CaptureStation station = station(outbox, archives);
      CaptureSession.Shot first;
      CaptureSession.Shot second;
      CaptureSession.Shot imported;
      try (DeliveryService delivery = delivery(outbox, archives)) {
        CaptureSession session =
            station.startSession(
                Contexts.typical(),
                PersonName.of("Nurse", "Nora"),
                EncounterFinder.FoundBy.MANUAL_SEARCH);
        first = session.still(camera, hd, SACRUM, Laterality.UNPAIRED);
        second = session.still(camera, hd, SACRUM, Laterality.UNPAIRED);
        imported =
            session.importPhoto(
                TestMedia.write(dir, "phone.jpg", TestMedia.jpeg(640, 480)),
                SACRUM,
                Laterality.UNPAIRED);

        session.retag(second.id(), FOREARM, Laterality.LEFT, "  dressing changed ");
        session.delete(first.id());

        assertThat(session.shots())
            .extracting(CaptureSession.Shot::id)
            .containsExactly(second.id(), imported.id());
        assertThat(session.shots().get(0).note()).isEqualTo("dressing changed");
        assertThat(second.thumbnail().width()).isEqualTo(CaptureSession.THUMBNAIL_WIDTH);
        assertThat(outbox.entries())
            .extracting(e -> e.delivery(archives.get(0).destination()).state())
            .containsOnly(DeliveryState.HELD);
        assertThat(outbox.due(archives.get(0).destination())).isEmpty();
        try (var work = Files.list(dir.resolve("work"))) {
          assertThat(work).as("no media left on the way").isEmpty();
        }

        assertThat(session.send()).isEqualTo(2);

        await("both captures committed and gone from the outbox", () -> outbox.entries().isEmpty());
      }
      String tags = orthanc.tagsOf(second.id());
      assertThat(tags)
          .contains("\"ImageLaterality\" : \"L\"")
          .contains("14975008")
          .contains("dressing changed")
          .contains("\"PatientID\" : \"MRN0042\"")
          .contains("Nurse^Nora");
      assertThat(orthanc.tagsOf(imported.id())).contains("54735007");
      assertThat(orthanc.tagsOf(first.id())).isNull();
      assertThat(Files.readString(dir.resolve("audit.log")))
          .contains("SESSION_STARTED")
          .contains("found-by=manual-search")
          .contains("CAPTURED sop=" + first.id())
          .contains("CAPTURED sop=" + imported.id())
          .contains("source=import site=54735007 by Nurse^Nora")
          .contains("RETAGGED sop=" + second.id() + " site=14975008")
          .contains("REMOVED sop=" + first.id())
          .contains("SESSION_SENT")
          .doesNotContain("MRN0042");
    }
  }

  @Test
  void aSessionEndedWithoutSendingKeepsItsCapturesHeldAcrossARestart() throws Exception {
    List<Archive> archives = List.of(Archive.parse("dicom://PACS@127.0.0.1:104", false));
    String id;
    try (Outbox outbox = outbox()) {
      CaptureSession session =
          station(outbox, archives)
              .startSession(Contexts.typical(), null, EncounterFinder.FoundBy.BARCODE);
      id = session.still(camera, hd, SACRUM, Laterality.UNPAIRED).id();

      assertThat(session.keep()).isEqualTo(1);

      assertThat(session.ended()).isTrue();
      assertThatThrownBy(() -> session.still(camera, hd, SACRUM, Laterality.UNPAIRED))
          .isInstanceOf(IllegalStateException.class);
    }
    try (Outbox reopened = outbox()) {
      OutboxEntry kept = reopened.entry(id);
      assertThat(kept.delivery(archives.get(0).destination()).state())
          .isEqualTo(DeliveryState.HELD);
    }
  }

  @Test
  void anArchiveThatIsDownIsRetriedInTheBackgroundAndGetsEverythingOnceItIsBack() throws Exception {
    int port = Storescp.freePort();
    List<Archive> archives =
        List.of(Archive.parse("dicom://" + Storescp.AE_TITLE + "@127.0.0.1:" + port, false));
    String destination = archives.get(0).destination();
    try (Outbox outbox = outbox();
        DeliveryService delivery = delivery(outbox, archives)) {
      CaptureSession session =
          station(outbox, archives)
              .startSession(Contexts.typical(), null, EncounterFinder.FoundBy.BARCODE);
      String id = session.still(camera, hd, SACRUM, Laterality.UNPAIRED).id();
      session.send();

      await(
          "the failed attempt recorded",
          () -> outbox.entry(id).delivery(destination).state() == DeliveryState.FAILED);
      assertThat(outbox.status().lastError()).isNotBlank();

      try (Storescp archive = Storescp.start(dir.resolve("archive"), port)) {
        delivery.retryNow();

        await("delivered once the archive is back", () -> outbox.entry(id) == null);
        assertThat(archive.received()).hasSize(1);
      }
    }
  }

  @Test
  void anArchiveThatWantsStorageCommitmentKeepsEachCaptureUntilItCommitted() throws Exception {
    int listen = Storescp.freePort();
    try (Orthanc orthanc =
            Orthanc.start(
                dir.resolve("orthanc"), Orthanc.Options.plain().withStation("BEDSIDE", listen));
        Outbox outbox = outbox()) {
      List<Archive> archives = List.of(Archive.parse(orthanc.dicomUrl(), true));
      try (DeliveryService delivery =
          new DeliveryService(
                  outbox,
                  archives,
                  new ArchiveDelivery("BEDSIDE", null, Duration.ofSeconds(10), null),
                  new DeliveryService.CommitmentListener(
                      "BEDSIDE",
                      "127.0.0.1",
                      listen,
                      UidGenerator.uuidDerived(),
                      Duration.ofSeconds(30),
                      null,
                      false,
                      (peer, why) -> {}),
                  clock)
              .start()) {
        CaptureSession session =
            station(outbox, archives)
                .startSession(Contexts.typical(), null, EncounterFinder.FoundBy.BARCODE);
        String first = session.still(camera, hd, SACRUM, Laterality.UNPAIRED).id();
        String second = session.still(camera, hd, SACRUM, Laterality.UNPAIRED).id();

        session.send();

        await("both committed and gone from the outbox", () -> outbox.entries().isEmpty());
        assertThat(orthanc.tagsOf(first)).isNotNull();
        assertThat(orthanc.tagsOf(second)).isNotNull();
        assertThat(Files.readString(dir.resolve("audit.log")))
            .contains("PURGED sop=" + first)
            .contains("confirmed by " + archives.get(0).destination());
      }
    }
  }
}
