package org.bedsidecapture.app.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.bedsidecapture.app.AppContext;
import org.bedsidecapture.devices.grabber.FfmpegGrabber;
import org.bedsidecapture.devices.grabber.GrabberInput;
import org.bedsidecapture.devices.recording.ClipRecorder;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.Clip;
import org.bedsidecapture.devices.spi.Recording;
import org.bedsidecapture.devices.spi.VideoFormat;
import org.bedsidecapture.devices.stills.ImageIoJpegEncoder;
import org.bedsidecapture.devices.stills.JpegEncoder;
import org.bedsidecapture.devices.stills.StillFiles;
import org.bedsidecapture.devices.stills.TurboJpegEncoder;
import org.bedsidecapture.devices.synthetic.SyntheticCameraProvider;
import org.bedsidecapture.devices.synthetic.TestPattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Benchmark of the capture paths on this machine: the synthetic 1080p30 preview (frames delivered
 * per second, CPU of its thread as a share of one core), the two JPEG encoders on a 12 MP frame,
 * shutter to file for a 12 MP still that needs an encode and for one an MJPEG camera sends ready
 * (passthrough), and the real-time factor of 1080p30 H.264 clip recording.
 */
@Command(
    name = "bench-preview",
    mixinStandardHelpOptions = true,
    description =
        "Benchmark: synthetic 1080p30 preview (frames/s, CPU of one core); JPEG encoders and"
            + " shutter to file for 12 MP stills (encode and passthrough); clip recording real-time"
            + " factor.")
final class BenchPreviewCommand implements Callable<Integer> {
  private final AppContext app;

  BenchPreviewCommand(AppContext app) {
    this.app = app;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--seconds", defaultValue = "10", description = "How long to run the preview.")
  int seconds;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Camera camera = SyntheticCameraProvider.devices().get(0);
    VideoFormat hd = new VideoFormat(1920, 1080, 30, VideoFormat.Encoding.RAW);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    AtomicLong frames = new AtomicLong();
    AtomicLong cpuNanos = new AtomicLong();
    long t0;
    try (Camera.Preview preview =
        camera.startPreview(
            hd,
            f -> {
              long cpu = threads.getCurrentThreadCpuTime();
              cpuNanos.set(cpu);
              frames.incrementAndGet();
            },
            gone -> {})) {
      Thread.sleep(1000);
      long warmFrames = frames.get();
      long warmCpu = cpuNanos.get();
      t0 = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      double elapsed = (System.nanoTime() - t0) / 1e9;
      double fps = (frames.get() - warmFrames) / elapsed;
      double core = (cpuNanos.get() - warmCpu) / 1e9 / elapsed;
      out.printf(
          "synthetic 1080p30 preview: %.1f frames/s, preview thread %.0f%% of one core"
              + " (render + luma per frame)%n",
          fps, core * 100);
    }
    VideoFormat twelve = new VideoFormat(4000, 3000, 30, VideoFormat.Encoding.RAW);
    Path dir = Files.createTempDirectory("bench-shutter");
    try {
      int[] still =
          TestPattern.withSensorNoise(
              TestPattern.bars(twelve.width(), twelve.height(), 1), 1, SENSOR_NOISE);
      JpegEncoder turbo = TurboJpegEncoder.load().orElse(null);
      for (JpegEncoder encoder :
          turbo == null
              ? List.of(new ImageIoJpegEncoder())
              : List.of(new ImageIoJpegEncoder(), turbo)) {
        List<Long> nanos = timed(() -> encoder.encode(still, twelve.width(), twelve.height()));
        report(out, "JPEG encode of a 12 MP frame with sensor grain, " + encoder.name(), nanos);
      }
      List<Long> shutter =
          timed(
              () -> {
                Path file = dir.resolve("still.jpg");
                StillFiles.write(
                    JpegEncoder.fastest().encode(still, twelve.width(), twelve.height()), file);
                Files.delete(file);
              });
      report(
          out,
          "shutter to file, 12 MP raw frame with sensor grain ("
              + JpegEncoder.fastest().name()
              + " encode + flushed write)",
          shutter);
      Path mjpeg = dir.resolve("camera.mjpeg");
      try (OutputStream stream = Files.newOutputStream(mjpeg)) {
        for (int n = 0; n < 3; n++) {
          stream.write(
              JpegEncoder.fastest()
                  .encode(
                      TestPattern.withSensorNoise(TestPattern.bars(4000, 3000, n), n, SENSOR_NOISE),
                      4000,
                      3000));
        }
      }
      VideoFormat mjpegFormat = new VideoFormat(4000, 3000, 15, VideoFormat.Encoding.MJPEG);
      FfmpegGrabber mjpegCamera =
          new FfmpegGrabber(
              "bench-mjpeg",
              "12 MP MJPEG camera (recorded)",
              Camera.Kind.CAMERA,
              new GrabberInput("mjpeg", mjpeg.toString(), false),
              List.of(mjpegFormat),
              FfmpegGrabber.Deinterlace.NEVER);
      List<Long> passthrough =
          timed(
              () -> {
                Path file = dir.resolve("passthrough.jpg");
                StillFiles.write(mjpegCamera.takeStill(mjpegFormat), file);
                Files.delete(file);
              });
      report(
          out,
          "shutter to file, 12 MP MJPEG camera frame kept as sent (open + read frame + flushed"
              + " write; a previewing camera adds the wait for its next frame, at most 1/rate)",
          passthrough);
      recording(out, camera, dir);
    } finally {
      try (var left = Files.list(dir)) {
        for (Path p : left.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
    out.flush();
    return 0;
  }

  /**
   * The real-time factor of clip recording: 1080p30 synthetic frames handed to the encoder as fast
   * as it takes them (seconds of video per second of wall time), then a live recording from the
   * running preview with the frames it had to drop.
   */
  private void recording(PrintWriter out, Camera camera, Path dir) throws Exception {
    int frames = 30 * seconds;
    List<int[]> pattern = new ArrayList<>();
    for (int n = 0; n < 30; n++) {
      pattern.add(TestPattern.withSensorNoise(TestPattern.bars(1920, 1080, n), n, SENSOR_NOISE));
    }
    Instant start = Instant.now();
    Path file = dir.resolve("offline.mp4");
    ClipRecorder recorder = ClipRecorder.start(file, 1920, 1080, 30, Duration.ofHours(1), c -> {});
    long t0 = System.nanoTime();
    for (int n = 0; n < frames; n++) {
      recorder.put(start.plusNanos(n * 1_000_000_000L / 30), pattern.get(n % pattern.size()));
    }
    Clip clip = recorder.stop();
    double elapsed = (System.nanoTime() - t0) / 1e9;
    out.printf(
        "clip recording, 1080p30 H.264 High (x264), synthetic frames with sensor grain"
            + " as fast as the encoder takes them: %d frames in %.2f s = real-time factor %.2f"
            + " (%.1f MB)%n",
        clip.frames(), elapsed, frames / 30.0 / elapsed, Files.size(file) / 1e6);
    Files.delete(file);

    VideoFormat hd = new VideoFormat(1920, 1080, 30, VideoFormat.Encoding.RAW);
    Path live = dir.resolve("live.mp4");
    Clip liveClip;
    long dropped;
    try (Camera.Preview preview = camera.startPreview(hd, f -> {}, gone -> {})) {
      Recording liveRecorder = preview.record(live, Duration.ofHours(1), c -> {});
      Thread.sleep(seconds * 1000L);
      liveClip = liveRecorder.stop();
      dropped = liveRecorder.droppedFrames();
    }
    out.printf(
        "clip recording live from the synthetic 1080p30 preview (clean pattern) for %d s: %d"
            + " frames in the clip,"
            + " %d dropped by the encoder (filled with their predecessor)%n",
        seconds, liveClip.frames(), dropped);
    Files.delete(live);
  }

  /** Something timed per call, in nanoseconds. */
  private interface Timed {
    void run() throws Exception;
  }

  /** Runs {@code call} {@value #WARM_UP} times to warm up, then {@value #STILLS} times timed. */
  private static List<Long> timed(Timed call) throws Exception {
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < WARM_UP + STILLS; i++) {
      long s0 = System.nanoTime();
      call.run();
      if (i >= WARM_UP) {
        nanos.add(System.nanoTime() - s0);
      }
    }
    Collections.sort(nanos);
    return nanos;
  }

  private static void report(PrintWriter out, String what, List<Long> sorted) {
    out.printf(
        "%s, %d runs: p50 %.0f ms, p95 %.0f ms%n",
        what,
        sorted.size(),
        sorted.get(sorted.size() / 2 - 1) / 1e6,
        sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1) / 1e6);
    out.flush();
  }

  private static final int WARM_UP = 5;

  /** Grain of a camera sensor in good light, per channel: what real frames carry. */
  private static final int SENSOR_NOISE = 6;

  private static final int STILLS = 20;
}
