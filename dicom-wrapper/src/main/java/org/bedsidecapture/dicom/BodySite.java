package org.bedsidecapture.dicom;

/**
 * A body site the user can pick: a SNOMED CT body structure and whether it is paired (left/right),
 * which decides whether a laterality other than "unpaired" is required.
 */
public record BodySite(CodedConcept code, boolean paired) {

  public String snomedId() {
    return code.value();
  }

  public String meaning() {
    return code.meaning();
  }
}
