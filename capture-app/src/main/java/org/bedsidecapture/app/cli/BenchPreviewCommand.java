package org.bedsidecapture.app.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.Devices;
import org.bedsidecapture.devices.spi.VideoFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Benchmark of the preview path on the synthetic 1080p30 camera: frames delivered per second and
 * the CPU the preview thread uses, as a share of one core.
 */
@Command(
    name = "bench-preview",
    mixinStandardHelpOptions = true,
    description =
        "Benchmark: synthetic 1080p30 preview (frames/s, CPU of one core); 12 MP shutter to file.")
final class BenchPreviewCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--seconds", defaultValue = "10", description = "How long to run the preview.")
  int seconds;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Camera camera =
        Devices.load().cameras().stream()
            .filter(c -> c.id().equals("synthetic-camera"))
            .findFirst()
            .orElseThrow();
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
      List<Long> nanos = new ArrayList<>();
      for (int i = 0; i < 5 + STILLS; i++) {
        Path file = dir.resolve("still-" + i + ".jpg");
        long s0 = System.nanoTime();
        camera.captureStill(twelve, file);
        if (i >= 5) {
          nanos.add(System.nanoTime() - s0);
        }
        Files.delete(file);
      }
      Collections.sort(nanos);
      out.printf(
          "shutter to file, 12 MP synthetic still (render + JDK ImageIO JPEG encode + write),"
              + " %d stills: p50 %.0f ms, p95 %.0f ms%n",
          STILLS,
          nanos.get(STILLS / 2 - 1) / 1e6,
          nanos.get((int) Math.ceil(0.95 * STILLS) - 1) / 1e6);
    } finally {
      Files.deleteIfExists(dir);
    }
    out.flush();
    return 0;
  }

  private static final int STILLS = 20;
}
