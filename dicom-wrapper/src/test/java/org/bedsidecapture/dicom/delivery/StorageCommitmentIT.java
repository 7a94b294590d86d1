package org.bedsidecapture.dicom.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.bedsidecapture.dicom.Laterality;
import org.bedsidecapture.dicom.UidGenerator;
import org.bedsidecapture.dicom.WrappedObject;
import org.bedsidecapture.dicom.outbox.DeliveryState;
import org.bedsidecapture.dicom.outbox.Outbox;
import org.bedsidecapture.dicom.outbox.OutboxEntry;
import org.bedsidecapture.dicom.testing.Contexts;
import org.bedsidecapture.dicom.testing.Orthanc;
import org.bedsidecapture.dicom.testing.Storescp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage commitment with Orthanc: N-ACTION from us, N-EVENT-REPORT from Orthanc on a new
 * association to our listener, and the outbox purging only what Orthanc committed.
 */
class StorageCommitmentIT {
  private static final String OUR_AE = "BEDSIDE";
  @TempDir Path dir;
  private Outbox outbox;
  private List<WrappedObject> objects;

  @BeforeEach
  void setUp() throws Exception {
    Clock clock = Clock.systemUTC();
    outbox = Contexts.outbox(dir, clock);
    objects = Contexts.wrappedPhotos(dir, Contexts.typical(), "54735007", Laterality.UNPAIRED, 3);
  }

  private StorageCommitter committer(int port, Duration timeout) throws Exception {
    return StorageCommitter.start(
        OUR_AE,
        InetAddress.getLoopbackAddress(),
        port,
        UidGenerator.uuidDerived(),
        timeout,
        null,
        false,
        (peer, why) -> {});
  }

  @Test
  void onlyWhatTheArchiveCommittedIsPurgedAndTheRestIsSentAgain() throws Exception {
    int listen = Storescp.freePort();
    try (StorageCommitter committer = committer(listen, Duration.ofSeconds(20));
        Orthanc orthanc =
            Orthanc.start(
                dir.resolve("orthanc"), Orthanc.Options.plain().withStation(OUR_AE, listen))) {
      DicomDestination archive = DicomDestination.parse(orthanc.dicomUrl());
      String dest = archive.name();
      for (WrappedObject o : objects) {
        outbox.put(o.file(), List.of(dest));
      }
      // the third never reaches the archive: it is marked stored without being sent
      String neverSent = objects.get(2).sopInstanceUid();
      List<OutboxEntry> due = outbox.due(dest);
      SendReport sent =
          new CStoreArchiveSender(archive, OUR_AE, Duration.ofSeconds(10), false)
              .send(outbox, due.subList(0, 2));
      assertThat(sent.allDelivered()).isTrue();
      outbox.sending(neverSent, dest);
      outbox.stored(neverSent, dest, false);

      int committed =
          committer.commit(
              outbox,
              archive,
              outbox.entries().stream()
                  .filter(e -> e.delivery(dest).state() == DeliveryState.STORED)
                  .toList());

      assertThat(committed).isEqualTo(2);
      assertThat(outbox.entries())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.sopInstanceUid()).isEqualTo(neverSent);
                assertThat(e.delivery(dest).state()).isEqualTo(DeliveryState.FAILED);
                assertThat(e.delivery(dest).lastError())
                    .contains("did not commit")
                    .contains("no such object");
              });
      assertThat(Files.readString(dir.resolve("audit.log")).lines()).hasSize(2);
    }
  }

  @Test
  void anArchiveThatCannotReachUsLeavesObjectsToBeSentAgain() throws Exception {
    int listen = Storescp.freePort();
    try (StorageCommitter committer = committer(listen, Duration.ofSeconds(3));
        Orthanc orthanc = Orthanc.start(dir.resolve("orthanc"), Orthanc.Options.plain())) {
      DicomDestination archive = DicomDestination.parse(orthanc.dicomUrl());
      String dest = archive.name();
      outbox.put(objects.get(0).file(), List.of(dest));
      new CStoreArchiveSender(archive, OUR_AE, Duration.ofSeconds(10), false)
          .send(outbox, outbox.due(dest));

      int committed = committer.commit(outbox, archive, outbox.entries());

      assertThat(committed).isZero();
      OutboxEntry e = outbox.entries().get(0);
      assertThat(e.delivery(dest).state()).isEqualTo(DeliveryState.FAILED);
      assertThat(e.delivery(dest).lastError()).isNotBlank();
    }
  }
}
