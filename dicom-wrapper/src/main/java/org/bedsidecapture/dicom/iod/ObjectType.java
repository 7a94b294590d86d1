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
  VIDEO_PHOTOGRAPHIC("1.2.840.10008.5.1.4.1.1.77.1.4.1", "XC", "video-photographic-image.tpl");

  private final String sopClassUid;
  private final String modality;
  private final String templateResource;
  private volatile IodTemplate template;

  ObjectType(String sopClassUid, String modality, String templateResource) {
    this.sopClassUid = sopClassUid;
    this.modality = modality;
    this.templateResource = templateResource;
  }

  /** The object type for a capture from this device. */
  public static ObjectType forCapture(CaptureDevice device, PreparedMedia.Kind media) {
    return media == PreparedMedia.Kind.CLIP ? VIDEO_PHOTOGRAPHIC : VL_PHOTOGRAPHIC;
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
