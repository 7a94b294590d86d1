package org.bedsidecapture.devices.spi;

/**
 * A device could not do what was asked (gone, busy, format not offered); the message says which.
 */
public final class DeviceException extends Exception {
  private static final long serialVersionUID = 1L;

  public DeviceException(String message) {
    super(message);
  }

  public DeviceException(String message, Throwable cause) {
    super(message, cause);
  }
}
