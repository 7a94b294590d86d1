package org.bedsidecapture.devices.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.Clip;
import org.bedsidecapture.devices.spi.Frame;
import org.bedsidecapture.devices.spi.VideoFormat;

/**
 * The running preview of any device: hands each frame to the screen and, while a clip is being
 * recorded, to the clip's encoder; tells both when the device goes away. Devices only produce
 * frames; recording works the same for all of them.
 */
public final class PreviewFeed implements Camera.Preview {
  private final VideoFormat format;
  private final Consumer<Frame> onFrame;
  private final Consumer<String> onGone;
  private volatile Runnable stopSource = () -> {};
  private volatile ClipRecorder recorder;
  private volatile boolean gone;

  public PreviewFeed(VideoFormat format, Consumer<Frame> onFrame, Consumer<String> onGone) {
    this.format = format;
    this.onFrame = onFrame;
    this.onGone = onGone;
  }

  /** What stops the device's frames when the preview is closed. */
  public PreviewFeed stoppedBy(Runnable stopSource) {
    this.stopSource = stopSource;
    return this;
  }

  /** A frame from the device, on the device's thread. */
  public void deliver(Frame frame) {
    onFrame.accept(frame);
    ClipRecorder r = recorder;
    if (r != null) {
      r.offer(frame);
    }
  }

  /** The device went away: the screen is told once, and a clip being recorded is finished. */
  public void gone(String why) {
    if (gone) {
      return;
    }
    gone = true;
    ClipRecorder r = recorder;
    if (r != null) {
      r.deviceGone(why);
    }
    onGone.accept(why);
  }

  @Override
  public synchronized ClipRecorder record(Path clip, Duration maxLength, Consumer<Clip> onEnd)
      throws IOException {
    if (gone) {
      throw new IOException("the device is gone; nothing to record");
    }
    ClipRecorder current = recorder;
    if (current != null && !current.ended()) {
      throw new IllegalStateException("a clip is already being recorded from this preview");
    }
    recorder =
        ClipRecorder.start(
            clip, format.width(), format.height(), format.framesPerSecond(), maxLength, onEnd);
    return recorder;
  }

  @Override
  public void close() {
    stopSource.run();
    ClipRecorder r = recorder;
    if (r != null) {
      r.endWhenQueued("the preview was closed");
    }
  }
}
