package org.bedsidecapture.devices.synthetic;

import java.time.Clock;
import java.util.List;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.CameraProvider;
import org.bedsidecapture.devices.spi.VideoFormat;

/**
 * The synthetic devices: a camera (720p, 1080p, 4K, and 12 MP as a phone's stills, at 30 fps) and
 * an ultrasound frame grabber (1024x768 at 30 fps). Available everywhere, lowest priority: real
 * devices come first in the list.
 */
public final class SyntheticCameraProvider implements CameraProvider {
  /**
   * Set to {@code false} (the site setting {@code devices.synthetic}) to keep the synthetic devices
   * out of a ward cart's device list; the demo and the tests use them directly.
   */
  public static final String PROPERTY = "bedside.synthetic-devices";

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
    return !"false".equals(System.getProperty(PROPERTY));
  }

  @Override
  public List<Camera> cameras() {
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
