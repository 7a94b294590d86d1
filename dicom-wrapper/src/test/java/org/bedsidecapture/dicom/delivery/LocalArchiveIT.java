package org.bedsidecapture.dicom.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.bedsidecapture.dicom.Laterality;
import org.bedsidecapture.dicom.WrappedObject;
import org.bedsidecapture.dicom.outbox.Outbox;
import org.bedsidecapture.dicom.testing.Contexts;
import org.bedsidecapture.dicom.testing.DicomTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's archive receives JPEG objects over C-STORE and keeps each whole, named by UID. */
class LocalArchiveIT {
  @TempDir Path dir;

  @Test
  void keepsWhatItIsSentOnLoopbackOnly() throws Exception {
    Outbox outbox = Contexts.outbox(dir, Clock.systemUTC());
    List<WrappedObject> objects =
        Contexts.wrappedPhotos(dir, Contexts.typical(), "72696002", Laterality.LEFT, 2);
    try (LocalArchive archive = LocalArchive.start("DEMOARCHIVE", dir.resolve("archive"))) {
      DicomDestination d = archive.destination();
      assertThat(d.host()).isEqualTo("127.0.0.1");
      for (WrappedObject o : objects) {
        outbox.put(o.file(), List.of(d.name()));
      }

      SendReport report =
          new CStoreArchiveSender(d, "BEDSIDE", Duration.ofSeconds(10), true)
              .send(outbox, outbox.due(d.name()));

      assertThat(report.allDelivered()).as(report.toString()).isTrue();
      assertThat(archive.received()).isEqualTo(2);
      for (WrappedObject o : objects) {
        Path kept = archive.folder().resolve(o.sopInstanceUid());
        assertThat(DicomTools.dcmdumpValue(kept, "0008,0018")).isEqualTo(o.sopInstanceUid());
        assertThat(DicomTools.dcmdumpValue(kept, "0010,0020")).isEqualTo("MRN0042");
      }
      assertThat(outbox.entries()).isEmpty();
    }
  }
}
