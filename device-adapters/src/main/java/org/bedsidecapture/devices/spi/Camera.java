package org.bedsidecapture.devices.spi;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A device the app captures from: a camera, or a frame grabber (ultrasound, endoscopy, an
 * HDMI/SDI-to-USB card). It offers its formats, live preview frames on its own thread, stills, and
 * clips.
 */
public interface Camera {
  /** Stable across restarts and re-plugging, for the settings to remember a choice by. */
  String id();

  /** What the user sees in the device list. */
  String name();

  Kind kind();

  List<VideoFormat> formats();

  /**
   * Starts delivering preview frames to {@code onFrame}, on the device's own thread, at the
   * format's rate; {@code onGone} is told once if the device disappears (unplugged).
   */
  Preview startPreview(VideoFormat format, Consumer<Frame> onFrame, Consumer<String> onGone)
      throws DeviceException;

  /**
   * Takes a still in the format's size, as a baseline JPEG in memory: where it is kept, and how
   * durably, is the caller's choice (the app wraps it into the outbox at once; the command line
   * keeps a file, durably, through {@code StillFiles}).
   */
  byte[] takeStill(VideoFormat format) throws DeviceException, IOException;

  /** What a device is, in the hospital's words. */
  enum Kind {
    CAMERA,
    FRAME_GRABBER
  }

  /** A running preview; closing stops it (and ends a clip being recorded from it). */
  interface Preview extends AutoCloseable {
    /**
     * Records what this preview shows into an H.264 MP4 clip at {@code clip}, until the returned
     * recorder is stopped, {@code maxLength} is reached, the device goes away or the preview is
     * closed; {@code onEnd} is told each time with the finished clip.
     */
    Recording record(Path clip, Duration maxLength, Consumer<Clip> onEnd) throws IOException;

    @Override
    void close();
  }
}
