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
  private final SameContentQuiet sameContent;
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param maxPerSecond at most this many decodes a second
   * @param sameContentQuiet how long the same content is not reported again
   */
  public DecodingLoop(
      int maxPerSecond, Duration sameContentQuiet, Consumer<BarcodeDecoder.Decoded> onRead) {
    this.onRead = onRead;
    this.minIntervalNanos = 1_000_000_000L / maxPerSecond;
    this.sameContent = new SameContentQuiet(sameContentQuiet);
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
      if (d.isPresent() && sameContent.isNew(d.get().content(), System.nanoTime())) {
        onRead.accept(d.get());
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(1000);
  }
}
