package org.bedsidecapture.devices.grabber;

import java.util.regex.Pattern;

/**
 * Which video devices are frame grabbers (capture cards between an ultrasound or endoscopy tower
 * and the cart) rather than cameras, by the name the device reports. Frame grabbers go through
 * FFmpeg (formats, de-interlacing), cameras through Webcam Capture; each device is listed once. A
 * site whose card has another name sets the system property {@value #PROPERTY} (a regular
 * expression, matched case-insensitively anywhere in the name).
 */
public final class FrameGrabberNames {
  public static final String PROPERTY = "bedside.frame-grabber-names";

  static final String DEFAULT =
      "capture|grabber|hdmi|sdi|cam ?link|elgato|magewell|epiphan|avermedia|blackmagic"
          + "|ultrasound|endoscop|^usb video$";

  private FrameGrabberNames() {}

  public static boolean isFrameGrabber(String deviceName) {
    String expression = System.getProperty(PROPERTY, DEFAULT);
    return Pattern.compile(expression, Pattern.CASE_INSENSITIVE).matcher(deviceName.strip()).find();
  }
}
