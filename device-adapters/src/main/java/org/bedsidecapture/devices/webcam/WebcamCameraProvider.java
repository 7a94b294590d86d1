package org.bedsidecapture.devices.webcam;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.bedsidecapture.devices.grabber.FrameGrabberNames;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.CameraProvider;
import org.bedsidecapture.devices.spi.DeviceException;
import org.bedsidecapture.devices.spi.DeviceSettings;

/**
 * USB (UVC) cameras through Webcam Capture: V4L2 on Linux (needs {@code libv4l-0}), DirectShow on
 * Windows, AVFoundation on macOS. Above the synthetic devices in the list. Devices named like frame
 * grabbers are left to the FFmpeg provider ({@link FrameGrabberNames}).
 */
public final class WebcamCameraProvider implements CameraProvider {
  private static final long DISCOVERY_TIMEOUT_MS = 3000;

  @Override
  public String name() {
    return "webcam-capture";
  }

  @Override
  public int priority() {
    return 50;
  }

  @Override
  public boolean availableHere() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    return os.contains("linux") || os.contains("windows") || os.contains("mac");
  }

  /** The device's own name: Webcam Capture adds the device node on Linux. */
  static String deviceName(String webcamName) {
    return webcamName.replaceFirst("\\s+/dev/video\\d+$", "");
  }

  @Override
  public List<Camera> cameras(DeviceSettings settings) throws DeviceException {
    FrameGrabberNames frameGrabbers = FrameGrabberNames.of(settings);
    List<Webcam> found;
    try {
      found = Webcam.getWebcams(DISCOVERY_TIMEOUT_MS);
    } catch (TimeoutException e) {
      throw new DeviceException(
          "USB cameras did not answer within " + DISCOVERY_TIMEOUT_MS + " ms", e);
    } catch (WebcamException e) {
      throw new DeviceException(WebcamCamera.explain("USB cameras", e), e);
    }
    List<Camera> cameras = new ArrayList<>();
    for (Webcam w : found) {
      if (!frameGrabbers.isFrameGrabber(deviceName(w.getName()))) {
        cameras.add(new WebcamCamera(w));
      }
    }
    return cameras;
  }
}
