package org.bedsidecapture.devices.grabber;

import java.util.regex.Pattern;
import org.bedsidecapture.devices.spi.DeviceSettings;

/**
 * Which video devices are frame grabbers (capture cards between an ultrasound or endoscopy tower
 * and the cart) rather than cameras, by the name the device reports. Frame grabbers go through
 * FFmpeg (formats, de-interlacing), cameras through Webcam Capture; each device is listed once. A
 * site whose card has another name says so in its {@link DeviceSettings} (a regular expression,
 * matched case-insensitively anywhere in the name).
 */
public final class FrameGrabberNames {
  static final String DEFAULT =
      "capture|grabber|hdmi|sdi|cam ?link|elgato|magewell|epiphan|avermedia|blackmagic"
          + "|ultrasound|endoscop|^usb video$";

  private final Pattern names;

  private FrameGrabberNames(String expression) {
    this.names = Pattern.compile(expression, Pattern.CASE_INSENSITIVE);
  }

  /** The site's names, or the built-in ones. */
  public static FrameGrabberNames of(DeviceSettings settings) {
    return new FrameGrabberNames(
        settings.frameGrabberNames() == null ? DEFAULT : settings.frameGrabberNames());
  }

  public boolean isFrameGrabber(String deviceName) {
    return names.matcher(deviceName.strip()).find();
  }
}
