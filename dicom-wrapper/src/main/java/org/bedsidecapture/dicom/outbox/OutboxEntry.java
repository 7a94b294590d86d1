package org.bedsidecapture.dicom.outbox;

import java.time.Instant;
import java.util.Map;

/**
 * One DICOM object in the outbox: the UIDs that identify it (no patient data), its size, when it
 * was queued, and its delivery to each destination.
 */
public record OutboxEntry(
    String sopInstanceUid,
    String sopClassUid,
    String transferSyntaxUid,
    String studyInstanceUid,
    long bytes,
    Instant queuedAt,
    Map<String, Delivery> deliveries) {

  public OutboxEntry {
    deliveries = Map.copyOf(deliveries);
  }

  public Delivery delivery(String destination) {
    return deliveries.get(destination);
  }
}
