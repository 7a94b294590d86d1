package org.bedsidecapture.app.service;

import java.io.IOException;
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
 * Sends what is due in the outbox to one archive and, when asked, waits for its storage commitment:
 * the one way objects leave the station, for the {@code send} and {@code outbox retry} commands and
 * for the app's background delivery alike.
 *
 * @param aeTitle our AE title
 * @param dicomWebAuthorization the Authorization header for DICOMweb destinations, or null
 * @param tls for dicom-tls and https destinations
 */
public record ArchiveDelivery(
    String aeTitle, String dicomWebAuthorization, Duration timeout, Tls tls) {

  /**
   * What one round to one destination came to.
   *
   * @param shown the destination as people read it
   * @param stored objects the archive took (with or without warnings)
   * @param committed objects the archive confirmed holding, when commitment was asked for, else -1
   * @param uncommitted why each stored object was not committed, by SOP Instance UID
   */
  public record Round(
      String destination,
      String shown,
      SendReport report,
      long stored,
      long bytes,
      Duration took,
      int committed,
      int askedToCommit,
      List<String> uncommitted) {
    /** Everything due was delivered (and committed, when asked). */
    public boolean complete() {
      return report.allDelivered() && (committed < 0 || committed == askedToCommit);
    }
  }

  /**
   * Asks a DICOM archive whether it answers (C-ECHO): null when it does, otherwise what went wrong
   * in the user's words.
   */
  public String echo(DicomDestination archive) {
    return new CStoreArchiveSender(archive, aeTitle, timeout, true, tls).echo();
  }

  /**
   * Sends every object due for {@code destination}; null when nothing was due.
   *
   * @param committer when not null (and the destination is a DICOM node), storage commitment is
   *     asked for after the batch and only committed objects count as delivered
   */
  public Round deliverDue(Outbox outbox, String destination, StorageCommitter committer)
      throws IOException {
    List<OutboxEntry> due = outbox.due(destination);
    if (due.isEmpty()) {
      return null;
    }
    boolean web = destination.startsWith("http://") || destination.startsWith("https://");
    String shown = web ? destination : DicomDestination.fromName(destination).toString();
    long started = System.nanoTime();
    SendReport report =
        web
            ? new StowRsArchiveSender(URI.create(destination), dicomWebAuthorization, timeout, tls)
                .send(outbox, due, destination)
            : new CStoreArchiveSender(
                    DicomDestination.fromName(destination),
                    aeTitle,
                    timeout,
                    committer == null,
                    tls)
                .send(outbox, due);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    long bytes = due.stream().mapToLong(OutboxEntry::bytes).sum();
    long stored =
        report.count(SendReport.Outcome.STORED)
            + report.count(SendReport.Outcome.STORED_WITH_WARNING);
    if (committer == null || web) {
      return new Round(destination, shown, report, stored, bytes, took, -1, 0, List.of());
    }
    List<OutboxEntry> waiting =
        outbox.entries().stream()
            .filter(e -> e.delivery(destination) != null)
            .filter(e -> e.delivery(destination).state() == DeliveryState.STORED)
            .toList();
    int committed = committer.commit(outbox, DicomDestination.fromName(destination), waiting);
    List<String> why =
        waiting.stream()
            .map(e -> outbox.entry(e.sopInstanceUid()))
            .filter(e -> e != null && e.delivery(destination) != null)
            .map(e -> e.sopInstanceUid() + ": " + e.delivery(destination).lastError())
            .toList();
    return new Round(
        destination, shown, report, stored, bytes, took, committed, waiting.size(), why);
  }
}
