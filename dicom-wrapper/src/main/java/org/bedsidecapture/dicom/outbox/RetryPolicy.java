package org.bedsidecapture.dicom.outbox;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with jitter: after the n-th failure, wait a random time between half and all
 * of min(max, first × 2^(n-1)), so that carts that lost the archive together do not all come back
 * at the same moment.
 */
public record RetryPolicy(Duration first, Duration max, RandomGenerator random) {

  public static RetryPolicy standard() {
    return new RetryPolicy(
        Duration.ofSeconds(5), Duration.ofMinutes(15), RandomGenerator.getDefault());
  }

  Duration delayAfter(int failures) {
    long cap = first.toMillis() << Math.min(Math.max(failures - 1, 0), 20);
    long bound = Math.min(max.toMillis(), cap);
    return Duration.ofMillis(bound / 2 + random.nextLong(bound / 2 + 1));
  }
}
