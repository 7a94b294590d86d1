package org.bedsidecapture.dicom;

import java.util.Locale;

/**
 * Image Laterality (0020,0062): right, left, both, or unpaired, with the SNOMED CT qualifier that
 * goes into the Anatomic Region Modifier Sequence.
 */
public enum Laterality {
  RIGHT("R", "24028007", "Right"),
  LEFT("L", "7771000", "Left"),
  BOTH("B", "51440002", "Right and left"),
  UNPAIRED("U", null, null);

  private final String dicomCode;
  private final String snomedQualifier;
  private final String qualifierMeaning;

  Laterality(String dicomCode, String snomedQualifier, String qualifierMeaning) {
    this.dicomCode = dicomCode;
    this.snomedQualifier = snomedQualifier;
    this.qualifierMeaning = qualifierMeaning;
  }

  public String dicomCode() {
    return dicomCode;
  }

  /** The SNOMED CT laterality qualifier, or null for {@link #UNPAIRED}. */
  public CodedConcept qualifier() {
    return snomedQualifier == null ? null : CodedConcept.snomed(snomedQualifier, qualifierMeaning);
  }

  /** Parses R, L, B or U (any case). */
  public static Laterality fromCode(String code) {
    String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    for (Laterality l : values()) {
      if (l.dicomCode.equals(c)) {
        return l;
      }
    }
    throw new IllegalArgumentException("laterality must be R, L, B or U, not '" + code + "'");
  }
}
