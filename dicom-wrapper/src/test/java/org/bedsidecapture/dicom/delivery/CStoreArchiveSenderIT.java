package org.bedsidecapture.dicom.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bedsidecapture.dicom.BodySiteCatalogue;
import org.bedsidecapture.dicom.Capture;
import org.bedsidecapture.dicom.DicomFactory;
import org.bedsidecapture.dicom.Laterality;
import org.bedsidecapture.dicom.StudySession;
import org.bedsidecapture.dicom.WrappedObject;
import org.bedsidecapture.dicom.outbox.DeliveryState;
import org.bedsidecapture.dicom.outbox.Outbox;
import org.bedsidecapture.dicom.testing.Contexts;
import org.bedsidecapture.dicom.testing.DicomTools;
import org.bedsidecapture.dicom.testing.Storescp;
import org.bedsidecapture.dicom.testing.TestMedia;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** C-STORE from the outbox to dcmtk's storescp, a real archive on loopback. */
class CStoreArchiveSenderIT {
  @TempDir Path dir;
  private Outbox outbox;
  private final List<WrappedObject> objects = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    Clock clock = Clock.systemUTC();
    outbox = Contexts.outbox(dir, clock);
    DicomFactory factory = Contexts.factory(clock);
    StudySession session = Contexts.session(clock);
    Path media = TestMedia.write(dir, "p.jpg", TestMedia.jpeg(320, 240));
    Path clip =
        DicomTools.ffmpeg(
            dir.resolve("c.mp4"),
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=320x240:rate=25",
            "-t",
            "1",
            "-c:v",
            "libx264",
            "-preset",
            "veryfast",
            "-profile:v",
            "high",
            "-pix_fmt",
            "yuv420p");
    Path wrapped = Files.createDirectories(dir.resolve("wrapped"));
    var site = BodySiteCatalogue.standard().bySnomedId("54735007").orElseThrow();
    for (Path m : List.of(media, media, clip)) {
      objects.add(
          factory.wrap(
              Contexts.typical(),
              session,
              new Capture(m, null, site, Laterality.UNPAIRED, null, null),
              wrapped));
    }
  }

  private CStoreArchiveSender sender(String url, boolean finalOnStore) {
    return new CStoreArchiveSender(
        DicomDestination.parse(url), "BEDSIDE", Duration.ofSeconds(10), finalOnStore);
  }

  @Test
  void aBatchGoesOverOneAssociationAndEachObjectArrivesIntact() throws Exception {
    try (Storescp archive = Storescp.start(dir.resolve("archive"))) {
      CStoreArchiveSender sender = sender(archive.url(), true);
      String dest = DicomDestination.parse(archive.url()).name();
      for (WrappedObject o : objects) {
        outbox.put(o.file(), List.of(dest));
      }
      assertThat(sender.echo()).isNull();

      SendReport report = sender.send(outbox, outbox.due(dest));

      assertThat(report.allDelivered()).as(report.toString()).isTrue();
      assertThat(report.count(SendReport.Outcome.STORED)).isEqualTo(3);
      assertThat(archive.received()).hasSize(3);
      for (Path received : archive.received()) {
        String uid = DicomTools.dcmdumpValue(received, "0008,0018");
        assertThat(objects).extracting(WrappedObject::sopInstanceUid).contains(uid);
        assertThat(DicomTools.dcmdumpValue(received, "0010,0020")).isEqualTo("MRN0042");
        assertThat(DicomTools.dcmdumpValue(received, "0038,0010")).isEqualTo("V20260001");
      }
      assertThat(outbox.entries()).as("confirmed objects are purged").isEmpty();
      assertThat(Files.readString(dir.resolve("audit.log"))).contains("PURGED");
    }
  }

  @Test
  void anArchiveThatIsDownLosesNothingAndGetsEverythingWhenBack() throws Exception {
    int port = Storescp.freePort();
    String url = "dicom://" + Storescp.AE_TITLE + "@127.0.0.1:" + port;
    String dest = DicomDestination.parse(url).name();
    CStoreArchiveSender sender = sender(url, true);
    for (WrappedObject o : objects) {
      outbox.put(o.file(), List.of(dest));
    }

    assertThat(sender.echo()).contains("not reachable");
    SendReport down = sender.send(outbox, outbox.due(dest));

    assertThat(down.count(SendReport.Outcome.FAILED)).isEqualTo(3);
    assertThat(down.results().get(0).message()).contains("not reachable");
    assertThat(outbox.entries()).allMatch(e -> e.delivery(dest).state() == DeliveryState.FAILED);
    try (Storescp archive = Storescp.start(dir.resolve("archive"), port)) {
      outbox.retryNow();
      SendReport up = sender.send(outbox, outbox.due(dest));
      assertThat(up.allDelivered()).isTrue();
      assertThat(archive.received()).hasSize(3);
      assertThat(outbox.entries()).isEmpty();
    }
  }

  @Test
  void anArchiveThatBreaksOffMidBatchLosesNothing() throws Exception {
    int port = Storescp.freePort();
    String url = "dicom://" + Storescp.AE_TITLE + "@127.0.0.1:" + port;
    String dest = DicomDestination.parse(url).name();
    for (WrappedObject o : objects) {
      outbox.put(o.file(), List.of(dest));
    }
    try (Storescp breaking = Storescp.start(dir.resolve("archive"), port, "--abort-during")) {
      SendReport report = sender(url, true).send(outbox, outbox.due(dest));
      assertThat(report.count(SendReport.Outcome.FAILED)).isEqualTo(3);
    }
    assertThat(outbox.entries())
        .hasSize(3)
        .allMatch(e -> e.delivery(dest).state() == DeliveryState.FAILED);
    try (Storescp archive = Storescp.start(dir.resolve("archive2"), port)) {
      outbox.retryNow();
      assertThat(sender(url, true).send(outbox, outbox.due(dest)).allDelivered()).isTrue();
      assertThat(archive.received()).hasSize(3);
    }
    assertThat(outbox.entries()).isEmpty();
  }

  @Test
  void aDamagedOutboxCopyIsQuarantinedAndTheOthersGoOnOverTheSameAssociation() throws Exception {
    try (Storescp archive = Storescp.start(dir.resolve("archive"))) {
      String dest = DicomDestination.parse(archive.url()).name();
      for (WrappedObject o : objects) {
        outbox.put(o.file(), List.of(dest));
      }
      String damaged = objects.get(1).sopInstanceUid();
      Contexts.damageOutboxCopy(dir.resolve("outbox"), damaged);

      SendReport report = sender(archive.url(), true).send(outbox, outbox.due(dest));

      assertThat(report.count(SendReport.Outcome.STORED)).isEqualTo(2);
      assertThat(archive.received()).hasSize(2);
      assertThat(outbox.entries())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.sopInstanceUid()).isEqualTo(damaged);
                assertThat(e.delivery(dest).state()).isEqualTo(DeliveryState.QUARANTINED);
                assertThat(e.delivery(dest).lastError()).contains("cannot be read back whole");
              });
    }
  }

  @Test
  void withoutCommitmentConfiguredAsFinalObjectsWaitStoredInTheOutbox() throws Exception {
    try (Storescp archive = Storescp.start(dir.resolve("archive"))) {
      String dest = DicomDestination.parse(archive.url()).name();
      outbox.put(objects.get(0).file(), List.of(dest));
      SendReport report = sender(archive.url(), false).send(outbox, outbox.due(dest));
      assertThat(report.allDelivered()).isTrue();
      assertThat(outbox.entries())
          .singleElement()
          .satisfies(e -> assertThat(e.delivery(dest).state()).isEqualTo(DeliveryState.STORED));
    }
  }
}
