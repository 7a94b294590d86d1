package org.bedsidecapture.dicom;

/** Administrative sex, with its DICOM Patient's Sex (0010,0040) code. */
public enum Sex {
  MALE("M"),
  FEMALE("F"),
  OTHER("O"),
  UNKNOWN("");

  private final String dicomCode;

  Sex(String dicomCode) {
    this.dicomCode = dicomCode;
  }

  public String dicomCode() {
    return dicomCode;
  }
}
