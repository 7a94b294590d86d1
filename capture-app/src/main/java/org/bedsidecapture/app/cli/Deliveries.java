package org.bedsidecapture.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.bedsidecapture.dicom.delivery.CStoreArchiveSender;
import org.bedsidecapture.dicom.delivery.DicomDestination;
import org.bedsidecapture.dicom.delivery.SendReport;
import org.bedsidecapture.dicom.outbox.Outbox;
import org.bedsidecapture.dicom.outbox.OutboxEntry;

/**
 * Delivers what is due in the outbox in the foreground, as {@code send} and {@code outbox retry}
 * do.
 */
final class Deliveries {
  private Deliveries() {}

  /**
   * Sends everything due to each destination and prints one summary line per destination.
   *
   * @return true when every due object was delivered
   */
  static boolean deliverDue(
      Outbox outbox,
      List<String> destinations,
      String aeTitle,
      java.time.Duration timeout,
      PrintWriter out,
      PrintWriter err)
      throws IOException {
    boolean all = true;
    for (String name : destinations) {
      List<OutboxEntry> due = outbox.due(name);
      if (due.isEmpty()) {
        continue;
      }
      DicomDestination destination = DicomDestination.fromName(name);
      SendReport report =
          new CStoreArchiveSender(destination, aeTitle, timeout, true).send(outbox, due);
      for (SendReport.Result r : report.results()) {
        if (r.outcome() == SendReport.Outcome.STORED_WITH_WARNING) {
          out.println(r.sopInstanceUid() + ": " + r.message());
        } else if (r.outcome() == SendReport.Outcome.REFUSED
            || r.outcome() == SendReport.Outcome.FAILED) {
          err.println(r.sopInstanceUid() + ": " + r.message());
        }
      }
      long delivered =
          report.count(SendReport.Outcome.STORED)
              + report.count(SendReport.Outcome.STORED_WITH_WARNING);
      out.printf(
          "%s: %d delivered, %d refused (kept in quarantine), %d failed (kept, retried later)%n",
          destination,
          delivered,
          report.count(SendReport.Outcome.REFUSED),
          report.count(SendReport.Outcome.FAILED));
      all &= report.allDelivered();
    }
    out.flush();
    err.flush();
    return all;
  }
}
