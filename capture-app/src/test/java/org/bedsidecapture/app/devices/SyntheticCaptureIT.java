package org.bedsidecapture.app.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.Clip;
import org.bedsidecapture.devices.spi.DeviceSettings;
import org.bedsidecapture.devices.spi.Devices;
import org.bedsidecapture.devices.spi.Recording;
import org.bedsidecapture.devices.spi.VideoFormat;
import org.bedsidecapture.devices.stills.StillFiles;
import org.bedsidecapture.dicom.BodySiteCatalogue;
import org.bedsidecapture.dicom.Capture;
import org.bedsidecapture.dicom.CaptureDevice;
import org.bedsidecapture.dicom.DicomFactory;
import org.bedsidecapture.dicom.Laterality;
import org.bedsidecapture.dicom.StudySession;
import org.bedsidecapture.dicom.WrappedObject;
import org.bedsidecapture.dicom.testing.Contexts;
import org.bedsidecapture.dicom.testing.DicomTools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From the synthetic devices to DICOM: stills and clips from the synthetic camera and the synthetic
 * ultrasound grabber, found through the device SPI, wrapped, and judged by dciodvfy (clips by
 * ffprobe too).
 */
class SyntheticCaptureIT {
  @TempDir Path dir;

  private final Clock clock = Clock.systemUTC();
  private final DicomFactory factory = Contexts.factory(clock);
  private final StudySession session = Contexts.session(clock);
  private Path out;

  @BeforeEach
  void outputFolder() throws Exception {
    out = Files.createDirectories(dir.resolve("dicom"));
  }

  /** The synthetic devices, found through the device SPI as the app finds any device. */
  private static List<Camera> syntheticDevices() {
    return Devices.load(DeviceSettings.defaults()).cameras().stream()
        .filter(c -> c.id().startsWith("synthetic-"))
        .toList();
  }

  /** A capture from a synthetic device, tagged as a left hand. */
  private static Capture capture(Camera camera, Path media) {
    CaptureDevice device =
        new CaptureDevice(
            camera.id(),
            camera.kind() == Camera.Kind.FRAME_GRABBER
                ? CaptureDevice.Kind.ULTRASOUND_GRABBER
                : CaptureDevice.Kind.CAMERA,
            "Bedside Capture",
            camera.name(),
            "SYN-1",
            true);
    var site = BodySiteCatalogue.standard().bySnomedId("72696002").orElseThrow();
    return new Capture(media, device, site, Laterality.LEFT, null, null);
  }

  @Test
  void stillsFromTheSyntheticDevicesWrapIntoValidObjects() throws Exception {
    for (Camera camera : syntheticDevices()) {
      VideoFormat format = camera.formats().get(0);
      Path still = dir.resolve(camera.id() + ".jpg");
      StillFiles.write(camera.takeStill(format), still);
      WrappedObject o = factory.wrap(Contexts.typical(), session, capture(camera, still), out);
      assertThat(DicomTools.dciodvfyFindings(o.file())).as(camera.id()).isEmpty();
    }
  }

  @Test
  void clipsRecordedFromTheSyntheticDevicesWrapIntoValidVideoObjects() throws Exception {
    for (Camera camera : syntheticDevices()) {
      VideoFormat format =
          camera.formats().stream().filter(f -> f.width() <= 1920).findFirst().orElseThrow();
      Path file = dir.resolve(camera.id() + ".mp4");
      Clip clip;
      CountDownLatch frames = new CountDownLatch(45);
      AtomicBoolean recording = new AtomicBoolean();
      try (Camera.Preview preview =
          camera.startPreview(
              format,
              f -> {
                if (recording.get()) {
                  frames.countDown();
                }
              },
              gone -> {})) {
        Recording recorder = preview.record(file, Duration.ofSeconds(30), c -> {});
        recording.set(true);
        assertThat(frames.await(60, TimeUnit.SECONDS)).as("frames from " + camera.id()).isTrue();
        clip = recorder.stop();
      }
      WrappedObject o = factory.wrap(Contexts.typical(), session, capture(camera, file), out);

      assertThat(DicomTools.dciodvfyFindings(o.file()))
          .as(DicomTools.dciodvfyReport(o.file()))
          .isEmpty();
      assertThat(o.transferSyntaxUid()).isEqualTo("1.2.840.10008.1.2.4.102");
      assertThat(DicomTools.dcmdumpValue(o.file(), "0028,0008"))
          .isEqualTo(Long.toString(clip.frames()));
      assertThat(DicomTools.probeVideoFragment(o.file()))
          .containsEntry("codec_name", "h264")
          .containsEntry("nb_read_packets", Long.toString(clip.frames()));
    }
  }
}
