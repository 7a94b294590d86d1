package org.bedsidecapture.dicom.outbox;

import java.time.Instant;

/**
 * One object's delivery to one destination.
 *
 * @param nextAttempt when a waiting delivery is due
 * @param lastError the last failure or refusal, for the user; null when none
 */
public record Delivery(
    DeliveryState state, int attempts, Instant nextAttempt, String lastError, Instant updated) {

  Delivery with(DeliveryState s, Instant now) {
    return new Delivery(
        s, attempts, nextAttempt, s == DeliveryState.COMMITTED ? null : lastError, now);
  }
}
