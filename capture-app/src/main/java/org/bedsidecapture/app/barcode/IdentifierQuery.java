package org.bedsidecapture.app.barcode;

/**
 * What a barcode identifies, by the site's rules: a patient's MRN, an encounter's visit number or
 * an order's accession number, with the identifier system (FHIR {@code system}) it belongs to.
 */
public record IdentifierQuery(Kind kind, String system, String value) {

  /** What the identifier names. */
  public enum Kind {
    PATIENT_MRN,
    ENCOUNTER_VISIT,
    ACCESSION,
    /** A staff member's badge: signs an operator in, never looked up in the EHR. */
    STAFF_BADGE
  }
}
