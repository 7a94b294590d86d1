package org.bedsidecapture.devices.ffmpeg;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** FFmpeg reports system errors as negative errno values inside JavaCV's messages. */
public final class FfmpegErrors {
  private static final Pattern CODE = Pattern.compile("error (-\\d+)");
  private static final int ENOSPC = -28;

  private FfmpegErrors() {}

  /** The errno in an FFmpeg/JavaCV message, or 0 when it names none. */
  public static int code(String message) {
    Matcher m = message == null ? null : CODE.matcher(message);
    return m != null && m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** A failure to write, in the user's words. */
  public static String writing(Throwable e) {
    String message = e.getMessage();
    return code(message) == ENOSPC || (message != null && message.contains("No space left"))
        ? "the disk is full"
        : message;
  }
}
