package org.bedsidecapture.devices.grabber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.bedsidecapture.devices.ffmpeg.FfmpegErrors;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.Clip;
import org.bedsidecapture.devices.spi.DeviceException;
import org.bedsidecapture.devices.spi.Frame;
import org.bedsidecapture.devices.spi.VideoFormat;
import org.bedsidecapture.devices.stills.StillFiles;
import org.bedsidecapture.devices.testing.Ffprobe;
import org.bedsidecapture.devices.testing.FrameWatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FFmpeg grabber end to end without hardware: FFmpeg's own virtual input (lavfi) and files made
 * by the ffmpeg command stand in for the capture card; everything after the input format is the
 * same code a card goes through.
 */
class FfmpegGrabberIT {
  private static final VideoFormat HD = new VideoFormat(1920, 1080, 30, VideoFormat.Encoding.RAW);

  @TempDir Path dir;

  private static FfmpegGrabber grabber(GrabberInput input, FfmpegGrabber.Deinterlace mode) {
    return new FfmpegGrabber(
        "test", "Test grabber", Camera.Kind.FRAME_GRABBER, input, List.of(HD), mode);
  }

  private static FfmpegGrabber testSource(String options) {
    return grabber(
        new GrabberInput("lavfi", "testsrc2=size=1920x1080:rate=30" + options, false),
        FfmpegGrabber.Deinterlace.AUTO);
  }

  @Test
  void previewDeliversEveryFrameOfTheSourceInOrderAtItsOwnTimes() throws Exception {
    FfmpegGrabber grabber = testSource("");
    FrameWatch frames = new FrameWatch();
    List<FrameWatch.Seen> seen;
    try (Camera.Preview preview = grabber.startPreview(HD, frames, gone -> {})) {
      seen = frames.awaitFrames(60);
      assertThat(grabber.granted()).isEqualTo(HD);
      assertThat(grabber.deinterlacing()).isFalse();
    }

    for (int i = 0; i < seen.size(); i++) {
      assertThat(seen.get(i).number()).isEqualTo(i);
      assertThat(Duration.between(seen.get(0).taken(), seen.get(i).taken()).toNanos())
          .as("frame %d is taken at its place in the source's 30 frames/s", i)
          .isCloseTo(i * 1_000_000_000L / 30, within(1_000L));
    }
    assertThat(seen.get(0).width()).isEqualTo(1920);
  }

  @Test
  void stillsAndAClipAreTakenWhileThePreviewRuns() throws Exception {
    FfmpegGrabber grabber = testSource("");
    Path still = dir.resolve("still.jpg");
    Path clipFile = dir.resolve("clip.mp4");
    FrameWatch frames = new FrameWatch();
    Clip clip;
    try (Camera.Preview preview = grabber.startPreview(HD, frames, gone -> {})) {
      var recorder = preview.record(clipFile, Duration.ofMinutes(1), c -> {});
      frames.awaitMore(45);
      StillFiles.write(grabber.takeStill(HD), still);
      clip = recorder.stop();
    }

    assertThat(ImageIO.read(still.toFile()).getWidth()).isEqualTo(1920);
    assertThat(clip.file()).isEqualTo(clipFile);
    assertThat(Ffprobe.recordedAt30(clip)).containsEntry("level", "41");
  }

  @Test
  void aSourceThatStopsMidClipTellsTheUserAndTheClipIsKept() throws Exception {
    FfmpegGrabber grabber = testSource(":duration=1.5");
    CompletableFuture<String> gone = new CompletableFuture<>();
    CompletableFuture<Clip> finished = new CompletableFuture<>();
    CountDownLatch recording = new CountDownLatch(1);
    Consumer<Frame> firstFrameWaitsForTheRecording =
        f -> {
          try {
            recording.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    try (Camera.Preview preview =
        grabber.startPreview(HD, firstFrameWaitsForTheRecording, gone::complete)) {
      preview.record(dir.resolve("cut.mp4"), Duration.ofMinutes(1), finished::complete);
      recording.countDown();
      assertThat(gone.get(60, TimeUnit.SECONDS)).contains("disconnected").contains("kept");
      Clip clip = finished.get(60, TimeUnit.SECONDS);
      assertThat(clip.ending()).isEqualTo(Clip.Ending.DEVICE_GONE);
      assertThat(Ffprobe.video(clip.file()))
          .containsEntry("nb_read_frames", Long.toString(clip.frames()));
      assertThat(clip.frames())
          .as("1.5 s of a 30 frames/s source, from its first frame")
          .isBetween(1L, 45L);
    }
  }

  @Test
  void anInterlacedSourceIsDeinterlaced() throws Exception {
    Path interlaced = dir.resolve("interlaced.mp4");
    Ffprobe.testSource(
        interlaced,
        "720x576",
        "50",
        "2",
        "-vf",
        "scroll=horizontal=0.01,tinterlace=interleave_top,setfield=tff",
        "-c:v",
        "libx264",
        "-flags",
        "+ildct+ilme",
        "-x264-params",
        "tff=1");
    VideoFormat sd = new VideoFormat(720, 576, 25, VideoFormat.Encoding.RAW);
    GrabberInput file = new GrabberInput("mp4", interlaced.toString(), false);

    assertThat(combing(grabber(file, FfmpegGrabber.Deinterlace.NEVER), sd, false))
        .as("as the card sends it, neighbouring lines (other field) differ more")
        .isGreaterThan(1.2);
    assertThat(combing(grabber(file, FfmpegGrabber.Deinterlace.AUTO), sd, true))
        .as("de-interlaced, neighbouring lines are alike again")
        .isLessThan(1.0);
  }

  /**
   * How much more a line differs from its neighbour (the other field) than from the line after (its
   * own field): about 0.5 for a progressive picture, above 1 when the fields are combed.
   */
  private static double combing(FfmpegGrabber grabber, VideoFormat format, boolean deinterlaced)
      throws Exception {
    FrameWatch frames = new FrameWatch();
    try (Camera.Preview preview = grabber.startPreview(format, frames, g -> {})) {
      frames.awaitFrames(10);
      assertThat(grabber.deinterlacing()).isEqualTo(deinterlaced);
    }
    Frame f = frames.newest();
    long otherField = 0;
    long sameField = 0;
    for (int y = 0; y < f.height() - 2; y++) {
      for (int x = 0; x < f.width(); x++) {
        int here = f.luma()[y * f.width() + x] & 0xFF;
        otherField += Math.abs(here - (f.luma()[(y + 1) * f.width() + x] & 0xFF));
        sameField += Math.abs(here - (f.luma()[(y + 2) * f.width() + x] & 0xFF));
      }
    }
    return (double) otherField / sameField;
  }

  @Test
  void anMjpegDevicesStillIsItsFrameAsSentNotReencoded() throws Exception {
    Path mjpeg = dir.resolve("camera.avi");
    Ffprobe.testSource(mjpeg, "1280x720", "30", "1", "-c:v", "mjpeg", "-q:v", "3");
    Path first = dir.resolve("first.jpg");
    Ffprobe.ffmpeg(
        "-i", mjpeg.toString(), "-c:v", "copy", "-frames:v", "1", "-f", "image2", first.toString());
    VideoFormat format = new VideoFormat(1280, 720, 30, VideoFormat.Encoding.MJPEG);
    FfmpegGrabber grabber =
        grabber(new GrabberInput("avi", mjpeg.toString(), false), FfmpegGrabber.Deinterlace.AUTO);

    Path still = dir.resolve("still.jpg");
    StillFiles.write(grabber.takeStill(format), still);
    assertThat(Files.readAllBytes(still)).isEqualTo(Files.readAllBytes(first));

    Path during = dir.resolve("during-preview.jpg");
    FrameWatch frames = new FrameWatch();
    try (Camera.Preview preview = grabber.startPreview(format, frames, g -> {})) {
      assertThat(grabber.granted().encoding()).isEqualTo(VideoFormat.Encoding.MJPEG);
      frames.awaitFrames(1);
      StillFiles.write(grabber.takeStill(format), during);
    }
    assertThat(ImageIO.read(during.toFile()).getWidth()).isEqualTo(1280);
  }

  @Test
  void aDeviceThatIsNotThereSaysSoWhenOpened() {
    FfmpegGrabber absent =
        grabber(
            new GrabberInput("video4linux2", "/dev/video98", true), FfmpegGrabber.Deinterlace.AUTO);

    assertThatThrownBy(() -> absent.startPreview(HD, f -> {}, g -> {}))
        .isInstanceOf(DeviceException.class)
        .hasMessage("Test grabber is not connected: check its cable, then choose it again.");
    assertThatThrownBy(() -> StillFiles.write(absent.takeStill(HD), dir.resolve("x.jpg")))
        .isInstanceOf(DeviceException.class);
    assertThat(dir.resolve("x.jpg")).doesNotExist();
  }

  @Test
  void failuresAreExplainedForTheUser() {
    assertThat(GrabberErrors.explainOpening("Card", -16)).contains("in use by another program");
    assertThat(GrabberErrors.explainOpening("Card", -13)).contains("'video' group");
    assertThat(GrabberErrors.explainOpening("Card", -22)).contains("choose another format");
    assertThat(GrabberErrors.explainOpening("Card", -5)).contains("switched on");
    assertThat(FfmpegErrors.code("avformat_open_input() error -16: Could not open input"))
        .isEqualTo(-16);
    assertThat(GrabberErrors.stopped("Card", new Exception("av_read_frame() error -11")))
        .contains("no signal");
  }
}
