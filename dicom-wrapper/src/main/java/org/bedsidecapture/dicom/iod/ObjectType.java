package org.bedsidecapture.dicom.iod;

import org.bedsidecapture.dicom.CaptureDevice;
import org.bedsidecapture.dicom.media.PreparedMedia;

/**
 * The DICOM object types this app writes, and the one place that decides which a capture becomes:
 * what the device is and whether the capture is a still or a clip pick the SOP class; the media
 * (JPEG kept as-is, lossless samples, H.264 or HEVC) picks the transfer syntax.
 */
public enum ObjectType {
  VL_PHOTOGRAPHIC("1.2.840.10008.5.1.4.1.1.77.1.4", "XC", "vl-photographic-image.tpl"),
  VIDEO_PHOTOGRAPHIC("1.2.840.10008.5.1.4.1.1.77.1.4.1", "XC", "video-photographic-image.tpl"),
  US_IMAGE("1.2.840.10008.5.1.4.1.1.6.1", "US", "us-image.tpl"),
  US_MULTIFRAME_IMAGE("1.2.840.10008.5.1.4.1.1.3.1", "US", "us-multiframe-image.tpl"),
  /** Modality: the source's, US for an ultrasound screen, OT when unknown. */
  SECONDARY_CAPTURE_US("1.2.840.10008.5.1.4.1.1.7", "US", "secondary-capture-image.tpl"),
  SECONDARY_CAPTURE_OTHER("1.2.840.10008.5.1.4.1.1.7", "OT", "secondary-capture-image.tpl"),
  MULTIFRAME_TRUE_COLOR_SC_US(
      "1.2.840.10008.5.1.4.1.1.7.4", "US", "multiframe-true-color-sc-image.tpl"),
  MULTIFRAME_TRUE_COLOR_SC_OTHER(
      "1.2.840.10008.5.1.4.1.1.7.4", "OT", "multiframe-true-color-sc-image.tpl");

  private final String sopClassUid;
  private final String modality;
  private final String templateResource;
  private volatile IodTemplate template;

  ObjectType(String sopClassUid, String modality, String templateResource) {
    this.sopClassUid = sopClassUid;
    this.modality = modality;
    this.templateResource = templateResource;
  }

  /**
   * The object type for a capture from this device. A camera makes photographic objects. An
   * ultrasound grab makes ultrasound objects only when it shows the image area alone, because only
   * then can the US modules be filled truthfully; any other grab (ultrasound screen with its text
   * and patient banner, or an unknown screen) becomes a secondary capture with burned-in
   * annotation.
   */
  public static ObjectType forCapture(CaptureDevice device, PreparedMedia.Kind media) {
    boolean clip = media == PreparedMedia.Kind.CLIP;
    return switch (device.kind()) {
      case CAMERA -> clip ? VIDEO_PHOTOGRAPHIC : VL_PHOTOGRAPHIC;
      case ULTRASOUND_GRABBER -> {
        if (device.imageAreaOnly()) {
          yield clip ? US_MULTIFRAME_IMAGE : US_IMAGE;
        }
        yield clip ? MULTIFRAME_TRUE_COLOR_SC_US : SECONDARY_CAPTURE_US;
      }
      case SCREEN_GRABBER -> clip ? MULTIFRAME_TRUE_COLOR_SC_OTHER : SECONDARY_CAPTURE_OTHER;
    };
  }

  public String sopClassUid() {
    return sopClassUid;
  }

  public String modality() {
    return modality;
  }

  /** A data set holding this type's fixed attributes, ready for the capture's values. */
  public Dataset newDataset() {
    IodTemplate t = template;
    if (t == null) {
      t = IodTemplate.load(templateResource);
      template = t;
    }
    return t.instantiate();
  }
}
