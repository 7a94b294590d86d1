package org.bedsidecapture.devices.webcam;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamException;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bedsidecapture.devices.recording.PreviewFeed;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.DeviceException;
import org.bedsidecapture.devices.spi.Frame;
import org.bedsidecapture.devices.spi.VideoFormat;
import org.bedsidecapture.devices.stills.JpegEncoder;

/** One USB camera seen by Webcam Capture. */
final class WebcamCamera implements Camera {
  private static final double RATE = 30;

  private final Webcam webcam;

  WebcamCamera(Webcam webcam) {
    this.webcam = webcam;
  }

  @Override
  public String id() {
    return "webcam:" + webcam.getName();
  }

  @Override
  public String name() {
    return webcam.getName();
  }

  @Override
  public Kind kind() {
    return Kind.CAMERA;
  }

  @Override
  public List<VideoFormat> formats() {
    return formats(webcam.getViewSizes());
  }

  /** The sizes a camera offers, as formats at the rate the preview asks for, largest first. */
  static List<VideoFormat> formats(Dimension[] sizes) {
    List<VideoFormat> formats = new ArrayList<>();
    for (Dimension d : sizes) {
      formats.add(new VideoFormat(d.width, d.height, RATE, VideoFormat.Encoding.RAW));
    }
    formats.sort((a, b) -> Integer.compare(b.width() * b.height(), a.width() * a.height()));
    return formats;
  }

  /** The offered size nearest the one wanted (by pixel count), for a format the camera lacks. */
  static Dimension nearest(Dimension[] offered, VideoFormat wanted) {
    Dimension best = null;
    long want = (long) wanted.width() * wanted.height();
    for (Dimension d : offered) {
      if (best == null
          || Math.abs((long) d.width * d.height - want)
              < Math.abs((long) best.width * best.height - want)) {
        best = d;
      }
    }
    return best;
  }

  @Override
  public Preview startPreview(VideoFormat format, Consumer<Frame> onFrame, Consumer<String> onGone)
      throws DeviceException {
    open(format);
    PreviewFeed feed = new PreviewFeed(format, onFrame, onGone);
    Thread t =
        new Thread(
            () -> {
              long n = 0;
              long period = (long) (1_000_000_000L / format.framesPerSecond());
              while (!Thread.currentThread().isInterrupted()) {
                long start = System.nanoTime();
                BufferedImage img;
                try {
                  img = webcam.getImage();
                } catch (WebcamException e) {
                  img = null;
                }
                if (img == null) {
                  feed.gone(
                      name()
                          + " stopped sending pictures: is it still plugged in? Capture goes"
                          + " on with the pictures already taken.");
                  return;
                }
                feed.deliver(frame(n++, img));
                long rest = period - (System.nanoTime() - start);
                if (rest > 0) {
                  try {
                    Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              }
            },
            "preview-" + id());
    t.setDaemon(true);
    t.start();
    return feed.stoppedBy(
        () -> {
          t.interrupt();
          webcam.close();
        });
  }

  @Override
  public byte[] takeStill(VideoFormat format) throws DeviceException, IOException {
    open(format);
    BufferedImage img;
    try {
      img = webcam.getImage();
    } catch (WebcamException e) {
      throw new DeviceException(explain(name(), e), e);
    }
    if (img == null) {
      throw new DeviceException(name() + " gave no picture: is it still plugged in?");
    }
    int w = img.getWidth();
    int h = img.getHeight();
    return JpegEncoder.fastest().encode(img.getRGB(0, 0, w, h, null, 0, w), w, h);
  }

  private void open(VideoFormat format) throws DeviceException {
    try {
      if (!webcam.isOpen()) {
        webcam.setViewSize(nearest(webcam.getViewSizes(), format));
        webcam.open();
      }
    } catch (WebcamException e) {
      throw new DeviceException(explain(name(), e), e);
    }
  }

  private static Frame frame(long n, BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
    return new Frame(n, Instant.now(), w, h, Frame.luma(rgb), rgb);
  }

  /** A Webcam Capture failure, in words for the person at the cart. */
  static String explain(String what, Throwable e) {
    String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    if (m.contains("busy") || m.contains("in use") || m.contains("ebusy")) {
      return what + " is in use by another program: close it and try again";
    }
    if (m.contains("libv4l") || m.contains("unsatisfiedlink") || m.contains("bridj")) {
      return what + " cannot be used: the camera library is missing (on Linux install libv4l-0)";
    }
    return what + " failed: " + e.getMessage();
  }
}
