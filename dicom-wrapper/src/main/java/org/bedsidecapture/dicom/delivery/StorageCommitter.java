package org.bedsidecapture.dicom.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.bedsidecapture.dicom.UidGenerator;
import org.bedsidecapture.dicom.outbox.Outbox;
import org.bedsidecapture.dicom.outbox.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an archive to commit to the objects it stored, waits for its report, and records the outcome
 * in the outbox: committed objects are purged there; objects the archive did not commit, or whose
 * report did not come within the time allowed, are sent again later.
 *
 * <p>A report counts only when it comes from the archive that was asked: under the transaction UID
 * of a request still awaited, from that archive's AE title, from an address its host name resolves
 * to; and it commits only objects of that request. Anything else (a report forged with a
 * transaction UID seen on the wire, from another host or AE title) is rejected or ignored and
 * logged, and the awaited report can still come.
 */
public final class StorageCommitter implements AutoCloseable {
  /** VL Photographic Image Storage: the class of the object nobody sent, in a round trip. */
  private static final String PROBE_SOP_CLASS = "1.2.840.10008.5.1.4.1.1.77.1.4";

  private static final Logger LOG = LoggerFactory.getLogger(StorageCommitter.class);

  /** A request whose report is awaited, and the archive it was sent to. */
  private record Awaited(DicomDestination archive, CompletableFuture<StorageCommitment> report) {}

  private final Map<String, Awaited> pending;
  private final StorageCommitmentListener listener;
  private final UidGenerator uids;
  private final String callingAeTitle;
  private final Duration timeout;
  private final Tls tls;

  private StorageCommitter(
      Map<String, Awaited> pending,
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
   * @param tls for requests to {@code dicom-tls} destinations (null: JDK defaults)
   * @param listenWithTls whether the archives' reports come over DICOM TLS (with their certificates
   *     required) rather than plain DICOM
   * @param refused told of every peer the listener refuses and every report it ignores (who, why):
   *     for the site's audit repository
   */
  public static StorageCommitter start(
      String callingAeTitle,
      java.net.InetAddress bindAddress,
      int listenPort,
      UidGenerator uids,
      Duration timeout,
      Tls tls,
      boolean listenWithTls,
      BiConsumer<String, String> refused)
      throws IOException {
    if (listenWithTls && tls == null) {
      throw new IOException("reports over DICOM TLS need the station's TLS settings");
    }
    Map<String, Awaited> pending = new ConcurrentHashMap<>();
    StorageCommitmentListener listener =
        StorageCommitmentListener.start(
            callingAeTitle,
            bindAddress,
            listenPort,
            listenWithTls ? tls : null,
            (ae, from) -> pending.values().stream().anyMatch(a -> sentBy(a.archive(), ae, from)),
            received -> hear(pending, received, refused),
            timeout,
            refused);
    return new StorageCommitter(pending, listener, uids, callingAeTitle, timeout, tls);
  }

  public int listenPort() {
    return listener.port();
  }

  /** Hands a report on to the request awaiting it, if it comes from the archive asked. */
  private static void hear(
      Map<String, Awaited> pending,
      StorageCommitmentListener.Received r,
      BiConsumer<String, String> refused) {
    String transaction = r.report().transactionUid();
    Awaited awaited = pending.get(transaction);
    String peer = "'" + r.callingAeTitle() + "' at " + r.from().getHostAddress();
    if (awaited == null) {
      LOG.warn(
          "storage commitment report from AE title '{}' at {} for a transaction no request awaits:"
              + " ignored",
          r.callingAeTitle(),
          r.from().getHostAddress());
      refused.accept(peer, "a storage commitment report for a transaction no request awaits");
    } else if (!sentBy(awaited.archive(), r.callingAeTitle(), r.from())) {
      LOG.warn(
          "storage commitment report for a request to {} came from AE title '{}' at {}: ignored;"
              + " still waiting for {}",
          awaited.archive(),
          r.callingAeTitle(),
          r.from().getHostAddress(),
          awaited.archive());
      refused.accept(peer, "a storage commitment report for a request to another archive: ignored");
    } else if (pending.remove(transaction, awaited)) {
      awaited.report().complete(r.report());
    }
  }

  /** Whether {@code archive} is who speaks: its AE title, from an address its host resolves to. */
  static boolean sentBy(DicomDestination archive, String callingAeTitle, InetAddress from) {
    if (!archive.calledAeTitle().equals(callingAeTitle)) {
      return false;
    }
    try {
      for (InetAddress a : InetAddress.getAllByName(archive.host())) {
        if (a.equals(from)) {
          return true;
        }
      }
    } catch (UnknownHostException e) {
      LOG.warn("storage commitment: {} cannot be resolved: {}", archive.host(), e.getMessage());
    }
    return false;
  }

  /** Registers a request to {@code archive} under {@code transaction}; its report, when heard. */
  CompletableFuture<StorageCommitment> awaiting(String transaction, DicomDestination archive) {
    CompletableFuture<StorageCommitment> report = new CompletableFuture<>();
    pending.put(transaction, new Awaited(archive, report));
    return report;
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
    CompletableFuture<StorageCommitment> answer = awaiting(transaction, destination);
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
    CompletableFuture<StorageCommitment> answer = awaiting(transaction, destination);
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
