package org.bedsidecapture.dicom.outbox;

import java.time.Instant;
import java.util.Map;

/**
 * What the outbox holds, for the status line of the capture screen and {@code outbox status}.
 *
 * @param counts deliveries per state, over all destinations
 * @param oldestWaiting when the oldest object still waiting for any destination was queued; null
 *     when nothing waits
 * @param lastError the most recent failure, or null
 */
public record OutboxStatus(
    int objects, Map<DeliveryState, Integer> counts, Instant oldestWaiting, String lastError) {}
