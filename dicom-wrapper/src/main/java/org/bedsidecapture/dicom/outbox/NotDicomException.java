package org.bedsidecapture.dicom.outbox;

/** A file offered to the outbox that is not a DICOM object it can deliver; nothing was queued. */
public class NotDicomException extends Exception {
  private static final long serialVersionUID = 1L;

  public NotDicomException(String message) {
    super(message);
  }
}
