package org.bedsidecapture.dicom;

/**
 * The device that produced a capture (a camera, a frame grabber behind an ultrasound or endoscopy
 * tower, or the file import), as General Equipment describes it.
 *
 * @param id a stable id of the device on this station, which keeps its captures in their own series
 * @param kind what the device's pictures are, which decides the DICOM object type
 * @param imageAreaOnly for frame grabbers: the grab shows only the scanner's image area (no UI text
 *     or burned-in patient data), so an ultrasound object can be filled truthfully
 */
public record CaptureDevice(
    String id,
    Kind kind,
    String manufacturer,
    String model,
    String serialNumber,
    boolean imageAreaOnly) {

  /** What a device captures. */
  public enum Kind {
    /** A visible-light camera, or photos and clips imported from one. */
    CAMERA,
    /** A frame grabber on an ultrasound system's video output. */
    ULTRASOUND_GRABBER,
    /** A frame grabber on any other screen (endoscopy tower, monitor) whose modality is unknown. */
    SCREEN_GRABBER
  }

  public CaptureDevice {
    id = Text.blankToNull(id);
    id = id == null ? "default" : id;
    kind = kind == null ? Kind.CAMERA : kind;
    manufacturer = Text.blankToNull(manufacturer);
    model = Text.blankToNull(model);
    serialNumber = Text.blankToNull(serialNumber);
  }

  /** Files imported from a camera or phone whose make the file does not tell. */
  public static CaptureDevice importedCamera() {
    return new CaptureDevice("import", Kind.CAMERA, null, null, null, false);
  }
}
