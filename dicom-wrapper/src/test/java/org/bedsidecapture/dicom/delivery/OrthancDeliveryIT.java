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
import org.bedsidecapture.dicom.PersonName;
import org.bedsidecapture.dicom.StudySession;
import org.bedsidecapture.dicom.WrappedObject;
import org.bedsidecapture.dicom.outbox.AuditLog;
import org.bedsidecapture.dicom.outbox.Outbox;
import org.bedsidecapture.dicom.outbox.OutboxKey;
import org.bedsidecapture.dicom.outbox.RetryPolicy;
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
  private final List<WrappedObject> objects = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    Clock clock = Clock.systemUTC();
    outbox =
        Outbox.open(
            dir.resolve("outbox"),
            OutboxKey.openOrCreate(dir.resolve("keys/outbox.key")),
            clock,
            RetryPolicy.standard(),
            new AuditLog(dir.resolve("audit.log"), clock));
    DicomFactory factory = Contexts.factory(clock);
    StudySession session = Contexts.session(clock);
    Path wrapped = Files.createDirectories(dir.resolve("wrapped"));
    var knee = BodySiteCatalogue.standard().bySnomedId("72696002").orElseThrow();
    for (int i = 0; i < 3; i++) {
      Path media = TestMedia.write(dir, "p" + i + ".jpg", TestMedia.jpeg(320, 240));
      objects.add(
          factory.wrap(
              Contexts.withName(PersonName.of("Παπαδοπούλου", "Ελένη")),
              session,
              new Capture(media, null, knee, Laterality.LEFT, PersonName.of("Nurse", "Nora"), null),
              wrapped));
    }
  }

  @Test
  void cStoreToOrthancKeepsEveryTag() throws Exception {
    try (Orthanc orthanc = Orthanc.start(dir.resolve("orthanc"), null, 0)) {
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
    try (Orthanc orthanc = Orthanc.start(dir.resolve("orthanc"), null, 0, true)) {
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
  void aWrongCalledAeTitleIsRefusedWithAClearMessage() throws Exception {
    try (Orthanc orthanc = Orthanc.start(dir.resolve("orthanc"), null, 0)) {
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
