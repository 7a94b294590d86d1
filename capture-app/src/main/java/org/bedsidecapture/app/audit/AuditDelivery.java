package org.bedsidecapture.app.audit;

import java.io.Closeable;
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
 * them), tried again after a pause that grows to {@link #LONGEST_PAUSE}. Only one process sends
 * (see {@link AuditQueue#sending()}): while another does, this one only queues.
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
  private volatile boolean draining;
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
    Closeable sending = null;
    try {
      while (!stopping && sending == null) {
        sending = queue.sending().orElse(null);
        if (sending == null) {
          if (draining) {
            return;
          }
          sleep(LONGEST_PAUSE);
        }
      }
      send();
    } catch (IOException e) {
      LOG.warn("audit queue: {}; the audit messages wait and are sent later", e.toString());
    } finally {
      if (sending != null) {
        try {
          sending.close();
        } catch (IOException e) {
          LOG.debug("audit queue's sending lock: {}", e.toString());
        }
      }
    }
  }

  private void send() {
    Duration pause = Duration.ofMillis(200);
    while (!stopping) {
      try {
        Optional<AuditQueue.Entry> next = queue.oldest();
        if (next.isEmpty()) {
          if (draining) {
            return;
          }
          sleep(LONGEST_PAUSE);
          continue;
        }
        sender.send(next.get().message(), clock.instant());
        queue.remove(next.get().number());
        pause = Duration.ofMillis(200);
      } catch (IOException e) {
        LOG.warn("audit repository: {}; the audit messages wait and are sent later", e.toString());
        if (draining) {
          return;
        }
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

  /**
   * Stops once what is queued is sent (or the repository cannot be reached, or another process
   * sends), waiting at most {@code atMost}; what is left waits on disk for the next start. For a
   * command, which should not leave its few messages behind when the repository is there.
   */
  public void drain(Duration atMost) throws InterruptedException {
    draining = true;
    synchronized (wake) {
      woken = true;
      wake.notifyAll();
    }
    thread.join(atMost.toMillis());
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
