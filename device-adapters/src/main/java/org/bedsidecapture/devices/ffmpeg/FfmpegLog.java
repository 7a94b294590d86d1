package org.bedsidecapture.devices.ffmpeg;

import java.util.function.Supplier;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where FFmpeg's messages go. It writes to standard error unless told otherwise: its warnings and
 * errors go to the app's log instead, its chatter nowhere, except that what a device lists about
 * itself (its formats, or the devices of a system that lists them only as messages) can be read by
 * the thread that asked, through {@link #capture}.
 */
public final class FfmpegLog extends LogCallback {
  private static final Logger LOG = LoggerFactory.getLogger("ffmpeg");
  private static final FfmpegLog INSTANCE = new FfmpegLog();
  private static final ThreadLocal<StringBuilder> CAPTURE = new ThreadLocal<>();
  private static volatile boolean routed;

  private FfmpegLog() {}

  /** Routes FFmpeg's messages here; idempotent. */
  public static void toSlf4j() {
    if (!routed) {
      synchronized (FfmpegLog.class) {
        if (!routed) {
          avutil.av_log_set_level(avutil.AV_LOG_INFO);
          avutil.setLogCallback(INSTANCE);
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
