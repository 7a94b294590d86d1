package org.bedsidecapture.dicom;

/** Small string helpers shared by the value types. */
final class Text {
  private Text() {}

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
