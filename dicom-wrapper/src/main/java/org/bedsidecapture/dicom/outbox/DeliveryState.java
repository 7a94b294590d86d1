package org.bedsidecapture.dicom.outbox;

/** Where one object stands with one destination. */
public enum DeliveryState {
  /**
   * In the outbox, encrypted and safe, but not to be sent yet: a capture under review, or kept from
   * a session that ended without sending, until a person sends (releases) or deletes it.
   */
  HELD,
  /** Waiting to be sent (again, after a failure, once its retry time has come). */
  QUEUED,
  /** Being sent now; found so after a restart, it goes back to {@link #QUEUED}. */
  SENDING,
  /** The archive took it; waiting for storage commitment. */
  STORED,
  /** The archive confirmed it holds the object: done for this destination. */
  COMMITTED,
  /** The last attempt failed; retried later with back-off. */
  FAILED,
  /** Refused for good or unreadable: kept for a person to decide, never retried on its own. */
  QUARANTINED;

  /** Under way: not written to disk, since after a restart it is queued again anyway. */
  boolean inFlight() {
    return this == SENDING || this == STORED;
  }

  boolean waiting() {
    return this == QUEUED || this == FAILED;
  }
}
