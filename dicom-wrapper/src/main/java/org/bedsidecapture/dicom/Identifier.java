package org.bedsidecapture.dicom;

import java.util.Objects;

/**
 * An identifier as the hospital issues it (MRN, visit number, accession number), with its issuer
 * and optionally its HL7 v2 identifier type code (MR, VN, ACSN...).
 */
public record Identifier(String value, Issuer issuer, String typeCode) {

  public Identifier {
    value = Text.blankToNull(value);
    Objects.requireNonNull(value, "identifier value");
    issuer = issuer == null ? new Issuer(null, null, null) : issuer;
    typeCode = Text.blankToNull(typeCode);
  }

  public Identifier(String value, Issuer issuer) {
    this(value, issuer, null);
  }
}
