package org.bedsidecapture.app.audit;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the queued audit messages to the site's audit repository in the background, oldest first,
 * one at a time: a message leaves the queue only once it was written to the repository's
 * connection; while the repository cannot be reached the messages wait (and new ones queue behind
 * them), tried again after a pause that grows to {@link #LONGEST_PAUSE}.
 */
public final class AuditDelivery implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditDelivery.class);

  /** The longest pause between tries while the repository is unreachable. */
  static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

  private final AuditQueue queue;
  private final SyslogSender sender;
  private final Clock clock;
  private final Object wake = new Object();
  private final Thread thread;
  private volatile boolean stopping;
  private boolean woken;

  public AuditDelivery(AuditQueue queue, SyslogSender sender, Clock clock) {
    this.queue = queue;
    this.sender = sender;
    this.clock = clock;
    this.thread = new Thread(this::run, "audit-delivery");
    this.thread.setDaemon(true);
  }

  /** Starts sending what waits, and what comes. */
  public AuditDelivery start() {
    thread.start();
    return this;
  }

  /** Queues {@code message} (on disk when this returns) and wakes the sender. */
  public void audit(String message) throws IOException {
    queue.put(message);
    synchronized (wake) {
      woken = true;
      wake.notifyAll();
    }
  }

  private void run() {
    Duration pause = Duration.ofMillis(200);
    while (!stopping) {
      try {
        Optional<AuditQueue.Entry> next = queue.oldest();
        if (next.isEmpty()) {
          sleep(LONGEST_PAUSE);
          continue;
        }
        sender.send(next.get().message(), clock.instant());
        queue.remove(next.get().number());
        pause = Duration.ofMillis(200);
      } catch (IOException e) {
        LOG.warn("audit repository: {}; the audit messages wait and are sent later", e.toString());
        sleep(pause);
        pause =
            pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0
                ? LONGEST_PAUSE
                : pause.multipliedBy(2);
      }
    }
  }

  private void sleep(Duration d) {
    synchronized (wake) {
      if (!woken && !stopping) {
        try {
          wake.wait(d.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stopping = true;
        }
      }
      woken = false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    stopping = true;
    synchronized (wake) {
      wake.notifyAll();
    }
    thread.join(10_000);
    sender.close();
  }
}
