package org.bedsidecapture.app.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.Devices;
import org.bedsidecapture.devices.spi.VideoFormat;
import org.bedsidecapture.dicom.BodySiteCatalogue;
import org.bedsidecapture.dicom.Capture;
import org.bedsidecapture.dicom.CaptureDevice;
import org.bedsidecapture.dicom.Laterality;
import org.bedsidecapture.dicom.WrappedObject;
import org.bedsidecapture.dicom.testing.Contexts;
import org.bedsidecapture.dicom.testing.DicomTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From the synthetic devices to DICOM: a still from the synthetic camera and a grab from the
 * synthetic ultrasound grabber, found through the device SPI, wrapped, and judged by dciodvfy.
 */
class SyntheticCaptureIT {
  @TempDir Path dir;

  @Test
  void stillsFromTheSyntheticDevicesWrapIntoValidObjects() throws Exception {
    Devices devices = Devices.load();
    var site = BodySiteCatalogue.standard().bySnomedId("72696002").orElseThrow();
    Clock clock = Clock.systemUTC();
    var factory = Contexts.factory(clock);
    var session = Contexts.session(clock);
    Path out = Files.createDirectories(dir.resolve("dicom"));
    for (Camera camera :
        devices.cameras().stream().filter(c -> c.id().startsWith("synthetic-")).toList()) {
      VideoFormat format = camera.formats().get(0);
      Path still = dir.resolve(camera.id() + ".jpg");
      camera.captureStill(format, still);
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
      WrappedObject o =
          factory.wrap(
              Contexts.typical(),
              session,
              new Capture(still, device, site, Laterality.LEFT, null, null),
              out);
      assertThat(DicomTools.dciodvfyFindings(o.file())).as(camera.id()).isEmpty();
    }
  }
}
