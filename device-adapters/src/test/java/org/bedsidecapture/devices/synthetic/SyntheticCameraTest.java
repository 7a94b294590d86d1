package org.bedsidecapture.devices.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.bedsidecapture.devices.recording.Clip;
import org.bedsidecapture.devices.recording.ClipRecorder;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.DeviceException;
import org.bedsidecapture.devices.spi.Frame;
import org.bedsidecapture.devices.spi.VideoFormat;
import org.bedsidecapture.devices.testing.Ffprobe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCameraTest {
  private final List<Camera> cameras = new SyntheticCameraProvider().cameras();
  private final SyntheticCamera camera = (SyntheticCamera) cameras.get(0);
  private final VideoFormat hd = new VideoFormat(1920, 1080, 30, VideoFormat.Encoding.RAW);

  @Test
  void previewFramesArriveInOrderOnTheDevicesThread() throws Exception {
    List<Frame> frames = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    try (Camera.Preview preview =
        camera.startPreview(
            hd,
            f -> {
              frames.add(f);
              threads.add(Thread.currentThread().getName());
            },
            gone -> {})) {
      Thread.sleep(1000);
    }
    assertThat(frames).hasSizeGreaterThan(10);
    for (int i = 0; i < frames.size(); i++) {
      assertThat(frames.get(i).number()).isEqualTo(i);
    }
    assertThat(frames.get(0).luma()).hasSize(1920 * 1080);
    assertThat(threads).containsOnly("preview-synthetic-camera");
  }

  @Test
  void aClipRecordedFromThePreviewPlaysAtTheSourcesRate(@TempDir Path dir) throws Exception {
    VideoFormat hd720 = new VideoFormat(1280, 720, 30, VideoFormat.Encoding.RAW);
    Path file = dir.resolve("clip.mp4");
    Clip clip;
    try (Camera.Preview preview = camera.startPreview(hd720, f -> {}, gone -> {})) {
      ClipRecorder recorder = preview.record(file, Duration.ofMinutes(1), c -> {});
      Thread.sleep(2000);
      clip = recorder.stop();
    }

    assertThat(clip.ending()).isEqualTo(Clip.Ending.STOPPED);
    assertThat(clip.frames()).isBetween(50L, 70L);
    assertThat(Ffprobe.video(file))
        .containsEntry("profile", "High")
        .containsEntry("avg_frame_rate", "30/1")
        .containsEntry("nb_read_frames", Long.toString(clip.frames()));
  }

  @Test
  void unpluggingDuringRecordingTellsTheUserAndKeepsAPlayableClip(@TempDir Path dir)
      throws Exception {
    SyntheticCamera grabber = (SyntheticCamera) cameras.get(1);
    VideoFormat format = grabber.formats().get(0);
    Path file = dir.resolve("unplugged.mp4");
    CompletableFuture<String> told = new CompletableFuture<>();
    CompletableFuture<Clip> finished = new CompletableFuture<>();
    try (Camera.Preview preview = grabber.startPreview(format, f -> {}, told::complete)) {
      preview.record(file, Duration.ofMinutes(1), finished::complete);
      Thread.sleep(1500);
      grabber.unplug();
      assertThat(told.get(5, TimeUnit.SECONDS)).contains("unplugged");
      Clip clip = finished.get(30, TimeUnit.SECONDS);

      assertThat(clip.ending()).isEqualTo(Clip.Ending.DEVICE_GONE);
      assertThat(clip.frames()).isGreaterThan(20);
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

  @Test
  void framesCarryTheirTimeInTheStreamAsATimeCode() {
    assertThat(TestPattern.timecode(0)).isEqualTo("00:00:00:00");
    assertThat(TestPattern.timecode(30 * 3661 + 7)).isEqualTo("01:01:01:07");
  }

  @Test
  void aFrameIsTheSamePixelsEveryTimeAndTheBoxMoves() {
    assertThat(camera.render(hd, 7)).isEqualTo(camera.render(hd, 7));
    assertThat(camera.render(hd, 7)).isNotEqualTo(camera.render(hd, 8));
    Camera grabber = cameras.get(1);
    assertThat(grabber.kind()).isEqualTo(Camera.Kind.FRAME_GRABBER);
  }

  @Test
  void aStillIsAJpegOfTheFormatsSize(@TempDir Path dir) throws Exception {
    Path still = dir.resolve("still.jpg");
    camera.captureStill(hd, still);
    BufferedImage img = ImageIO.read(still.toFile());
    assertThat(img.getWidth()).isEqualTo(1920);
    assertThat(img.getHeight()).isEqualTo(1080);
    assertThatThrownBy(
            () ->
                camera.captureStill(new VideoFormat(640, 480, 30, VideoFormat.Encoding.RAW), still))
        .isInstanceOf(DeviceException.class)
        .hasMessageContaining("does not offer 640x480");
  }
}
