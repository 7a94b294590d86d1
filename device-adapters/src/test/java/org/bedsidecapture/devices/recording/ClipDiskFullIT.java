package org.bedsidecapture.devices.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bedsidecapture.devices.synthetic.TestPattern;
import org.bedsidecapture.devices.testing.Ffprobe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up while a clip is being recorded: a real file system (a small tmpfs, which
 * needs root to mount, as the CI machine has) that answers "no space left".
 */
class ClipDiskFullIT {
  @TempDir Path dir;
  private Path disk;

  @AfterEach
  void unmount() throws Exception {
    if (disk != null) {
      run("umount", "-l", disk.toString());
    }
  }

  private static int run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
  }

  @Test
  void aFullDiskEndsTheRecordingAndKeepsWhatWasRecordedUntilThereIsRoom() throws Exception {
    Path mountPoint = Files.createDirectories(dir.resolve("small-disk"));
    assumeTrue(
        run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mountPoint.toString()) == 0,
        "mounting a small tmpfs needs root");
    disk = mountPoint;
    Path filler = disk.resolve("filler");
    try (OutputStream out = Files.newOutputStream(filler)) {
      out.write(new byte[4 * 1024 * 1024]);
    }
    Path file = disk.resolve("clip.mp4");
    ClipRecorder recorder = ClipRecorder.start(file, 1280, 720, 30, Duration.ofMinutes(1), c -> {});
    Instant t0 = Instant.now();
    for (int n = 0; n < 600 && !recorder.ended(); n++) {
      int[] rgb = TestPattern.withSensorNoise(TestPattern.bars(1280, 720, n), n, 12);
      recorder.put(t0.plusNanos(n * 33_333_333L), rgb);
    }

    assertThatThrownBy(recorder::await)
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(
            "recording stopped: the disk is full; the clip could not be finished")
        .hasMessageContaining("is kept in " + Mp4Files.partFor(file));
    assertThat(Mp4Files.partFor(file)).exists();

    assertThat(ClipRecorder.recoverAll(disk)).as("still no room for the finished copy").isEmpty();
    assertThat(Mp4Files.partFor(file)).exists();
    assertThat(file).doesNotExist();

    Files.delete(filler);
    assertThat(ClipRecorder.recoverAll(disk)).containsExactly(file);
    assertThat(Integer.parseInt(Ffprobe.video(file).get("nb_read_frames"))).isGreaterThan(10);
    assertThat(Mp4Files.partFor(file)).doesNotExist();
    try (var left = Files.list(disk)) {
      assertThat(left.toList()).isEqualTo(List.of(file));
    }
  }
}
