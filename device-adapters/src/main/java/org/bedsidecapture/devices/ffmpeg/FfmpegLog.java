package org.bedsidecapture.devices.ffmpeg;

import java.util.function.Supplier;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where FFmpeg's and JavaCPP's messages go. Both write to standard error unless told otherwise:
 * their warnings and errors go to the app's log instead, their chatter nowhere, except that what a
 * device lists about itself (its formats, or the devices of a system that lists them only as
 * messages) can be read by the thread that asked, through {@link #capture}. Call {@link #toSlf4j()}
 * before anything else of JavaCV or JavaCPP is touched.
 */
public final class FfmpegLog {
  private static final Logger LOG = LoggerFactory.getLogger("ffmpeg");
  private static final ThreadLocal<StringBuilder> CAPTURE = new ThreadLocal<>();
  private static volatile boolean routed;

  private FfmpegLog() {}

  /** Routes the native libraries' messages here; idempotent. */
  public static void toSlf4j() {
    if (!routed) {
      synchronized (FfmpegLog.class) {
        if (!routed) {
          System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
          avutil.av_log_set_level(avutil.AV_LOG_INFO);
          avutil.setLogCallback(Callback.INSTANCE);
          routed = true;
        }
      }
    }
  }

  /** A call to FFmpeg and what it said on this thread at information level and above. */
  public record Said<T>(T value, String text) {}

  /** Runs {@code call} and collects FFmpeg's messages on this thread while it runs. */
  public static <T> Said<T> capture(Supplier<T> call) {
    toSlf4j();
    StringBuilder text = new StringBuilder();
    CAPTURE.set(text);
    try {
      T value = call.get();
      return new Said<>(value, text.toString());
    } finally {
      CAPTURE.remove();
    }
  }

  /**
   * The callback FFmpeg calls; its own class, so that loading it (which loads the native library)
   * comes after the logger property is set.
   */
  private static final class Callback extends LogCallback {
    static final Callback INSTANCE = new Callback();

    @Override
    public void call(int level, BytePointer message) {
      String text = message.getString();
      StringBuilder capture = CAPTURE.get();
      if (capture != null && level <= avutil.AV_LOG_INFO) {
        capture.append(text);
      }
      if (level <= avutil.AV_LOG_ERROR) {
        LOG.warn("{}", text.strip());
      } else if (level <= avutil.AV_LOG_WARNING) {
        LOG.info("{}", text.strip());
      }
    }
  }
}
