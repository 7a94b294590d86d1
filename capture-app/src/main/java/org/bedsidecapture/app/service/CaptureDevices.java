package org.bedsidecapture.app.service;

import java.util.Locale;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.dicom.CaptureDevice;

/** What the DICOM objects say about the device a capture came from. */
final class CaptureDevices {
  private CaptureDevices() {}

  /**
   * A camera is a camera; a frame grabber is an ultrasound grabber when its name says so (its grabs
   * become secondary captures, since they show the whole screen), otherwise a grabber on another
   * screen.
   */
  static CaptureDevice of(Camera camera) {
    CaptureDevice.Kind kind =
        camera.kind() == Camera.Kind.CAMERA
            ? CaptureDevice.Kind.CAMERA
            : camera.name().toLowerCase(Locale.ROOT).contains("ultrasound")
                ? CaptureDevice.Kind.ULTRASOUND_GRABBER
                : CaptureDevice.Kind.SCREEN_GRABBER;
    return new CaptureDevice(camera.id(), kind, null, camera.name(), null, false);
  }
}
