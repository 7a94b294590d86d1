package org.bedsidecapture.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.bedsidecapture.dicom.delivery.CStoreArchiveSender;
import org.bedsidecapture.dicom.delivery.DicomDestination;
import org.bedsidecapture.dicom.delivery.SendReport;
import org.bedsidecapture.dicom.delivery.StorageCommitter;
import org.bedsidecapture.dicom.delivery.StowRsArchiveSender;
import org.bedsidecapture.dicom.delivery.Tls;
import org.bedsidecapture.dicom.outbox.DeliveryState;
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
    boolean all = true;
    for (String name : destinations) {
      List<OutboxEntry> due = outbox.due(name);
      if (due.isEmpty()) {
        continue;
      }
      boolean web = name.startsWith("http://") || name.startsWith("https://");
      String shown = web ? name : DicomDestination.fromName(name).toString();
      long started = System.nanoTime();
      SendReport report =
          web
              ? new StowRsArchiveSender(URI.create(name), dicomWebAuthorization, timeout, tls)
                  .send(outbox, due, name)
              : new CStoreArchiveSender(
                      DicomDestination.fromName(name), aeTitle, timeout, committer == null, tls)
                  .send(outbox, due);
      double seconds = (System.nanoTime() - started) / 1e9;
      long bytes = due.stream().mapToLong(OutboxEntry::bytes).sum();
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
          "%s: %d delivered, %d refused (kept in quarantine), %d failed (kept, retried later);"
              + " %.1f MB in %.2f s%n",
          shown,
          delivered,
          report.count(SendReport.Outcome.REFUSED),
          report.count(SendReport.Outcome.FAILED),
          bytes / 1e6,
          seconds);
      all &= report.allDelivered();
      if (committer != null && !web) {
        all &= commit(outbox, committer, DicomDestination.fromName(name), out, err);
      }
    }
    out.flush();
    err.flush();
    return all;
  }

  private static boolean commit(
      Outbox outbox,
      StorageCommitter committer,
      DicomDestination destination,
      PrintWriter out,
      PrintWriter err)
      throws IOException {
    String name = destination.name();
    List<OutboxEntry> stored =
        outbox.entries().stream()
            .filter(e -> e.delivery(name) != null)
            .filter(e -> e.delivery(name).state() == DeliveryState.STORED)
            .toList();
    int committed = committer.commit(outbox, destination, stored);
    out.printf("%s: %d of %d committed%n", destination, committed, stored.size());
    for (OutboxEntry e : stored) {
      OutboxEntry now = outbox.entry(e.sopInstanceUid());
      if (now != null) {
        err.println(e.sopInstanceUid() + ": " + now.delivery(name).lastError());
      }
    }
    return committed == stored.size();
  }
}
