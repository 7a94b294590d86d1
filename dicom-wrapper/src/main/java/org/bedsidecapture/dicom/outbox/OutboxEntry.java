package org.bedsidecapture.dicom.outbox;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One DICOM object in the outbox: the UIDs that identify it (no patient data), its size as a Part
 * 10 file (not encrypted), when it was queued, and its delivery to each destination (in the order
 * of their names).
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
    deliveries = Collections.unmodifiableMap(new TreeMap<>(deliveries));
  }

  public Delivery delivery(String destination) {
    return deliveries.get(destination);
  }
}
