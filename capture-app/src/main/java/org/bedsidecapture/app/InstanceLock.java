package org.bedsidecapture.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Instant;
import java.util.Optional;

/**
 * One capture app per station: an OS lock on a file in the app's home, released by the OS when the
 * app ends however it ends. A second start learns who holds it (process id, since when) to say so,
 * and asks the running app to come to the front by touching a file the running app watches (no
 * socket, so nothing listens on the network for it).
 */
public final class InstanceLock implements AutoCloseable {
  private static final String RAISE_FILE = ".app.raise";
  private final Path home;
  private final FileChannel channel;
  private final FileLock lock;
  private volatile WatchService watching;

  private InstanceLock(Path home, FileChannel channel, FileLock lock) {
    this.home = home;
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
    FileLock lock;
    try {
      lock = channel.tryLock(1 << 20, 1, false);
    } catch (OverlappingFileLockException heldInThisProcess) {
      lock = null;
    }
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
    return Optional.of(new InstanceLock(home, channel, lock));
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

  /**
   * Runs {@code raise} each time a second start asks this app to come to the front, on a daemon
   * thread of its own until this lock is closed.
   */
  public void onRaiseAsked(Runnable raise) throws IOException {
    WatchService watch = home.getFileSystem().newWatchService();
    home.register(
        watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    watching = watch;
    Thread t =
        new Thread(
            () -> {
              try {
                while (true) {
                  WatchKey key = watch.take();
                  boolean asked =
                      key.pollEvents().stream()
                          .anyMatch(e -> RAISE_FILE.equals(String.valueOf(e.context())));
                  if (asked) {
                    raise.run();
                  }
                  key.reset();
                }
              } catch (InterruptedException | ClosedWatchServiceException e) {
                Thread.currentThread().interrupt();
              }
            },
            "bedside-raise");
    t.setDaemon(true);
    t.start();
  }

  /** Asks the app holding the lock in {@code home} to come to the front. */
  public static void askToRaise(Path home) throws IOException {
    Files.writeString(home.resolve(RAISE_FILE), Instant.now() + "\n", StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    if (watching != null) {
      watching.close();
    }
    lock.release();
    channel.close();
  }
}
