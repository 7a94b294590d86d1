package org.bedsidecapture.devices.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bedsidecapture.devices.spi.Clip;
import org.bedsidecapture.devices.spi.ClipFormat;
import org.bedsidecapture.devices.spi.Frame;
import org.bedsidecapture.devices.synthetic.TestPattern;
import org.bedsidecapture.devices.testing.Ffprobe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipRecorderTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  @TempDir Path dir;

  /**
   * Feeds frame {@code n} of the test pattern, taken at {@code n / rate} seconds, waiting for room.
   */
  private static void feed(ClipRecorder recorder, int width, int height, double rate, long n)
      throws InterruptedException {
    int[] rgb = TestPattern.bars(width, height, n);
    Frame frame =
        new Frame(n, T0.plusNanos(Math.round(n * 1e9 / rate)), width, height, Frame.luma(rgb), rgb);
    while (!recorder.offer(frame)) {
      if (recorder.ended()) {
        return;
      }
      Thread.sleep(2);
    }
  }

  @Test
  void recordsH264HighProfileAtAConstantRateThatFfprobeDecodes() throws Exception {
    Path file = dir.resolve("clip.mp4");
    ClipRecorder recorder =
        ClipRecorder.start(file, 1920, 1080, 30, Duration.ofMinutes(5), clip -> {});
    for (int n = 0; n < 60; n++) {
      feed(recorder, 1920, 1080, 30, n);
    }
    Clip clip = recorder.stop();

    assertThat(clip.ending()).isEqualTo(Clip.Ending.STOPPED);
    assertThat(clip.frames()).isEqualTo(60);
    assertThat(clip.length()).isEqualTo(Duration.ofSeconds(2));
    assertThat(clip.format()).isEqualTo(new ClipFormat(1920, 1080, 30, "4.1"));
    assertThat(Ffprobe.video(file))
        .containsEntry("codec_name", "h264")
        .containsEntry("profile", "High")
        .containsEntry("level", "41")
        .containsEntry("width", "1920")
        .containsEntry("height", "1080")
        .containsEntry("pix_fmt", "yuv420p")
        .containsEntry("r_frame_rate", "30/1")
        .containsEntry("avg_frame_rate", "30/1")
        .containsEntry("nb_read_frames", "60");
    assertThat(Files.list(dir)).containsExactly(file);
  }

  @Test
  void framesTheDeviceSkippedAreFilledSoTheClipKeepsTheWallClock() throws Exception {
    Path file = dir.resolve("gaps.mp4");
    ClipRecorder recorder = ClipRecorder.start(file, 640, 480, 25, Duration.ofMinutes(1), c -> {});
    for (long n : new long[] {0, 1, 2, 10, 11, 24}) {
      feed(recorder, 640, 480, 25, n);
    }
    Clip clip = recorder.stop();

    assertThat(clip.frames()).isEqualTo(25);
    assertThat(Ffprobe.video(file))
        .containsEntry("avg_frame_rate", "25/1")
        .containsEntry("nb_read_frames", "25");
  }

  @Test
  void stopsAtTheMaximumLengthAndSaysSo() throws Exception {
    Path file = dir.resolve("long.mp4");
    CompletableFuture<Clip> told = new CompletableFuture<>();
    ClipRecorder recorder =
        ClipRecorder.start(file, 640, 360, 30, Duration.ofSeconds(1), told::complete);
    for (int n = 0; n < 50; n++) {
      feed(recorder, 640, 360, 30, n);
    }
    Clip clip = told.get();

    assertThat(clip.ending()).isEqualTo(Clip.Ending.MAX_LENGTH);
    assertThat(clip.frames()).isEqualTo(30);
    assertThat(recorder.offer(new Frame(51, T0, 640, 360, new byte[0], new int[640 * 360])))
        .isFalse();
    assertThat(recorder.stop()).isEqualTo(clip);
    assertThat(Ffprobe.video(file)).containsEntry("nb_read_frames", "30");
  }

  @Test
  void fourKSourcesAreScaledIntoTheLevelThatDicomAllows() throws Exception {
    Path file = dir.resolve("uhd.mp4");
    ClipRecorder recorder =
        ClipRecorder.start(file, 3840, 2160, 30, Duration.ofSeconds(9), c -> {});
    for (int n = 0; n < 5; n++) {
      feed(recorder, 3840, 2160, 30, n);
    }
    recorder.stop();

    assertThat(Ffprobe.video(file))
        .containsEntry("width", "1920")
        .containsEntry("height", "1080")
        .containsEntry("level", "41");
  }

  @Test
  void aDeviceUnpluggedMidClipLeavesAPlayableClipOfWhatWasRecorded() throws Exception {
    Path file = dir.resolve("unplugged.mp4");
    ClipRecorder recorder = ClipRecorder.start(file, 1280, 720, 30, Duration.ofMinutes(1), c -> {});
    for (int n = 0; n < 45; n++) {
      feed(recorder, 1280, 720, 30, n);
    }
    recorder.deviceGone("the camera was unplugged");
    Clip clip = recorder.await();

    assertThat(clip.ending()).isEqualTo(Clip.Ending.DEVICE_GONE);
    assertThat(clip.message()).isEqualTo("the camera was unplugged");
    assertThat(clip.frames()).isEqualTo(45);
    assertThat(Ffprobe.video(file)).containsEntry("nb_read_frames", "45");
  }

  @Test
  void aPartFileThatACrashLeftBehindIsRecoveredUpToItsLastWholeSecond() throws Exception {
    Path file = dir.resolve("crash.mp4");
    ClipRecorder recorder = ClipRecorder.start(file, 1280, 720, 30, Duration.ofMinutes(1), c -> {});
    for (int n = 0; n < 100; n++) {
      feed(recorder, 1280, 720, 30, n);
    }
    Path crashed = dir.resolve("after-crash");
    Files.createDirectory(crashed);
    Path recovered = crashed.resolve("crash.mp4");
    Path part = crashed.resolve(".crash.mp4.part");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    int frames = 0;
    while (frames < 60 && System.nanoTime() < deadline) {
      Files.deleteIfExists(recovered);
      Files.copy(Mp4Files.partFor(file), part);
      try {
        assertThat(ClipRecorder.recover(part)).isEqualTo(recovered);
      } catch (IOException noWholeSecondYet) {
        Files.delete(part);
        continue;
      }
      assertThat(part).doesNotExist();
      frames = Integer.parseInt(Ffprobe.video(recovered).get("nb_read_frames"));
    }
    recorder.stop();

    assertThat(frames)
        .as("the part file, copied while recording as a crash would leave it, holds whole seconds")
        .isIn(60, 90);
    assertThat(Ffprobe.video(recovered)).containsEntry("avg_frame_rate", "30/1");
  }

  @Test
  void aPartFileWithNoWholeFrameIsRefusedAndKept() throws Exception {
    Path part = dir.resolve(".empty.mp4.part");
    Files.write(part, new byte[] {0, 0, 0, 8, 'f', 't', 'y', 'p'});

    assertThatThrownBy(() -> ClipRecorder.recover(part)).isInstanceOf(IOException.class);
    assertThat(part).exists();
  }
}
