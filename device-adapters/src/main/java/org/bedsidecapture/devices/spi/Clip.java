package org.bedsidecapture.devices.spi;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A finished clip on disk: the MP4 file, how many frames and how long it is, and why recording
 * ended. A clip that ended because the device went away or the disk filled is still whole and
 * playable up to that point; {@code message} says what happened for the user.
 */
public record Clip(
    Path file, ClipFormat format, long frames, Duration length, Ending ending, String message) {

  /** Why the recording ended. */
  public enum Ending {
    STOPPED,
    MAX_LENGTH,
    DEVICE_GONE,
    WRITE_FAILED
  }
}
