package org.bedsidecapture.dicom;

import java.util.Objects;

/**
 * A coded concept (code value, coding scheme designator, code meaning), as DICOM code items hold.
 */
public record CodedConcept(String value, String scheme, String meaning) {
  public CodedConcept {
    Objects.requireNonNull(value, "code value");
    Objects.requireNonNull(scheme, "coding scheme designator");
    Objects.requireNonNull(meaning, "code meaning");
  }

  public static CodedConcept snomed(String value, String meaning) {
    return new CodedConcept(value, "SCT", meaning);
  }
}
