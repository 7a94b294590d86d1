package org.bedsidecapture.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClipFramesTest {
  private static final Instant START = Instant.parse("2026-12-03T08:00:00Z");

  /**
   * Feeds {@code seconds} of 30 fps frames stamped by the device, each frame's colour its number.
   */
  private static ClipFrames record(int seconds) {
    ClipFrames.Sampler sampler = new ClipFrames.Sampler();
    for (int n = 0; n < seconds * 30; n++) {
      int[] rgb = new int[64 * 36];
      java.util.Arrays.fill(rgb, n);
      sampler.offer(START.plusNanos(n * 1_000_000_000L / 30), rgb, 64, 36);
    }
    return sampler.frames();
  }

  @Test
  void aShortClipKeepsAFrameEveryQuarterSecond() {
    ClipFrames frames = record(2);

    assertThat(frames.samples()).hasSize(8);
    assertThat(frames.samples().get(1).at()).isEqualTo(Duration.ofMillis(266).plusNanos(666_666));
    assertThat(frames.scrubbable()).isTrue();
  }

  @Test
  void aLongClipKeepsAtMostTheLimitSpreadEvenlyToItsEnd() {
    ClipFrames frames = record(300);
    List<ClipFrames.Sample> kept = frames.samples();

    assertThat(kept).hasSizeBetween(ClipFrames.Sampler.MOST / 2, ClipFrames.Sampler.MOST);
    assertThat(frames.length()).isGreaterThan(Duration.ofSeconds(240));
    Duration spacing = kept.get(1).at().minus(kept.get(0).at());
    for (int i = 1; i < kept.size(); i++) {
      Duration step = kept.get(i).at().minus(kept.get(i - 1).at());
      assertThat(step).isBetween(spacing.minusMillis(50), spacing.plusMillis(50));
    }
  }

  @Test
  void scrubbingShowsTheLastFrameTakenAtOrBeforeThePosition() {
    ClipFrames frames = record(2);

    assertThat(frames.indexAt(Duration.ZERO)).isZero();
    assertThat(frames.indexAt(Duration.ofMillis(600))).isEqualTo(2);
    assertThat(frames.indexAt(Duration.ofSeconds(10))).isEqualTo(frames.samples().size() - 1);
    assertThat(frames.samples().get(2).picture().width()).isEqualTo(64);
  }

  @Test
  void aStillHasNothingToScrub() {
    assertThat(ClipFrames.NONE.scrubbable()).isFalse();
    assertThat(ClipFrames.NONE.length()).isEqualTo(Duration.ZERO);
  }
}
