package org.bedsidecapture.app.fhir;

/** The EHR's data cannot make a safe encounter context; the message says what is missing. */
public class EncounterContextException extends Exception {
  private static final long serialVersionUID = 1L;

  public EncounterContextException(String message) {
    super(message);
  }

  public EncounterContextException(String message, Throwable cause) {
    super(message, cause);
  }
}
