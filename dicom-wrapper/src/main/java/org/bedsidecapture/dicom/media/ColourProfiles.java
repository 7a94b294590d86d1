package org.bedsidecapture.dicom.media;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;

/** ICC profiles for colour images: the photo's own, or sRGB, which cameras assume without one. */
final class ColourProfiles {
  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  private ColourProfiles() {}

  static byte[] orSrgb(byte[] embedded) {
    return embedded != null && embedded.length > 0 ? embedded : SRGB.clone();
  }
}
