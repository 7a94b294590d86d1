package org.bedsidecapture.devices.spi;

import java.io.IOException;
import java.util.Optional;

/**
 * A clip being recorded from a running preview, whatever records it: stopped by the user, or ended
 * by its maximum length, the device going away or the disk filling, always into a playable clip.
 */
public interface Recording {
  /** Ends the recording and waits until the clip is finished on disk. */
  Clip stop() throws IOException;

  /** Whether the recording is over (the clip finished, or it could not be). */
  boolean ended();

  /** The finished clip, once recording has ended with one, or empty. */
  Optional<Clip> finished();

  /** Waits for the clip to be finished, however the recording ends. */
  Clip await() throws IOException;

  /** Frames the encoder had no time for so far (filled with their predecessor in the clip). */
  long droppedFrames();
}
