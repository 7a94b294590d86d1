package org.bedsidecapture.dicom.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.bedsidecapture.dicom.BodySiteCatalogue;
import org.bedsidecapture.dicom.Capture;
import org.bedsidecapture.dicom.Laterality;
import org.bedsidecapture.dicom.PersonName;
import org.bedsidecapture.dicom.WrappedObject;
import org.bedsidecapture.dicom.outbox.DeliveryState;
import org.bedsidecapture.dicom.outbox.Outbox;
import org.bedsidecapture.dicom.testing.Contexts;
import org.bedsidecapture.dicom.testing.Orthanc;
import org.bedsidecapture.dicom.testing.TestMedia;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery to Orthanc, verified through Orthanc's own REST API. */
class OrthancDeliveryIT {
  @TempDir Path dir;
  private Outbox outbox;
  private List<WrappedObject> objects;

  @BeforeEach
  void setUp() throws Exception {
    Clock clock = Clock.systemUTC();
    outbox = Contexts.outbox(dir, clock);
    objects =
        Contexts.wrappedPhotos(
            dir,
            Contexts.withName(PersonName.of("Παπαδοπούλου", "Ελένη")),
            "72696002",
            Laterality.LEFT,
            3);
  }

  @Test
  void cStoreToOrthancKeepsEveryTag() throws Exception {
    try (Orthanc orthanc = Orthanc.start(dir.resolve("orthanc"), Orthanc.Options.plain())) {
      DicomDestination destination = DicomDestination.parse(orthanc.dicomUrl());
      for (WrappedObject o : objects) {
        outbox.put(o.file(), List.of(destination.name()));
      }
      CStoreArchiveSender sender =
          new CStoreArchiveSender(destination, "BEDSIDE", Duration.ofSeconds(10), true);

      assertThat(sender.echo()).isNull();
      SendReport report = sender.send(outbox, outbox.due(destination.name()));

      assertThat(report.allDelivered()).as(report.toString()).isTrue();
      for (WrappedObject o : objects) {
        String tags = orthanc.tagsOf(o.sopInstanceUid());
        assertThat(tags)
            .contains("\"PatientName\" : \"Παπαδοπούλου^Ελένη\"")
            .contains("\"PatientID\" : \"MRN0042\"")
            .contains("\"IssuerOfPatientID\" : \"TESTHOSP\"")
            .contains("\"AdmissionID\" : \"V20260001\"")
            .contains("\"AccessionNumber\" : \"ACC7700001\"")
            .contains("\"ImageLaterality\" : \"L\"")
            .contains("\"CodeValue\" : \"72696002\"")
            .contains("\"StudyInstanceUID\" : \"" + o.studyInstanceUid() + "\"");
      }
      assertThat(outbox.entries()).isEmpty();
    }
  }

  @Test
  void stowRsToOrthancStoresEachObjectAndEmptiesTheOutbox() throws Exception {
    try (Orthanc orthanc =
        Orthanc.start(dir.resolve("orthanc"), Orthanc.Options.plain().withAuthentication())) {
      java.net.URI base = java.net.URI.create(orthanc.dicomWebBase());
      String dest = StowRsArchiveSender.name(base);
      for (WrappedObject o : objects) {
        outbox.put(o.file(), List.of(dest));
      }

      SendReport wrongPassword =
          new StowRsArchiveSender(
                  base, Orthanc.basicAuthorization(Orthanc.USER, "wrong"), Duration.ofSeconds(10))
              .send(outbox, outbox.due(dest), dest);
      assertThat(wrongPassword.count(SendReport.Outcome.FAILED)).isEqualTo(3);
      assertThat(wrongPassword.results().get(0).message()).contains("refused our credentials");
      outbox.retryNow();

      SendReport report =
          new StowRsArchiveSender(
                  base,
                  Orthanc.basicAuthorization(Orthanc.USER, Orthanc.PASSWORD),
                  Duration.ofSeconds(10))
              .send(outbox, outbox.due(dest), dest);

      assertThat(report.allDelivered()).as(report.toString()).isTrue();
      for (WrappedObject o : objects) {
        assertThat(orthanc.tagsOf(o.sopInstanceUid()))
            .contains("\"PatientName\" : \"Παπαδοπούλου^Ελένη\"")
            .contains("\"AdmissionID\" : \"V20260001\"");
      }
      assertThat(outbox.entries()).isEmpty();
    }
  }

  @Test
  void aDamagedOutboxCopyIsQuarantinedAndTheOthersGoByStowRs() throws Exception {
    try (Orthanc orthanc = Orthanc.start(dir.resolve("orthanc"), Orthanc.Options.plain())) {
      java.net.URI base = java.net.URI.create(orthanc.dicomWebBase());
      String dest = StowRsArchiveSender.name(base);
      for (WrappedObject o : objects) {
        outbox.put(o.file(), List.of(dest));
      }
      String damaged = objects.get(0).sopInstanceUid();
      Contexts.damageOutboxCopy(dir.resolve("outbox"), damaged);

      SendReport report =
          new StowRsArchiveSender(base, null, Duration.ofSeconds(10))
              .send(outbox, outbox.due(dest), dest);

      assertThat(report.count(SendReport.Outcome.STORED)).isEqualTo(2);
      assertThat(orthanc.tagsOf(damaged)).isNull();
      assertThat(orthanc.tagsOf(objects.get(2).sopInstanceUid())).contains("AdmissionID");
      assertThat(outbox.entry(damaged).delivery(dest).state()).isEqualTo(DeliveryState.QUARANTINED);
    }
  }

  @Test
  void anObjectTheArchiveCannotStoreNowIsKeptForRetryAndTheOthersGoOn() throws Exception {
    String failing = objects.get(1).sopInstanceUid();
    try (Orthanc orthanc =
        Orthanc.start(dir.resolve("orthanc"), Orthanc.Options.plain().failing(failing))) {
      DicomDestination destination = DicomDestination.parse(orthanc.dicomUrl());
      for (WrappedObject o : objects) {
        outbox.put(o.file(), List.of(destination.name()));
      }

      SendReport report =
          new CStoreArchiveSender(destination, "BEDSIDE", Duration.ofSeconds(10), true)
              .send(outbox, outbox.due(destination.name()));

      assertThat(report.count(SendReport.Outcome.STORED)).isEqualTo(2);
      assertThat(report.count(SendReport.Outcome.FAILED)).isEqualTo(1);
      assertThat(outbox.entries())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.sopInstanceUid()).isEqualTo(failing);
                assertThat(e.delivery(destination.name()).state()).isEqualTo(DeliveryState.FAILED);
                assertThat(e.delivery(destination.name()).lastError())
                    .isEqualTo("archive out of resources, status A700");
              });
      assertThat(orthanc.tagsOf(failing)).isNull();
      assertThat(orthanc.tagsOf(objects.get(2).sopInstanceUid())).isNotNull();
    }
  }

  @Test
  void objectsTheArchiveRefusesForGoodAreQuarantinedWithTheReason() throws Exception {
    Path png = dir.resolve("screen.png");
    javax.imageio.ImageIO.write(
        TestMedia.picture(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png.toFile());
    WrappedObject lossless =
        Contexts.factory(Clock.systemUTC())
            .wrap(
                Contexts.typical(),
                Contexts.session(Clock.systemUTC()),
                new Capture(
                    png,
                    null,
                    BodySiteCatalogue.standard().bySnomedId("54735007").orElseThrow(),
                    Laterality.UNPAIRED,
                    null,
                    null),
                dir.resolve("wrapped"));
    try (Orthanc orthanc =
        Orthanc.start(
            dir.resolve("orthanc"),
            Orthanc.Options.plain()
                .accepting(List.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.1")))) {
      DicomDestination destination = DicomDestination.parse(orthanc.dicomUrl());
      outbox.put(objects.get(0).file(), List.of(destination.name()));
      outbox.put(lossless.file(), List.of(destination.name()));

      SendReport report =
          new CStoreArchiveSender(destination, "BEDSIDE", Duration.ofSeconds(10), true)
              .send(outbox, outbox.due(destination.name()));

      assertThat(report.count(SendReport.Outcome.STORED)).isEqualTo(1);
      assertThat(report.count(SendReport.Outcome.REFUSED)).isEqualTo(1);
      assertThat(outbox.entries())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.delivery(destination.name()).state())
                    .isEqualTo(DeliveryState.QUARANTINED);
                assertThat(e.delivery(destination.name()).lastError())
                    .contains("does not accept SOP class 1.2.840.10008.5.1.4.1.1.77.1.4")
                    .contains("transfer syntax 1.2.840.10008.1.2.4.50");
              });
    }
  }

  @Test
  void aWrongCalledAeTitleIsRefusedWithAClearMessage() throws Exception {
    try (Orthanc orthanc = Orthanc.start(dir.resolve("orthanc"), Orthanc.Options.plain())) {
      DicomDestination real = DicomDestination.parse(orthanc.dicomUrl());
      DicomDestination wrong = new DicomDestination("NOTORTHANC", real.host(), real.port());
      outbox.put(objects.get(0).file(), List.of(wrong.name()));

      SendReport report =
          new CStoreArchiveSender(wrong, "BEDSIDE", Duration.ofSeconds(10), true)
              .send(outbox, outbox.due(wrong.name()));

      assertThat(report.count(SendReport.Outcome.FAILED)).isEqualTo(1);
      assertThat(report.results().get(0).message())
          .contains("rejected the association")
          .contains("NOTORTHANC");
      assertThat(outbox.entries()).hasSize(1);
    }
  }
}
