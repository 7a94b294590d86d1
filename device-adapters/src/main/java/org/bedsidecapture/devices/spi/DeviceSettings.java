package org.bedsidecapture.devices.spi;

/**
 * What a site says about its devices, handed to every provider when it lists them.
 *
 * @param frameGrabberNames a regular expression (case-insensitive, anywhere in the name) for the
 *     video devices that are frame grabbers; null for the built-in list of capture-card names
 * @param syntheticDevices whether the synthetic camera and ultrasound grabber are listed (a ward
 *     cart says no; the demo and tests use them directly)
 */
public record DeviceSettings(String frameGrabberNames, boolean syntheticDevices) {
  /** The built-in frame-grabber names, and the synthetic devices listed. */
  public static DeviceSettings defaults() {
    return new DeviceSettings(null, true);
  }
}
