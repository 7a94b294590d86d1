package org.bedsidecapture.devices.barcode;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Looks for barcodes in the camera preview on its own thread, never on the UI's, at a bounded rate:
 * frames offered while a decode is under way replace each other, so only the newest is decoded and
 * none queue up. The same content is reported once, not again while it stays in view.
 */
public final class DecodingLoop implements AutoCloseable {
  /** A frame's luma plane; the loop only reads it. */
  public record LumaFrame(byte[] luma, int width, int height, int rowStride) {}

  private final BarcodeDecoder decoder = new BarcodeDecoder();
  private final AtomicReference<LumaFrame> newest = new AtomicReference<>();
  private final Consumer<BarcodeDecoder.Decoded> onRead;
  private final long minIntervalNanos;
  private final Duration sameContentQuiet;
  private final Thread thread;
  private volatile boolean running = true;
  private String lastContent;
  private long lastReadNanos;

  /**
   * @param maxPerSecond at most this many decodes a second
   * @param sameContentQuiet how long the same content is not reported again
   */
  public DecodingLoop(
      int maxPerSecond, Duration sameContentQuiet, Consumer<BarcodeDecoder.Decoded> onRead) {
    this.onRead = onRead;
    this.minIntervalNanos = 1_000_000_000L / maxPerSecond;
    this.sameContentQuiet = sameContentQuiet;
    this.thread = new Thread(this::run, "barcode-decoding");
    thread.setDaemon(true);
    thread.start();
  }

  /** Offers a preview frame; returns at once. */
  public void offer(LumaFrame frame) {
    newest.set(frame);
    synchronized (newest) {
      newest.notifyAll();
    }
  }

  private void run() {
    long next = 0;
    while (running) {
      LumaFrame frame = newest.getAndSet(null);
      if (frame == null) {
        synchronized (newest) {
          try {
            newest.wait(50);
          } catch (InterruptedException e) {
            return;
          }
        }
        continue;
      }
      long wait = next - System.nanoTime();
      if (wait > 0) {
        try {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
          return;
        }
        LumaFrame newer = newest.getAndSet(null);
        frame = newer != null ? newer : frame;
      }
      next = System.nanoTime() + minIntervalNanos;
      Optional<BarcodeDecoder.Decoded> d =
          decoder.decode(frame.luma(), frame.width(), frame.height(), frame.rowStride());
      d.ifPresent(this::report);
    }
  }

  private void report(BarcodeDecoder.Decoded d) {
    long now = System.nanoTime();
    if (d.content().equals(lastContent) && now - lastReadNanos < sameContentQuiet.toNanos()) {
      lastReadNanos = now;
      return;
    }
    lastContent = d.content();
    lastReadNanos = now;
    onRead.accept(d);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(1000);
  }
}
