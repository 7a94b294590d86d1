package org.bedsidecapture.devices.synthetic;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bedsidecapture.devices.recording.PreviewFeed;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.DeviceException;
import org.bedsidecapture.devices.spi.Frame;
import org.bedsidecapture.devices.spi.VideoFormat;
import org.bedsidecapture.devices.stills.JpegEncoder;

/**
 * A camera that needs no hardware, for demo mode and tests: a deterministic moving test pattern
 * (colour bars, a box that moves one step per frame, the frame number in block digits) at 720p,
 * 1080p and 4K, or an ultrasound-like grey sector for the frame-grabber variant. Frame N is the
 * same pixels every time, and is stamped with its place in the stream (start + N frame periods), as
 * a real source stamps its frames, however late the machine delivers it.
 */
public final class SyntheticCamera implements Camera {
  private final String id;
  private final String name;
  private final Kind kind;
  private final List<VideoFormat> formats;
  private final Clock clock;

  /** What the camera sees when pointed at a label (grey, 1080p), or null for the test pattern. */
  private final byte[] scene;

  private volatile boolean unplugged;

  SyntheticCamera(String id, String name, Kind kind, List<VideoFormat> formats, Clock clock) {
    this(id, name, kind, formats, clock, null);
  }

  private SyntheticCamera(
      String id, String name, Kind kind, List<VideoFormat> formats, Clock clock, byte[] scene) {
    this.id = id;
    this.name = name;
    this.kind = kind;
    this.formats = List.copyOf(formats);
    this.clock = clock;
    this.scene = scene;
  }

  /**
   * The synthetic camera pointed at a label (a wristband with its barcode), held slightly turned in
   * front of it: for the demo and tests of camera scanning. 1080p30 only.
   */
  public static SyntheticCamera pointedAt(BufferedImage label) {
    return new SyntheticCamera(
        "synthetic-camera-wristband",
        "Synthetic camera pointed at a wristband (demo)",
        Kind.CAMERA,
        List.of(
            new VideoFormat(BarcodeScene.WIDTH, BarcodeScene.HEIGHT, 30, VideoFormat.Encoding.RAW)),
        Clock.systemUTC(),
        BarcodeScene.luma(BarcodeScene.frame(label, new BarcodeScene.View(6, true, 1, false), 1)));
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Kind kind() {
    return kind;
  }

  @Override
  public List<VideoFormat> formats() {
    return formats;
  }

  /** Frame {@code number} of this device in the format's size, as packed RGB. */
  public int[] render(VideoFormat format, long number) {
    if (scene != null) {
      return TestPattern.scene(scene, number, format.width(), format.height());
    }
    return kind == Kind.FRAME_GRABBER
        ? TestPattern.ultrasound(format.width(), format.height(), number)
        : TestPattern.bars(format.width(), format.height(), number);
  }

  @Override
  public Preview startPreview(VideoFormat format, Consumer<Frame> onFrame, Consumer<String> onGone)
      throws DeviceException {
    if (!formats.contains(format)) {
      throw new DeviceException(name + " does not offer " + format);
    }
    if (unplugged) {
      throw new DeviceException(name + " is unplugged (synthetic): plug it in and try again");
    }
    ScheduledExecutorService thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "preview-" + id);
              t.setDaemon(true);
              return t;
            });
    PreviewFeed feed = new PreviewFeed(format, onFrame, onGone).stoppedBy(thread::shutdownNow);
    long periodNanos = (long) (1_000_000_000L / format.framesPerSecond());
    Instant start = clock.instant();
    long[] next = {0};
    thread.scheduleAtFixedRate(
        () -> {
          if (unplugged) {
            feed.gone(name + " was unplugged (synthetic)");
            thread.shutdown();
            return;
          }
          long n = next[0]++;
          int[] rgb = render(format, n);
          feed.deliver(
              new Frame(
                  n,
                  start.plusNanos(n * periodNanos),
                  format.width(),
                  format.height(),
                  Frame.luma(rgb),
                  rgb));
        },
        0,
        periodNanos,
        TimeUnit.NANOSECONDS);
    return feed;
  }

  /**
   * Behaves as if the device's cable were pulled: a running preview stops with a message and new
   * previews and stills fail, until {@link #plugIn()}.
   */
  public void unplug() {
    unplugged = true;
  }

  public void plugIn() {
    unplugged = false;
  }

  @Override
  public byte[] takeStill(VideoFormat format) throws DeviceException, IOException {
    if (!formats.contains(format)) {
      throw new DeviceException(name + " does not offer " + format);
    }
    if (unplugged) {
      throw new DeviceException(name + " is unplugged (synthetic): plug it in and try again");
    }
    return JpegEncoder.fastest().encode(render(format, 0), format.width(), format.height());
  }
}
