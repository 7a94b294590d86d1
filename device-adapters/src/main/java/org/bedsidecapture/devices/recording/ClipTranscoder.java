package org.bedsidecapture.devices.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.bedsidecapture.devices.ffmpeg.FfmpegLog;
import org.bedsidecapture.devices.ffmpeg.Pixels;
import org.bedsidecapture.devices.spi.Clip;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Re-encodes a clip that DICOM cannot carry as it is (a phone's Baseline or 10-bit video, one
 * stored rotated, one at a variable rate, 4K) through the same encoder as the app's own recordings:
 * decoded, turned upright, placed on a constant rate by its timestamps, and written as H.264 High
 * profile within level 4.1/4.2, keeping the clip's creation time. Sound is left out: clinical clips
 * are pictures, and a ward's background talk is not for the archive.
 */
public final class ClipTranscoder {
  /** Rates a clip is placed on: the nearest of these to its base rate. */
  private static final double[] RATES = {24, 25, 30, 50, 60};

  /** No limit worth having on a re-encode: the source's own length decides. */
  private static final Duration NO_LIMIT = Duration.ofHours(12);

  private ClipTranscoder() {}

  /** Re-encodes {@code source} into a new MP4 in {@code scratch} and returns it. */
  public static Path reencode(Path source, Path scratch) throws IOException {
    Path target = Files.createTempFile(scratch, ".reencoded-", ".mp4");
    try {
      transcode(source, target);
      return target;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(target);
      throw e;
    }
  }

  /** Re-encodes {@code source} into {@code target}; returns the finished clip. */
  public static Clip transcode(Path source, Path target) throws IOException {
    FfmpegLog.toSlf4j();
    try (FFmpegFrameGrabber in = new FFmpegFrameGrabber(source.toFile())) {
      in.setPixelFormat(avutil.AV_PIX_FMT_BGRA);
      in.start();
      if (in.getVideoStream() < 0) {
        throw new IOException("the clip has no video to re-encode");
      }
      int turn = Math.floorMod(-(int) Math.round(in.getDisplayRotation() / 90) * 90, 360);
      boolean sideways = turn == 90 || turn == 270;
      int width = sideways ? in.getImageHeight() : in.getImageWidth();
      int height = sideways ? in.getImageWidth() : in.getImageHeight();
      Instant created = creationTime(in, source);
      ClipRecorder recorder =
          ClipRecorder.start(target, width, height, nearestRate(baseRate(in)), NO_LIMIT, c -> {});
      long frames = 0;
      Frame image;
      while ((image = in.grabImage()) != null) {
        int[] rgb = Upright.turn(Pixels.fromBgra(image), image.imageWidth, image.imageHeight, turn);
        frames++;
        if (!recorder.put(created.plusNanos(image.timestamp * 1000), rgb)) {
          break;
        }
      }
      if (frames == 0) {
        recorder.stop();
        throw new IOException("the clip has no frame that could be decoded");
      }
      return recorder.stop();
    } catch (FrameGrabber.Exception e) {
      throw new IOException("the clip could not be decoded for re-encoding: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while re-encoding the clip", e);
    }
  }

  /**
   * The stream's base rate (what a phone aimed for before it dropped frames), or its average when
   * it states none.
   */
  private static double baseRate(FFmpegFrameGrabber in) {
    AVRational base = in.getFormatContext().streams(in.getVideoStream()).r_frame_rate();
    return base.num() > 0 && base.den() > 0 ? (double) base.num() / base.den() : in.getFrameRate();
  }

  static double nearestRate(double average) {
    double best = 30;
    if (average > 0) {
      for (double r : RATES) {
        if (Math.abs(r - average) < Math.abs(best - average)) {
          best = r;
        }
      }
    }
    return best;
  }

  /** When the clip was made: its own creation time, else when the file was last written. */
  private static Instant creationTime(FFmpegFrameGrabber in, Path source) throws IOException {
    String value = in.getMetadata("creation_time");
    if (value != null) {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        return Files.getLastModifiedTime(source).toInstant();
      }
    }
    return Files.getLastModifiedTime(source).toInstant();
  }
}
