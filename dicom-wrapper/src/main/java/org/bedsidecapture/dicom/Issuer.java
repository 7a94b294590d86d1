package org.bedsidecapture.dicom;

/**
 * Who assigned an identifier: a local namespace name and/or a universal id (an OID, URI or UUID),
 * as DICOM's Issuer of Patient ID and HL7v2 Assigning Authority carry it.
 */
public record Issuer(String localNamespace, String universalEntityId, UniversalIdType type) {

  /** The kinds of universal id DICOM enumerates for Universal Entity ID Type (0040,0033). */
  public enum UniversalIdType {
    ISO,
    URI,
    UUID,
    DNS,
    EUI64,
    URL,
    X400,
    X500
  }

  public Issuer {
    localNamespace = Text.blankToNull(localNamespace);
    universalEntityId = Text.blankToNull(universalEntityId);
    if (universalEntityId != null && type == null) {
      throw new IllegalArgumentException("a universal entity id needs its type");
    }
    if (universalEntityId == null) {
      type = null;
    }
  }

  public static Issuer named(String localNamespace) {
    return new Issuer(localNamespace, null, null);
  }

  public boolean isEmpty() {
    return localNamespace == null && universalEntityId == null;
  }
}
