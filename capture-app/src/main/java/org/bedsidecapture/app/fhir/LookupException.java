package org.bedsidecapture.app.fhir;

/**
 * The EHR could not be asked, or its answer cannot be used; the message says which and what to do.
 */
public final class LookupException extends Exception {
  private static final long serialVersionUID = 1L;

  public LookupException(String message) {
    super(message);
  }

  public LookupException(String message, Throwable cause) {
    super(message, cause);
  }
}
