package org.bedsidecapture.devices.grabber;

import org.bedsidecapture.devices.ffmpeg.FfmpegErrors;
import org.bedsidecapture.devices.spi.DeviceException;

/**
 * Turns FFmpeg's failures into what the user at the cart reads: which device, what happened, what
 * to do. FFmpeg reports system errors as negative errno values inside JavaCV's messages.
 */
final class GrabberErrors {
  private static final int ENOENT = -2;
  private static final int EIO = -5;
  private static final int ENXIO = -6;
  private static final int EAGAIN = -11;
  private static final int EACCES = -13;
  private static final int EBUSY = -16;
  private static final int ENODEV = -19;
  private static final int EINVAL = -22;
  private static final int ETIMEDOUT = -110;

  private GrabberErrors() {}

  /** The failure to open {@code device}, for the user. */
  static DeviceException opening(String device, Exception e) {
    return new DeviceException(explainOpening(device, FfmpegErrors.code(e.getMessage())), e);
  }

  static String explainOpening(String device, int code) {
    return switch (code) {
      case ENOENT, ENODEV, ENXIO ->
          device + " is not connected: check its cable, then choose it again.";
      case EBUSY -> device + " is in use by another program: close that program and try again.";
      case EACCES ->
          device
              + " cannot be opened by this user: the installer has to give access to video devices"
              + " (on Linux, the 'video' group).";
      case EINVAL ->
          device + " does not accept the chosen size or frame rate: choose another format.";
      case EIO, EAGAIN, ETIMEDOUT ->
          device
              + " gives no picture: check that the source (ultrasound, endoscope) is switched on and"
              + " its video output is connected.";
      default -> device + " could not be opened (FFmpeg error " + code + ").";
    };
  }

  /** The device stopped during preview or recording. */
  static String stopped(String device, Exception e) {
    int code = e == null ? 0 : FfmpegErrors.code(e.getMessage());
    if (code == EAGAIN || code == ETIMEDOUT) {
      return device
          + " stopped sending pictures (no signal): check the source and its cable. What was"
          + " captured is kept.";
    }
    return device + " was disconnected: plug it in again and choose it. What was captured is kept.";
  }
}
