package org.bedsidecapture.dicom.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bedsidecapture.dicom.Laterality;
import org.bedsidecapture.dicom.WrappedObject;
import org.bedsidecapture.dicom.testing.Contexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up while captures are being put into the outbox: a real file system (a 2 MB
 * tmpfs, which needs root to mount, as the CI machine has) that answers "no space left".
 */
class OutboxDiskFullIT {
  @TempDir Path dir;
  private Path disk;

  /** Lazily, so that a file a failed test left open cannot keep the disk (and hide the failure). */
  @AfterEach
  void unmount() throws Exception {
    if (disk != null) {
      run("umount", "-l", disk.toString());
    }
  }

  @Test
  void aFullDiskFailsThePutLoudlyAndTheOutboxStaysConsistent() throws Exception {
    Path mountPoint = Files.createDirectories(dir.resolve("small-disk"));
    assumeTrue(
        run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mountPoint.toString()) == 0,
        "mounting a small tmpfs needs root");
    disk = mountPoint;
    Outbox outbox = openOnSmallDisk();
    WrappedObject capture =
        Contexts.wrappedPhotos(dir, Contexts.typical(), "72696002", Laterality.LEFT, 1).get(0);
    byte[] big = new byte[4096];
    List<String> stored = new ArrayList<>();
    stored.add(outbox.put(capture.file(), List.of("pacs")).sopInstanceUid());
    Path filler = disk.resolve("filler");
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(big);
        out.flush();
      }
    } catch (IOException full) {
      assertThat(full.getMessage()).contains("No space left");
    }
    List<WrappedObject> more =
        Contexts.wrappedPhotos(
            dir.resolve("more"), Contexts.typical(), "72696002", Laterality.LEFT, 1);

    assertThatThrownBy(() -> outbox.put(more.get(0).file(), List.of("pacs")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("the outbox could not store the object (No space left on device)")
        .hasMessageContaining("it is still at " + more.get(0).file());

    assertThat(more.get(0).file()).exists();
    try (var files = Files.list(disk.resolve("outbox"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .noneMatch(n -> n.endsWith(".part"))
          .noneMatch(n -> n.startsWith(more.get(0).sopInstanceUid()));
    }
    assertThat(outbox.entries()).extracting(OutboxEntry::sopInstanceUid).isEqualTo(stored);

    Files.delete(filler);
    outbox.put(more.get(0).file(), List.of("pacs"));
    outbox.close();
    try (Outbox reopened = openOnSmallDisk()) {
      assertThat(reopened.entries()).hasSize(2);
      for (OutboxEntry e : reopened.entries()) {
        try (InputStream in = reopened.read(e.sopInstanceUid())) {
          assertThat(in.readAllBytes()).hasSize((int) e.bytes());
        }
      }
    }
  }

  private Outbox openOnSmallDisk() throws IOException {
    Clock clock = Clock.systemUTC();
    return Outbox.open(
        disk.resolve("outbox"),
        OutboxKey.openOrCreate(dir.resolve("keys/outbox.key")),
        clock,
        RetryPolicy.standard(),
        new AuditLog(dir.resolve("audit.log"), clock));
  }

  private static int run(String... command) throws IOException, InterruptedException {
    return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
  }
}
