package org.bedsidecapture.dicom;

/**
 * A value from the context or the capture that DICOM cannot carry as it is (too long, bad syntax).
 */
public class InvalidValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidValueException(String message) {
    super(message);
  }
}
