package org.bedsidecapture.devices.synthetic;

import java.time.Clock;
import java.util.List;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.CameraProvider;
import org.bedsidecapture.devices.spi.DeviceSettings;
import org.bedsidecapture.devices.spi.VideoFormat;

/**
 * The synthetic devices: a camera (720p, 1080p, 4K, and 12 MP as a phone's stills, at 30 fps) and
 * an ultrasound frame grabber (1024x768 at 30 fps). Available everywhere, lowest priority: real
 * devices come first in the list.
 */
public final class SyntheticCameraProvider implements CameraProvider {
  @Override
  public String name() {
    return "synthetic";
  }

  @Override
  public int priority() {
    return 0;
  }

  @Override
  public boolean availableHere() {
    return true;
  }

  /** The synthetic devices, unless the site keeps them out of its list. */
  @Override
  public List<Camera> cameras(DeviceSettings settings) {
    return settings.syntheticDevices() ? devices() : List.of();
  }

  /** The synthetic devices, whatever the settings: for the demo and tests. */
  public static List<Camera> devices() {
    Clock clock = Clock.systemUTC();
    return List.of(
        new SyntheticCamera(
            "synthetic-camera",
            "Synthetic camera (demo)",
            Camera.Kind.CAMERA,
            List.of(
                new VideoFormat(1280, 720, 30, VideoFormat.Encoding.RAW),
                new VideoFormat(1920, 1080, 30, VideoFormat.Encoding.RAW),
                new VideoFormat(3840, 2160, 30, VideoFormat.Encoding.RAW),
                new VideoFormat(4000, 3000, 30, VideoFormat.Encoding.RAW)),
            clock),
        new SyntheticCamera(
            "synthetic-ultrasound",
            "Synthetic ultrasound frame grabber (demo)",
            Camera.Kind.FRAME_GRABBER,
            List.of(new VideoFormat(1024, 768, 30, VideoFormat.Encoding.RAW)),
            clock));
  }
}
