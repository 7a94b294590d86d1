package org.bedsidecapture.dicom.delivery;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bedsidecapture.dicom.UidGenerator;
import org.bedsidecapture.dicom.outbox.Outbox;
import org.bedsidecapture.dicom.outbox.OutboxEntry;

/**
 * Asks an archive to commit to the objects it stored, waits for its report, and records the outcome
 * in the outbox: committed objects are purged there; objects the archive did not commit, or whose
 * report did not come within the time allowed, are sent again later.
 */
public final class StorageCommitter implements AutoCloseable {
  /** VL Photographic Image Storage: the class of the object nobody sent, in a round trip. */
  private static final String PROBE_SOP_CLASS = "1.2.840.10008.5.1.4.1.1.77.1.4";

  private final Map<String, CompletableFuture<StorageCommitment>> pending;
  private final StorageCommitmentListener listener;
  private final UidGenerator uids;
  private final String callingAeTitle;
  private final Duration timeout;
  private final Tls tls;

  private StorageCommitter(
      Map<String, CompletableFuture<StorageCommitment>> pending,
      StorageCommitmentListener listener,
      UidGenerator uids,
      String callingAeTitle,
      Duration timeout,
      Tls tls) {
    this.pending = pending;
    this.listener = listener;
    this.uids = uids;
    this.callingAeTitle = callingAeTitle;
    this.timeout = timeout;
    this.tls = tls;
  }

  /**
   * Starts our listener for the archive's reports and returns the committer that uses it.
   *
   * @param timeout how long to wait for a report before the objects are to be sent again
   * @param tls for requests to {@code dicom-tls} destinations (null: JDK defaults); the listener
   *     itself takes plain DICOM
   */
  public static StorageCommitter start(
      String callingAeTitle,
      java.net.InetAddress bindAddress,
      int listenPort,
      UidGenerator uids,
      Duration timeout,
      Tls tls)
      throws IOException {
    Map<String, CompletableFuture<StorageCommitment>> pending = new ConcurrentHashMap<>();
    StorageCommitmentListener listener =
        StorageCommitmentListener.start(
            callingAeTitle,
            bindAddress,
            listenPort,
            report -> {
              CompletableFuture<StorageCommitment> f = pending.remove(report.transactionUid());
              if (f != null) {
                f.complete(report);
              }
            });
    return new StorageCommitter(pending, listener, uids, callingAeTitle, timeout, tls);
  }

  public int listenPort() {
    return listener.port();
  }

  /**
   * Requests commitment for the entries (stored at {@code destination}) and records the answer.
   *
   * @return how many were committed
   */
  public int commit(Outbox outbox, DicomDestination destination, List<OutboxEntry> stored)
      throws IOException {
    if (stored.isEmpty()) {
      return 0;
    }
    String dest = destination.name();
    String transaction = uids.newUid();
    CompletableFuture<StorageCommitment> answer = new CompletableFuture<>();
    pending.put(transaction, answer);
    List<String[]> references =
        stored.stream().map(e -> new String[] {e.sopClassUid(), e.sopInstanceUid()}).toList();
    String refused =
        StorageCommitmentRequester.request(
            destination, callingAeTitle, transaction, references, tls, timeout);
    if (refused != null) {
      pending.remove(transaction);
      for (OutboxEntry e : stored) {
        outbox.failed(e.sopInstanceUid(), dest, refused);
      }
      return 0;
    }
    StorageCommitment report;
    try {
      report = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.remove(transaction);
      for (OutboxEntry entry : stored) {
        outbox.failed(
            entry.sopInstanceUid(),
            dest,
            "no storage commitment from "
                + destination
                + " within "
                + timeout.toSeconds()
                + " s (is this station registered there with its AE title, host and port?);"
                + " it will be sent again");
      }
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for storage commitment", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
    try (Outbox.Batch batch = outbox.batch()) {
      return record(outbox, dest, stored, report);
    }
  }

  /**
   * Proves the whole storage-commitment path, for an installer's Test connection: asks {@code
   * destination} to commit to an object nobody sent (a new UID) and waits for its report, which
   * must reach this station's listener and say the object is not there. The outbox is not touched.
   *
   * @return null when the report came back as it should, else what is wrong and what to check
   */
  public String roundTrip(DicomDestination destination) {
    String transaction = uids.newUid();
    String nobodySent = uids.newUid();
    CompletableFuture<StorageCommitment> answer = new CompletableFuture<>();
    pending.put(transaction, answer);
    try {
      String refused =
          StorageCommitmentRequester.request(
              destination,
              callingAeTitle,
              transaction,
              List.<String[]>of(new String[] {PROBE_SOP_CLASS, nobodySent}),
              tls,
              timeout);
      if (refused != null) {
        return refused;
      }
      StorageCommitment report = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return report.committed().contains(nobodySent)
          ? destination
              + " reported committing an object it was never sent: its commitment cannot be"
              + " relied on"
          : null;
    } catch (TimeoutException e) {
      return "the request was accepted but no report reached this station within "
          + timeout.toSeconds()
          + " s: check that "
          + destination
          + " knows this station's AE title "
          + callingAeTitle
          + " with this host and listener port "
          + listener.port()
          + ", and that no firewall blocks that port";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while waiting for the report";
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    } finally {
      pending.remove(transaction);
    }
  }

  private static int record(
      Outbox outbox, String dest, List<OutboxEntry> stored, StorageCommitment report)
      throws IOException {
    int committed = 0;
    for (OutboxEntry entry : stored) {
      String id = entry.sopInstanceUid();
      if (report.committed().contains(id)) {
        outbox.committed(id, dest);
        committed++;
      } else if (report.failed().containsKey(id)) {
        outbox.failed(
            id,
            dest,
            "the archive did not commit it ("
                + StorageCommitment.reason(report.failed().get(id))
                + "); it will be sent again");
      } else {
        outbox.failed(
            id, dest, "missing from the archive's commitment report; it will be sent again");
      }
    }
    return committed;
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
