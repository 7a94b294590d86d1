package org.bedsidecapture.devices.spi;

/** A mode a device can deliver: size, frame rate and how frames come (raw pixels, MJPEG, H.264). */
public record VideoFormat(int width, int height, double framesPerSecond, Encoding encoding) {

  /** How the device encodes its frames. */
  public enum Encoding {
    RAW,
    MJPEG,
    H264
  }

  /** The mode as installers write it: {@code 1920x1080@30}. */
  public String mode() {
    return width + "x" + height + "@" + Math.round(framesPerSecond);
  }

  @Override
  public String toString() {
    return width + "x" + height + "@" + framesPerSecond + " " + encoding;
  }
}
