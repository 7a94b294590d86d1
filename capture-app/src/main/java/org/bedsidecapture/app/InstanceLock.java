package org.bedsidecapture.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * One capture app per station: an OS lock on a file in the app's home, released by the OS when the
 * app ends however it ends. A second start learns who holds it (process id, since when) to say so.
 */
public final class InstanceLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private InstanceLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock, or says who holds it. */
  public static Optional<InstanceLock> take(Path home) throws IOException {
    Path file = home.resolve(".app.lock");
    Files.createDirectories(home);
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock = channel.tryLock(1 << 20, 1, false);
    if (lock == null) {
      channel.close();
      return Optional.empty();
    }
    channel.truncate(0);
    channel.write(
        ByteBuffer.wrap(
            ("pid=" + ProcessHandle.current().pid() + "\nsince=" + Instant.now() + "\n")
                .getBytes(StandardCharsets.UTF_8)),
        0);
    channel.force(false);
    return Optional.of(new InstanceLock(channel, lock));
  }

  /** Who holds the lock, in words, from its note. */
  public static String holder(Path home) {
    try {
      String note = Files.readString(home.resolve(".app.lock"), StandardCharsets.UTF_8);
      return note.strip().replace('\n', ' ');
    } catch (IOException e) {
      return "another process";
    }
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
