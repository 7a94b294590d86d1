package org.bedsidecapture.dicom.delivery;

import java.util.List;

/** What one delivery run did, object by object, as sending returns it (not as an exception). */
public record SendReport(List<Result> results) {

  /** The outcome for one object. */
  public enum Outcome {
    /** The archive took it (status 0000). */
    STORED,
    /** The archive took it with a warning, e.g. it changed some attributes (Bxxx). */
    STORED_WITH_WARNING,
    /** The archive refused it for good, or cannot take its type; kept in quarantine. */
    REFUSED,
    /** Not delivered this time (network, timeout, archive busy); retried later. */
    FAILED
  }

  /**
   * @param message the archive's status and comment, or the failure, for the user
   */
  public record Result(String sopInstanceUid, Outcome outcome, String message) {}

  public SendReport {
    results = List.copyOf(results);
  }

  public long count(Outcome outcome) {
    return results.stream().filter(r -> r.outcome() == outcome).count();
  }

  public boolean allDelivered() {
    return results.stream()
        .allMatch(r -> r.outcome() == Outcome.STORED || r.outcome() == Outcome.STORED_WITH_WARNING);
  }
}
