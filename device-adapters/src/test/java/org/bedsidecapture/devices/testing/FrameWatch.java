package org.bedsidecapture.devices.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.bedsidecapture.devices.spi.Frame;

/**
 * A preview listener for tests: notes every frame a device delivers (its number, time and thread;
 * only the newest frame's pixels are kept) and lets the test wait, with a deadline, until enough
 * frames have arrived, instead of sleeping and counting. How fast they come is the benchmarks'
 * business.
 */
public final class FrameWatch implements Consumer<Frame> {
  /** Long enough for a machine kept busy by other work; a test never waits this long when well. */
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  /** What a test may ask of a delivered frame. */
  public record Seen(long number, Instant taken, int width, int height, String thread) {}

  private final List<Seen> seen = new ArrayList<>();
  private Frame newest;

  @Override
  public synchronized void accept(Frame f) {
    seen.add(
        new Seen(f.number(), f.taken(), f.width(), f.height(), Thread.currentThread().getName()));
    newest = f;
    notifyAll();
  }

  /** Waits until {@code count} frames have arrived in all; returns every frame seen so far. */
  public synchronized List<Seen> awaitFrames(int count)
      throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (seen.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new TimeoutException(
            "only " + seen.size() + " of " + count + " frames arrived within " + DEADLINE);
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return List.copyOf(seen);
  }

  /** Waits until {@code more} frames beyond those seen now have arrived. */
  public List<Seen> awaitMore(int more) throws InterruptedException, TimeoutException {
    int now;
    synchronized (this) {
      now = seen.size();
    }
    return awaitFrames(now + more);
  }

  /** The newest frame, pixels and all. */
  public synchronized Frame newest() {
    return newest;
  }

  public synchronized List<Seen> seen() {
    return List.copyOf(seen);
  }
}
