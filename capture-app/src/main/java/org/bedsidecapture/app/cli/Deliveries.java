package org.bedsidecapture.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import org.bedsidecapture.app.service.ArchiveDelivery;
import org.bedsidecapture.dicom.delivery.SendReport;
import org.bedsidecapture.dicom.delivery.StorageCommitter;
import org.bedsidecapture.dicom.delivery.Tls;
import org.bedsidecapture.dicom.outbox.Outbox;

/**
 * Delivers what is due in the outbox in the foreground and prints what came of it, as {@code send}
 * and {@code outbox retry} do.
 */
final class Deliveries {
  private Deliveries() {}

  /**
   * Sends everything due to each destination and prints one summary line per destination.
   *
   * @param dicomWebAuthorization the Authorization header for DICOMweb destinations, or null
   * @param tls for dicom-tls and https destinations
   * @param committer when not null, storage commitment is requested after each batch and only
   *     committed objects count as delivered
   * @return true when every due object was delivered (and committed)
   */
  static boolean deliverDue(
      Outbox outbox,
      List<String> destinations,
      String aeTitle,
      String dicomWebAuthorization,
      Duration timeout,
      Tls tls,
      StorageCommitter committer,
      PrintWriter out,
      PrintWriter err)
      throws IOException {
    ArchiveDelivery delivery = new ArchiveDelivery(aeTitle, dicomWebAuthorization, timeout, tls);
    boolean all = true;
    for (String name : destinations) {
      ArchiveDelivery.Round round = delivery.deliverDue(outbox, name, committer);
      if (round == null) {
        continue;
      }
      SendReport report = round.report();
      for (SendReport.Result r : report.results()) {
        if (r.outcome() == SendReport.Outcome.STORED_WITH_WARNING) {
          out.println(r.sopInstanceUid() + ": " + r.message());
        } else if (r.outcome() == SendReport.Outcome.REFUSED
            || r.outcome() == SendReport.Outcome.FAILED) {
          err.println(r.sopInstanceUid() + ": " + r.message());
        }
      }
      out.printf(
          "%s: %d delivered, %d refused (kept in quarantine), %d failed (kept, retried later);"
              + " %.1f MB in %.2f s%n",
          round.shown(),
          round.stored(),
          report.count(SendReport.Outcome.REFUSED),
          report.count(SendReport.Outcome.FAILED),
          round.bytes() / 1e6,
          round.took().toNanos() / 1e9);
      if (round.committed() >= 0) {
        out.printf(
            "%s: %d of %d committed%n", round.shown(), round.committed(), round.askedToCommit());
        round.uncommitted().forEach(err::println);
      }
      all &= round.complete();
    }
    out.flush();
    err.flush();
    return all;
  }
}
