package org.bedsidecapture.devices.grabber;

/**
 * How FFmpeg opens a device: its input format (video4linux2, dshow, avfoundation; lavfi or a
 * container for sources that are not hardware) and the device's address in that format. A live
 * input delivers frames at its own pace; any other is paced by its timestamps, as a device would.
 */
public record GrabberInput(String format, String address, boolean live) {

  /** The capture API FFmpeg uses on this operating system, or null where it has none here. */
  public static String deviceFormatFor(String osName) {
    String os = osName.toLowerCase(java.util.Locale.ROOT);
    if (os.contains("linux")) {
      return "video4linux2";
    }
    if (os.contains("windows")) {
      return "dshow";
    }
    if (os.contains("mac")) {
      return "avfoundation";
    }
    return null;
  }

  /** The option that asks the device for MJPEG frames rather than raw pixels. */
  String mjpegOption() {
    return switch (format) {
      case "dshow" -> "vcodec";
      case "video4linux2", "v4l2" -> "input_format";
      default -> null;
    };
  }
}
