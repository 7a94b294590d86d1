package org.bedsidecapture.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.bedsidecapture.dicom.outbox.DeliveryState;
import org.bedsidecapture.dicom.outbox.Outbox;
import org.bedsidecapture.dicom.testing.Contexts;
import org.bedsidecapture.dicom.testing.DicomTools;
import org.bedsidecapture.dicom.testing.TestMedia;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Captures wrapped straight into the outbox and re-tagged there during review, judged by dciodvfy
 * and dcmdump on the object as the outbox gives it back.
 */
class RetagIT {
  private static final BodySiteCatalogue SITES = BodySiteCatalogue.standard();
  private static final BodySite SACRUM = SITES.bySnomedId("54735007").orElseThrow();
  private static final BodySite FOREARM = SITES.bySnomedId("14975008").orElseThrow();

  @TempDir Path dir;
  private Clock clock;
  private DicomFactory factory;
  private StudySession session;
  private Path work;

  @BeforeEach
  void setUp() throws Exception {
    clock = Clock.fixed(Instant.parse("2026-11-23T09:30:00Z"), ZoneId.of("Europe/Berlin"));
    factory = Contexts.factory(clock);
    session = Contexts.session(clock);
    work = Files.createDirectories(dir.resolve("work"));
  }

  private Path decrypted(Outbox outbox, String uid) throws Exception {
    Path file = dir.resolve(uid + ".dcm");
    try (InputStream in = outbox.read(uid)) {
      Files.copy(in, file);
    }
    return file;
  }

  private Path retagged(Outbox outbox, WrappedObject o, CaptureDevice device, String note)
      throws Exception {
    outbox.put(
        factory.retag(
            () -> outbox.read(o.sopInstanceUid()),
            session,
            device,
            FOREARM,
            Laterality.LEFT,
            note,
            OffsetDateTime.now(clock)),
        List.of("pacs"),
        true);
    return decrypted(outbox, o.sopInstanceUid());
  }

  @Test
  void aPhotoRetaggedInTheOutboxIsTheSameObjectWithTheNewBodySiteAndNote() throws Exception {
    Path media = TestMedia.write(dir, "sacrum.jpg", TestMedia.jpeg(320, 240));
    try (Outbox outbox = Contexts.outbox(dir, clock)) {
      WrappedObject o =
          factory.wrapInto(
              Contexts.typical(),
              session,
              new Capture(media, null, SACRUM, Laterality.UNPAIRED, null, null),
              work,
              object -> outbox.put(object, List.of("pacs"), true));
      Path before = decrypted(outbox, o.sopInstanceUid());
      Files.move(before, dir.resolve("before.dcm"));
      before = dir.resolve("before.dcm");

      Path after = retagged(outbox, o, CaptureDevice.importedCamera(), "edge of wound, day 3");

      assertThat(DicomTools.dciodvfyFindings(before)).isEmpty();
      assertThat(DicomTools.dciodvfyFindings(after)).as(DicomTools.dciodvfyReport(after)).isEmpty();
      assertThat(DicomTools.dcmdumpValue(after, "0008,0018")).isEqualTo(o.sopInstanceUid());
      assertThat(DicomTools.dcmdumpValue(after, "0008,2218.0008,0100")).isEqualTo("14975008");
      assertThat(DicomTools.dcmdumpValue(after, "0020,0062")).isEqualTo("L");
      assertThat(DicomTools.dcmdumpValue(after, "0020,4000")).isEqualTo("edge of wound, day 3");
      assertThat(DicomTools.dcmdumpValue(after, "0020,000e"))
          .isNotEqualTo(DicomTools.dcmdumpValue(before, "0020,000e"));
      assertThat(DicomTools.dcmdumpValue(after, "0010,0020"))
          .isEqualTo(DicomTools.dcmdumpValue(before, "0010,0020"));
      assertThat(DicomTools.dcmdumpValue(after, "0002,0010"))
          .isEqualTo(DicomTools.dcmdumpValue(before, "0002,0010"));
      assertThat(outbox.entry(o.sopInstanceUid()).delivery("pacs").state())
          .isEqualTo(DeliveryState.HELD);
      try (var left = Files.list(work)) {
        assertThat(left).isEmpty();
      }
    }
  }

  @Test
  void aClipRetaggedInTheOutboxKeepsItsVideoWhole() throws Exception {
    Path clip =
        DicomTools.ffmpeg(
            dir.resolve("clip.mp4"),
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=640x360:rate=30",
            "-t",
            "1",
            "-c:v",
            "libx264",
            "-profile:v",
            "high",
            "-level",
            "4.1",
            "-pix_fmt",
            "yuv420p");
    CaptureDevice camera =
        new CaptureDevice("cam-1", CaptureDevice.Kind.CAMERA, null, null, null, false);
    try (Outbox outbox = Contexts.outbox(dir, clock)) {
      WrappedObject o =
          factory.wrapInto(
              Contexts.typical(),
              session,
              new Capture(clip, camera, SACRUM, Laterality.UNPAIRED, null, null),
              work,
              object -> outbox.put(object, List.of("pacs"), true));

      Path after = retagged(outbox, o, camera, null);

      assertThat(DicomTools.dciodvfyFindings(after)).as(DicomTools.dciodvfyReport(after)).isEmpty();
      assertThat(DicomTools.dcmdumpValue(after, "0020,0062")).isEqualTo("L");
      assertThat(DicomTools.dcmdumpValue(after, "0020,4000")).isNull();
      assertThat(DicomTools.probeVideoFragment(after)).containsEntry("nb_read_packets", "30");
    }
  }

  @Test
  void aPairedBodySiteWithoutASideIsRefusedAndTheObjectStaysAsItWas() throws Exception {
    Path media = TestMedia.write(dir, "a.jpg", TestMedia.jpeg(64, 48));
    try (Outbox outbox = Contexts.outbox(dir, clock)) {
      WrappedObject o =
          factory.wrapInto(
              Contexts.typical(),
              session,
              new Capture(media, null, SACRUM, Laterality.UNPAIRED, null, null),
              work,
              object -> outbox.put(object, List.of("pacs"), true));
      long bytes = outbox.entry(o.sopInstanceUid()).bytes();

      assertThatThrownBy(
              () ->
                  factory.retag(
                      () -> outbox.read(o.sopInstanceUid()),
                      session,
                      CaptureDevice.importedCamera(),
                      FOREARM,
                      Laterality.UNPAIRED,
                      null,
                      OffsetDateTime.now(clock)))
          .isInstanceOf(CaptureRejectedException.class)
          .hasMessageContaining("laterality R, L or B is required");
      assertThat(outbox.entry(o.sopInstanceUid()).bytes()).isEqualTo(bytes);
    }
  }
}
