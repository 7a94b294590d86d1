package org.bedsidecapture.devices.grabber;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.bedsidecapture.devices.ffmpeg.FfmpegLog;
import org.bedsidecapture.devices.ffmpeg.Pixels;
import org.bedsidecapture.devices.spi.DeviceException;
import org.bedsidecapture.devices.spi.Frame;
import org.bedsidecapture.devices.spi.VideoFormat;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;

/**
 * One opening of a device through FFmpeg: asks for the mode, learns what the device granted,
 * de-interlaces when the source is interlaced, and hands out frames as packed RGB (or, for an MJPEG
 * device's still, the next frame's JPEG bytes as the device sent them).
 */
final class GrabberSession implements AutoCloseable {
  /** yadif, one output frame per input frame, fields in whatever order the source says. */
  private static final String DEINTERLACE = "yadif=mode=send_frame:parity=auto:deint=all";

  private static final int FIELD_ORDER_PROGRESSIVE = 1;

  /** AVFrame flag: the frame is interlaced (libavutil/frame.h, AV_FRAME_FLAG_INTERLACED). */
  private static final int FRAME_FLAG_INTERLACED = 1 << 3;

  private final String device;
  private final GrabberInput input;
  private final FFmpegFrameGrabber grabber;
  private final VideoFormat granted;
  private final FfmpegGrabber.Deinterlace deinterlace;
  private final long startNanos = System.nanoTime();
  private final Instant startInstant = Instant.now();
  private FFmpegFrameFilter yadif;
  private boolean decided;
  private long number;

  private GrabberSession(
      String device,
      GrabberInput input,
      FFmpegFrameGrabber grabber,
      VideoFormat granted,
      FfmpegGrabber.Deinterlace deinterlace) {
    this.device = device;
    this.input = input;
    this.grabber = grabber;
    this.granted = granted;
    this.deinterlace = deinterlace;
  }

  static GrabberSession open(
      String device, GrabberInput input, VideoFormat wanted, FfmpegGrabber.Deinterlace deinterlace)
      throws DeviceException {
    FfmpegLog.toSlf4j();
    FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(input.address());
    grabber.setFormat(input.format());
    grabber.setPixelFormat(avutil.AV_PIX_FMT_BGRA);
    if (input.live()) {
      grabber.setImageWidth(wanted.width());
      grabber.setImageHeight(wanted.height());
      grabber.setFrameRate(wanted.framesPerSecond());
      String mjpeg = input.mjpegOption();
      if (wanted.encoding() == VideoFormat.Encoding.MJPEG && mjpeg != null) {
        grabber.setOption(mjpeg, "mjpeg");
      }
    }
    try {
      grabber.start();
    } catch (FrameGrabber.Exception e) {
      release(grabber);
      throw GrabberErrors.opening(device, e);
    }
    boolean mjpeg = "mjpeg".equals(grabber.getVideoCodecName());
    VideoFormat granted =
        new VideoFormat(
            grabber.getImageWidth(),
            grabber.getImageHeight(),
            grabber.getFrameRate() > 0 ? grabber.getFrameRate() : wanted.framesPerSecond(),
            mjpeg ? VideoFormat.Encoding.MJPEG : VideoFormat.Encoding.RAW);
    return new GrabberSession(device, input, grabber, granted, deinterlace);
  }

  /** The mode the device actually delivers (it may differ from the one asked for). */
  VideoFormat granted() {
    return granted;
  }

  boolean deinterlacing() {
    return yadif != null;
  }

  /**
   * The next frame, or null when the source has ended. Paced like the device for non-live inputs.
   */
  Frame next() throws FrameGrabber.Exception, FrameFilter.Exception {
    while (true) {
      org.bytedeco.javacv.Frame image = grabber.grabImage();
      if (image == null) {
        return null;
      }
      if (!decided) {
        decide((AVFrame) image.opaque);
      }
      long timestamp = image.timestamp;
      if (yadif != null) {
        yadif.push(image);
        image = yadif.pull();
        if (image == null) {
          continue;
        }
      }
      return toFrame(image, timestamp);
    }
  }

  /** The next frame's JPEG bytes, as an MJPEG device sent them (no decoding). */
  byte[] nextJpeg() throws FrameGrabber.Exception, DeviceException {
    if (granted.encoding() != VideoFormat.Encoding.MJPEG) {
      throw new IllegalStateException("not an MJPEG session");
    }
    while (true) {
      AVPacket packet = grabber.grabPacket();
      if (packet == null) {
        throw new DeviceException(GrabberErrors.stopped(device, null));
      }
      try {
        if (packet.stream_index() == grabber.getVideoStream() && packet.size() > 0) {
          byte[] jpeg = new byte[packet.size()];
          packet.data().get(jpeg);
          return jpeg;
        }
      } finally {
        av_packet_unref(packet);
      }
    }
  }

  private void decide(AVFrame first) throws FrameFilter.Exception {
    decided = true;
    boolean interlaced =
        switch (deinterlace) {
          case ALWAYS -> true;
          case NEVER -> false;
          case AUTO ->
              fieldOrder() > FIELD_ORDER_PROGRESSIVE
                  || (first != null && (first.flags() & FRAME_FLAG_INTERLACED) != 0);
        };
    if (interlaced) {
      yadif = new FFmpegFrameFilter(DEINTERLACE, granted.width(), granted.height());
      yadif.setPixelFormat(avutil.AV_PIX_FMT_BGRA);
      yadif.setFrameRate(granted.framesPerSecond());
      yadif.start();
    }
  }

  private int fieldOrder() {
    int stream = grabber.getVideoStream();
    return stream < 0 ? 0 : grabber.getFormatContext().streams(stream).codecpar().field_order();
  }

  private Frame toFrame(org.bytedeco.javacv.Frame image, long timestampMicros) {
    int[] rgb = Pixels.fromBgra(image);
    Instant taken;
    if (input.live()) {
      taken = Instant.now();
    } else {
      long due = startNanos + timestampMicros * 1000;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      taken = startInstant.plusNanos(timestampMicros * 1000);
    }
    return new Frame(number++, taken, image.imageWidth, image.imageHeight, Frame.luma(rgb), rgb);
  }

  @Override
  public void close() {
    if (yadif != null) {
      try {
        yadif.close();
      } catch (FrameFilter.Exception e) {
        // The filter is gone either way; the device below is what matters.
      }
    }
    release(grabber);
  }

  private static void release(FFmpegFrameGrabber grabber) {
    try {
      grabber.close();
    } catch (FrameGrabber.Exception e) {
      // Closing a device that was unplugged fails; there is nothing left to release.
    }
  }
}
