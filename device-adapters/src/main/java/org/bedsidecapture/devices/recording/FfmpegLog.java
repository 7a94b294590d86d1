package org.bedsidecapture.devices.recording;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegLogCallback;

/**
 * FFmpeg writes to standard error unless told otherwise: its warnings and errors go to the app's
 * log instead, its chatter (stream dumps, encoder statistics) nowhere.
 */
public final class FfmpegLog {
  private static volatile boolean routed;

  private FfmpegLog() {}

  public static void toSlf4j() {
    if (!routed) {
      synchronized (FfmpegLog.class) {
        if (!routed) {
          FFmpegLogCallback.setLevel(avutil.AV_LOG_WARNING);
          FFmpegLogCallback.set();
          routed = true;
        }
      }
    }
  }
}
