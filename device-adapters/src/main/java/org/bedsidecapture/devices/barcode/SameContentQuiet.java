package org.bedsidecapture.devices.barcode;

import java.time.Duration;

/**
 * Tells a new read from the same barcode still in view: a content read again within the quiet time
 * of its last sighting is not new, and each sighting extends the quiet, so a wristband held in
 * front of the camera is reported once however long it stays there.
 */
final class SameContentQuiet {
  private final long quietNanos;
  private String lastContent;
  private long lastSeenNanos;

  SameContentQuiet(Duration quiet) {
    this.quietNanos = quiet.toNanos();
  }

  /** Whether {@code content}, seen at {@code nanos} ({@link System#nanoTime()}), is a new read. */
  boolean isNew(String content, long nanos) {
    boolean again = content.equals(lastContent) && nanos - lastSeenNanos < quietNanos;
    lastContent = content;
    lastSeenNanos = nanos;
    return !again;
  }
}
