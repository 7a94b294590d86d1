package org.bedsidecapture.devices.grabber;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.bedsidecapture.devices.recording.PreviewFeed;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.DeviceException;
import org.bedsidecapture.devices.spi.Frame;
import org.bedsidecapture.devices.spi.VideoFormat;
import org.bedsidecapture.devices.stills.JpegEncoder;
import org.bedsidecapture.devices.stills.MjpegFrames;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;

/**
 * A frame grabber (ultrasound, endoscope, HDMI/SDI-to-USB card; they appear as UVC devices) or any
 * camera, through FFmpeg: video4linux2 on Linux, DirectShow on Windows, AVFoundation on macOS.
 * Interlaced sources (SD ultrasound, 1080i endoscopy towers) are de-interlaced. A still taken while
 * the preview runs is the next frame; from an MJPEG device it is that frame's JPEG as sent.
 */
public final class FfmpegGrabber implements Camera {
  /** When to de-interlace. */
  public enum Deinterlace {
    /** When the stream or its first frame says it is interlaced. */
    AUTO,
    ALWAYS,
    NEVER
  }

  /** Frames a still from a device that was not previewing skips while its exposure settles. */
  private static final int WARM_UP_FRAMES = 5;

  private static final long STILL_TIMEOUT_SECONDS = 3;

  private final String id;
  private final String name;
  private final Kind kind;
  private final GrabberInput input;
  private final List<VideoFormat> formats;
  private final Deinterlace deinterlace;
  private volatile Running running;

  /** A still asked for while the preview runs, answered by the preview thread. */
  private record StillRequest(CompletableFuture<byte[]> done) {}

  /** The preview thread's session and the stills waiting for it. */
  private record Running(
      GrabberSession session, ConcurrentLinkedQueue<StillRequest> stills, Thread thread) {}

  public FfmpegGrabber(
      String id,
      String name,
      Kind kind,
      GrabberInput input,
      List<VideoFormat> formats,
      Deinterlace deinterlace) {
    this.id = id;
    this.name = name;
    this.kind = kind;
    this.input = input;
    this.formats = List.copyOf(formats);
    this.deinterlace = deinterlace;
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

  /** Whether the running preview is being de-interlaced. */
  public boolean deinterlacing() {
    Running r = running;
    return r != null && r.session().deinterlacing();
  }

  /** The mode the running preview's device granted, which may differ from the one asked for. */
  public VideoFormat granted() {
    Running r = running;
    if (r == null) {
      throw new IllegalStateException(name + " is not previewing");
    }
    return r.session().granted();
  }

  @Override
  public synchronized Preview startPreview(
      VideoFormat format, Consumer<Frame> onFrame, Consumer<String> onGone) throws DeviceException {
    if (running != null) {
      throw new DeviceException(name + " is already showing a preview");
    }
    GrabberSession session = GrabberSession.open(name, input, format, deinterlace);
    PreviewFeed feed = new PreviewFeed(session.granted(), onFrame, onGone);
    ConcurrentLinkedQueue<StillRequest> stills = new ConcurrentLinkedQueue<>();
    Thread thread = new Thread(() -> run(session, feed, stills), "preview-" + id);
    thread.setDaemon(true);
    running = new Running(session, stills, thread);
    thread.start();
    return feed.stoppedBy(
        () -> {
          thread.interrupt();
          try {
            thread.join(TimeUnit.SECONDS.toMillis(STILL_TIMEOUT_SECONDS));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  private void run(
      GrabberSession session, PreviewFeed feed, ConcurrentLinkedQueue<StillRequest> stills) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        StillRequest still = stills.poll();
        if (still != null && session.granted().encoding() == VideoFormat.Encoding.MJPEG) {
          answer(still, session);
          continue;
        }
        Frame frame = session.next();
        if (frame == null) {
          feed.gone(GrabberErrors.stopped(name, null));
          return;
        }
        feed.deliver(frame);
        if (still != null) {
          answer(still, frame);
        }
      }
    } catch (FrameGrabber.Exception | FrameFilter.Exception e) {
      feed.gone(GrabberErrors.stopped(name, e));
    } finally {
      synchronized (this) {
        running = null;
      }
      session.close();
      for (StillRequest left; (left = stills.poll()) != null; ) {
        left.done().completeExceptionally(new DeviceException(GrabberErrors.stopped(name, null)));
      }
    }
  }

  private void answer(StillRequest still, GrabberSession session) {
    try {
      still.done().complete(MjpegFrames.asJpeg(session.nextJpeg()));
    } catch (IOException | DeviceException e) {
      still.done().completeExceptionally(e);
    }
  }

  private void answer(StillRequest still, Frame frame) {
    try {
      still
          .done()
          .complete(JpegEncoder.fastest().encode(frame.rgb(), frame.width(), frame.height()));
    } catch (IOException e) {
      still.done().completeExceptionally(e);
    }
  }

  /**
   * Takes a still: the running preview's next frame, or else the device is opened for it (and given
   * a few frames to settle its exposure). From an MJPEG device, the frame's JPEG as sent.
   */
  @Override
  public byte[] takeStill(VideoFormat format) throws DeviceException, IOException {
    Running r = running;
    if (r != null) {
      StillRequest request = new StillRequest(new CompletableFuture<>());
      r.stills().add(request);
      try {
        return request.done().get(STILL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while taking the still", e);
      } catch (TimeoutException e) {
        throw new DeviceException(
            name + " gave no picture for the still: " + GrabberErrors.stopped(name, null), e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DeviceException d) {
          throw d;
        }
        throw new IOException("the still could not be taken: " + cause.getMessage(), cause);
      }
    }
    try (GrabberSession session = GrabberSession.open(name, input, format, deinterlace)) {
      for (int i = 0; i < WARM_UP_FRAMES && input.live(); i++) {
        session.next();
      }
      if (session.granted().encoding() == VideoFormat.Encoding.MJPEG) {
        return MjpegFrames.asJpeg(session.nextJpeg());
      }
      Frame frame = session.next();
      if (frame == null) {
        throw new DeviceException(GrabberErrors.stopped(name, null));
      }
      return JpegEncoder.fastest().encode(frame.rgb(), frame.width(), frame.height());
    } catch (FrameGrabber.Exception | FrameFilter.Exception e) {
      throw new DeviceException(GrabberErrors.stopped(name, e), e);
    }
  }
}
