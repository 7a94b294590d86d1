package org.bedsidecapture.app.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames of a clip kept for scrubbing through it in review, taken while it was recorded and evenly
 * spaced in the clip's own time (the device's timestamps): at most {@link Sampler#MOST} of them,
 * each at most {@link Sampler#WIDTH} wide, however long the clip. The clip itself is only in the
 * outbox, encrypted; these small copies live in memory for the session and go with it.
 */
public final class ClipFrames {
  /** One kept frame and where it is in the clip. */
  public record Sample(Duration at, Picture picture) {}

  /** A still, an import, or a clip too short to scrub. */
  public static final ClipFrames NONE = new ClipFrames(List.of());

  private final List<Sample> samples;

  private ClipFrames(List<Sample> samples) {
    this.samples = List.copyOf(samples);
  }

  public List<Sample> samples() {
    return samples;
  }

  /** Whether there is anything to scrub through (two frames or more). */
  public boolean scrubbable() {
    return samples.size() > 1;
  }

  /** Where the last kept frame is: the clip's length as far as scrubbing goes. */
  public Duration length() {
    return samples.isEmpty() ? Duration.ZERO : samples.get(samples.size() - 1).at();
  }

  /** The kept frame showing at {@code at} into the clip: the last one taken at or before it. */
  public int indexAt(Duration at) {
    int found = 0;
    for (int i = 0; i < samples.size(); i++) {
      if (samples.get(i).at().compareTo(at) <= 0) {
        found = i;
      }
    }
    return found;
  }

  /**
   * Keeps frames while a clip records: the first frame at or after each multiple of the spacing in
   * the device's time, starting at a quarter second; when it holds {@link #MOST}, every other one
   * goes and the spacing doubles, so the kept frames stay evenly spread over the whole clip. Fed on
   * the device's thread.
   */
  public static final class Sampler {
    static final int MOST = 32;
    static final int WIDTH = 480;
    private static final Duration FIRST_SPACING = Duration.ofMillis(250);

    private final List<Sample> kept = new ArrayList<>();
    private Instant start;
    private Duration spacing = FIRST_SPACING;
    private Duration next = Duration.ZERO;

    /** Offers one frame of packed RGB pixels, taken at {@code taken} by the device. */
    public synchronized void offer(Instant taken, int[] rgb, int width, int height) {
      if (start == null) {
        start = taken;
      }
      Duration at = Duration.between(start, taken);
      if (at.compareTo(next) < 0) {
        return;
      }
      kept.add(new Sample(at, Picture.ofRgb(rgb, width, height, WIDTH)));
      if (kept.size() == MOST) {
        for (int i = kept.size() - 1; i > 0; i -= 2) {
          kept.remove(i);
        }
        spacing = spacing.multipliedBy(2);
        at = kept.get(kept.size() - 1).at();
      }
      next = nextSlotAfter(at);
    }

    /** Slots sit on multiples of the spacing, so frame-to-frame jitter never adds up. */
    private Duration nextSlotAfter(Duration at) {
      return spacing.multipliedBy(at.toNanos() / spacing.toNanos() + 1);
    }

    /** The frames kept so far. */
    public synchronized ClipFrames frames() {
      return new ClipFrames(kept);
    }
  }
}
