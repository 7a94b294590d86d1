package org.bedsidecapture.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import javax.imageio.ImageIO;
import org.bedsidecapture.dicom.testing.Contexts;
import org.bedsidecapture.dicom.testing.DicomTools;
import org.bedsidecapture.dicom.testing.TestMedia;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frame-grabber captures: ultrasound objects only for grabs of the image area alone, secondary
 * captures with burned-in annotation for whole screens. dciodvfy judges each.
 */
class FrameGrabberWrappingIT {
  private static final BodySite ABDOMEN =
      BodySiteCatalogue.standard().bySnomedId("818981001").orElseThrow();
  private static final CaptureDevice US_IMAGE_AREA =
      new CaptureDevice(
          "us-1", CaptureDevice.Kind.ULTRASOUND_GRABBER, "TestSono", "Cart 5", "US-123", true);
  private static final CaptureDevice US_WHOLE_SCREEN =
      new CaptureDevice(
          "us-1", CaptureDevice.Kind.ULTRASOUND_GRABBER, "TestSono", "Cart 5", "US-123", false);
  private static final CaptureDevice ENDOSCOPY_TOWER =
      new CaptureDevice(
          "hdmi-1", CaptureDevice.Kind.SCREEN_GRABBER, "TestGrab", "HDMI-USB", "G-9", false);

  @TempDir Path dir;
  private Path out;
  private DicomFactory factory;
  private StudySession session;

  @BeforeEach
  void setUp() throws Exception {
    out = Files.createDirectory(dir.resolve("out"));
    Clock clock = Clock.system(ZoneId.of("America/New_York"));
    factory = Contexts.factory(clock);
    session = Contexts.session(clock);
  }

  private Path wrap(CaptureDevice device, Path media) throws Exception {
    Path f =
        factory
            .wrap(
                Contexts.typical(),
                session,
                new Capture(media, device, ABDOMEN, Laterality.UNPAIRED, null, null),
                out)
            .file();
    assertThat(DicomTools.dciodvfyFindings(f)).as(DicomTools.dciodvfyReport(f)).isEmpty();
    return f;
  }

  private Path grabStill() throws Exception {
    return TestMedia.write(dir, "grab.jpg", TestMedia.jpeg(800, 600));
  }

  private Path grabClip() {
    return DicomTools.ffmpeg(
        dir.resolve("grab.mp4"),
        "-f",
        "lavfi",
        "-i",
        "testsrc2=size=640x480:rate=25",
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
  }

  @Test
  void imageAreaGrabsBecomeUltrasoundObjectsWithoutCalibration() throws Exception {
    Path still = wrap(US_IMAGE_AREA, grabStill());
    assertThat(DicomTools.dcmdumpValue(still, "0008,0016"))
        .isEqualTo("1.2.840.10008.5.1.4.1.1.6.1");
    assertThat(DicomTools.dcmdumpValue(still, "0008,0060")).isEqualTo("US");
    assertThat(DicomTools.dcmdumpValue(still, "0018,6011")).isNull();
    assertThat(DicomTools.dcmdumpValue(still, "0008,0070")).isEqualTo("TestSono");
    assertThat(DicomTools.dcmdumpValue(still, "0018,1000")).isEqualTo("US-123");

    Path clip = wrap(US_IMAGE_AREA, grabClip());
    assertThat(DicomTools.dcmdumpValue(clip, "0008,0016")).isEqualTo("1.2.840.10008.5.1.4.1.1.3.1");
    assertThat(DicomTools.dcmdumpValue(clip, "0028,0008")).isEqualTo("25");
    assertThat(DicomTools.probeVideoFragment(clip)).containsEntry("nb_read_packets", "25");
  }

  @Test
  void wholeScreenGrabsBecomeSecondaryCapturesWithBurnedInAnnotation() throws Exception {
    Path png = dir.resolve("screen.png");
    ImageIO.write(TestMedia.picture(1024, 768, BufferedImage.TYPE_INT_RGB), "png", png.toFile());

    Path still = wrap(US_WHOLE_SCREEN, png);
    assertThat(DicomTools.dcmdumpValue(still, "0008,0016")).isEqualTo("1.2.840.10008.5.1.4.1.1.7");
    assertThat(DicomTools.dcmdumpValue(still, "0008,0060")).isEqualTo("US");
    assertThat(DicomTools.dcmdumpValue(still, "0008,0064")).isEqualTo("DV");
    assertThat(DicomTools.dcmdumpValue(still, "0028,0301")).isEqualTo("YES");

    Path clip = wrap(US_WHOLE_SCREEN, grabClip());
    assertThat(DicomTools.dcmdumpValue(clip, "0008,0016")).isEqualTo("1.2.840.10008.5.1.4.1.1.7.4");
    assertThat(DicomTools.dcmdumpValue(clip, "0028,0301")).isEqualTo("YES");

    Path tower = wrap(ENDOSCOPY_TOWER, grabStill());
    assertThat(DicomTools.dcmdumpValue(tower, "0008,0060")).isEqualTo("OT");
    assertThat(DicomTools.dcmdumpValue(tower, "0008,0016")).isEqualTo("1.2.840.10008.5.1.4.1.1.7");
  }
}
