package org.bedsidecapture.app.service;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.bedsidecapture.app.settings.Archive;
import org.bedsidecapture.dicom.UidGenerator;
import org.bedsidecapture.dicom.delivery.DicomDestination;
import org.bedsidecapture.dicom.delivery.StorageCommitter;
import org.bedsidecapture.dicom.delivery.Tls;
import org.bedsidecapture.dicom.outbox.Delivery;
import org.bedsidecapture.dicom.outbox.DeliveryState;
import org.bedsidecapture.dicom.outbox.Outbox;
import org.bedsidecapture.dicom.outbox.OutboxEntry;

/**
 * Delivers the outbox to the site's archives in the background for as long as the app runs: what is
 * due goes out as soon as it is released, failures are retried when the outbox's back-off says, and
 * archives that want storage commitment are asked for it, their reports received on the station's
 * listener. Nothing here decides what is kept: the outbox does; this only sends.
 */
public final class DeliveryService implements AutoCloseable {
  /** How long the service sleeps at most when nothing wakes it: a missed wake-up costs this. */
  private static final Duration LONGEST_SLEEP = Duration.ofSeconds(30);

  /**
   * What the service is doing, for the outbox badge.
   *
   * @param sendingTo the archive being sent to now, or null when idle
   * @param problem why the last round could not run (an archive unreachable is the outbox's
   *     business, this is the service's own: a listener port taken), or null
   */
  public record Activity(String sendingTo, String problem) {}

  /**
   * Where the listener for storage commitment reports is, who we are, whether the reports come over
   * DICOM TLS, and who is told of each peer it refuses (the site's audit trail).
   */
  public record CommitmentListener(
      String aeTitle,
      String address,
      int port,
      UidGenerator uids,
      Duration timeout,
      Tls tls,
      boolean overTls,
      BiConsumer<String, String> refused) {

    StorageCommitter start() throws IOException {
      return StorageCommitter.start(
          aeTitle, InetAddress.getByName(address), port, uids, timeout, tls, overTls, refused);
    }

    /**
     * The storage-commitment round trip to {@code archive} on a listener of its own, for a process
     * that does not deliver ({@code settings check}); null when it works, else what is wrong.
     */
    public String roundTrip(Archive archive) {
      try (StorageCommitter c = start()) {
        return c.roundTrip(DicomDestination.fromName(archive.destination()));
      } catch (IOException e) {
        return cannotListen(e);
      }
    }

    String cannotListen(IOException e) {
      return "this station's listener for commitment reports cannot start on "
          + address
          + ":"
          + port
          + " ("
          + e.getMessage()
          + "): is the port taken, e.g. by the running app? Its own Test connection tries this";
    }
  }

  private final Outbox outbox;
  private final List<Archive> archives;
  private final ArchiveDelivery delivery;
  private final CommitmentListener listener;
  private final Clock clock;
  private final List<Consumer<Activity>> watchers = new CopyOnWriteArrayList<>();
  private final Object wake = new Object();
  private final Thread thread;
  private boolean woken = true;
  private volatile boolean running = true;
  private StorageCommitter committer;

  public DeliveryService(
      Outbox outbox,
      List<Archive> archives,
      ArchiveDelivery delivery,
      CommitmentListener listener,
      Clock clock) {
    this.outbox = outbox;
    this.archives = List.copyOf(archives);
    this.delivery = delivery;
    this.listener = listener;
    this.clock = clock;
    this.thread = new Thread(this::run, "delivery");
    thread.setDaemon(true);
    outbox.addListener(status -> wake());
  }

  /** Starts delivering in the background. */
  public DeliveryService start() {
    thread.start();
    return this;
  }

  /** Told what the service is doing, on its own thread. */
  public void addWatcher(Consumer<Activity> watcher) {
    watchers.add(watcher);
  }

  /** Looks at the outbox again now (something was released, or a person said Retry now). */
  public void wake() {
    synchronized (wake) {
      woken = true;
      wake.notifyAll();
    }
  }

  /** Makes every failed and quarantined delivery due now and sends them. */
  public int retryNow() throws IOException {
    int n = outbox.retryNow();
    wake();
    return n;
  }

  private void run() {
    while (running) {
      long millis = sleepFor().toMillis();
      synchronized (wake) {
        if (!woken && millis > 0) {
          try {
            wake.wait(millis);
          } catch (InterruptedException e) {
            return;
          }
        }
        woken = false;
      }
      if (running) {
        round();
      }
    }
  }

  /** One pass over the archives; a failure is the outbox's to record, and is told. */
  private void round() {
    String problem = null;
    for (Archive archive : archives) {
      if (!running) {
        return;
      }
      if (outbox.due(archive.destination()).isEmpty()) {
        continue;
      }
      tell(new Activity(archive.url(), null));
      try {
        delivery.deliverDue(outbox, archive.destination(), archive.commit() ? committer() : null);
      } catch (IOException | RuntimeException e) {
        problem = archive.url() + ": " + e.getMessage();
      }
    }
    tell(new Activity(null, problem));
  }

  /**
   * For Test connection: the storage-commitment round trip to {@code archive} through this
   * service's listener; null when it works, else what is wrong and what to check.
   */
  public String tryCommitment(Archive archive) {
    try {
      return committer().roundTrip(DicomDestination.fromName(archive.destination()));
    } catch (IOException e) {
      return listener.cannotListen(e);
    }
  }

  private synchronized StorageCommitter committer() throws IOException {
    if (committer == null) {
      committer = listener.start();
    }
    return committer;
  }

  /** Until the next failed delivery's retry time, at most {@link #LONGEST_SLEEP}. */
  private Duration sleepFor() {
    Instant now = clock.instant();
    Instant next = now.plus(LONGEST_SLEEP);
    for (OutboxEntry e : outbox.entries()) {
      for (Archive a : archives) {
        Delivery d = e.delivery(a.destination());
        if (d != null && d.state() == DeliveryState.FAILED && d.nextAttempt().isBefore(next)) {
          next = d.nextAttempt();
        }
      }
    }
    Duration d = Duration.between(now, next);
    return d.isNegative() ? Duration.ZERO : d.plusMillis(10);
  }

  private void tell(Activity activity) {
    for (Consumer<Activity> w : watchers) {
      w.accept(activity);
    }
  }

  /** Stops after the round under way; the outbox keeps what was not sent. */
  @Override
  public void close() throws IOException {
    running = false;
    wake();
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (committer != null) {
        committer.close();
      }
    }
  }
}
