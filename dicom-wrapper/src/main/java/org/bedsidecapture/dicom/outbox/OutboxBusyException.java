package org.bedsidecapture.dicom.outbox;

import java.io.IOException;

/** The outbox is held by another process (or another outbox of this one); the message says who. */
public final class OutboxBusyException extends IOException {
  private static final long serialVersionUID = 1L;

  public OutboxBusyException(String message) {
    super(message);
  }
}
