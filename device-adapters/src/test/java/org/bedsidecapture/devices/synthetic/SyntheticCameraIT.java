package org.bedsidecapture.devices.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.Clip;
import org.bedsidecapture.devices.spi.DeviceException;
import org.bedsidecapture.devices.spi.Recording;
import org.bedsidecapture.devices.spi.VideoFormat;
import org.bedsidecapture.devices.testing.Ffprobe;
import org.bedsidecapture.devices.testing.FrameWatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic devices running in real time: preview, recording and unplugging. Frames are counted
 * by their own numbers and times, never by how many arrived in a while.
 */
class SyntheticCameraIT {
  private final List<Camera> cameras = SyntheticCameraProvider.devices();
  private final SyntheticCamera camera = (SyntheticCamera) cameras.get(0);
  private final VideoFormat hd = new VideoFormat(1920, 1080, 30, VideoFormat.Encoding.RAW);

  @Test
  void previewFramesArriveInOrderOnTheDevicesThreadStampedWithTheirPlaceInTheStream()
      throws Exception {
    FrameWatch frames = new FrameWatch();
    List<FrameWatch.Seen> seen;
    try (Camera.Preview preview = camera.startPreview(hd, frames, gone -> {})) {
      seen = frames.awaitFrames(15);
      assertThat(frames.newest().luma()).hasSize(1920 * 1080);
    }
    for (int i = 0; i < seen.size(); i++) {
      assertThat(seen.get(i).number()).isEqualTo(i);
      assertThat(Duration.between(seen.get(0).taken(), seen.get(i).taken()))
          .isEqualTo(Duration.ofNanos(i * (1_000_000_000L / 30)));
    }
    assertThat(seen).extracting(FrameWatch.Seen::thread).containsOnly("preview-synthetic-camera");
  }

  @Test
  void aClipRecordedFromThePreviewPlaysAtTheSourcesRate(@TempDir Path dir) throws Exception {
    VideoFormat hd720 = new VideoFormat(1280, 720, 30, VideoFormat.Encoding.RAW);
    Path file = dir.resolve("clip.mp4");
    FrameWatch frames = new FrameWatch();
    Clip clip;
    try (Camera.Preview preview = camera.startPreview(hd720, frames, gone -> {})) {
      Recording recorder = preview.record(file, Duration.ofMinutes(1), c -> {});
      frames.awaitMore(60);
      clip = recorder.stop();
    }

    assertThat(clip.ending()).isEqualTo(Clip.Ending.STOPPED);
    assertThat(clip.file()).isEqualTo(file);
    Ffprobe.recordedAt30(clip);
  }

  @Test
  void unpluggingDuringRecordingTellsTheUserAndKeepsAPlayableClip(@TempDir Path dir)
      throws Exception {
    SyntheticCamera grabber = (SyntheticCamera) cameras.get(1);
    VideoFormat format = grabber.formats().get(0);
    Path file = dir.resolve("unplugged.mp4");
    FrameWatch frames = new FrameWatch();
    CompletableFuture<String> told = new CompletableFuture<>();
    CompletableFuture<Clip> finished = new CompletableFuture<>();
    try (Camera.Preview preview = grabber.startPreview(format, frames, told::complete)) {
      preview.record(file, Duration.ofMinutes(1), finished::complete);
      frames.awaitMore(30);
      grabber.unplug();
      assertThat(told.get(60, TimeUnit.SECONDS)).contains("unplugged");
      Clip clip = finished.get(60, TimeUnit.SECONDS);

      assertThat(clip.ending()).isEqualTo(Clip.Ending.DEVICE_GONE);
      assertThat(clip.frames()).isPositive();
      assertThat(Ffprobe.video(file)).containsEntry("nb_read_frames", Long.toString(clip.frames()));
      assertThatThrownBy(
              () -> preview.record(dir.resolve("more.mp4"), Duration.ofMinutes(1), c -> {}))
          .hasMessageContaining("gone");
      assertThatThrownBy(() -> grabber.startPreview(format, f -> {}, g -> {}))
          .isInstanceOf(DeviceException.class)
          .hasMessageContaining("plug it in");
    } finally {
      grabber.plugIn();
    }
  }
}
