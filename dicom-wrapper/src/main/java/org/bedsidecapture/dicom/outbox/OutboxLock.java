package org.bedsidecapture.dicom.outbox;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * One owner at a time for an outbox folder: the app, a {@code send}, an installer's {@code outbox
 * retry} each hold an operating-system lock on {@code .lock} in the folder while they have the
 * outbox open, so one process's crash recovery never judges another's files in flight. The lock
 * file names its holder (process id, what it is doing, since when; nothing about patients), so one
 * who has to wait is told who. The operating system releases the lock when its process ends, even
 * by a crash.
 */
public final class OutboxLock implements Closeable {
  static final String FILE = ".lock";

  /**
   * Who asks for the outbox, and how long it may wait for another holder; {@code onWaiting} is told
   * once, with who holds it, when it has to wait.
   */
  public record Owner(String purpose, Duration maxWait, Consumer<String> onWaiting) {
    /** Takes the outbox only if nobody holds it. */
    public static Owner noWait(String purpose) {
      return new Owner(purpose, Duration.ZERO, holder -> {});
    }
  }

  /** Between tries while another process holds the outbox. */
  private static final Duration POLL = Duration.ofMillis(100);

  /**
   * The byte locked: far beyond the holder's note, so that the note stays readable on systems whose
   * locks are mandatory (Windows).
   */
  private static final long LOCKED_BYTE = Long.MAX_VALUE - 1;

  private final FileChannel channel;
  private final FileLock lock;

  private OutboxLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the outbox in {@code dir} for {@code owner}, waiting for another holder up to the owner's
   * limit.
   *
   * @throws OutboxBusyException when another process (or another outbox in this one) still holds it
   *     after that
   */
  public static OutboxLock acquire(Path dir, Owner owner, Clock clock) throws IOException {
    Path file = dir.resolve(FILE);
    FileChannel channel = PrivateFiles.openPrivate(file);
    long deadline = System.nanoTime() + owner.maxWait().toNanos();
    boolean told = false;
    try {
      while (true) {
        FileLock lock = tryLock(channel);
        if (lock != null) {
          note(channel, owner, clock.instant());
          return new OutboxLock(channel, lock);
        }
        String holder = holder(file);
        if (System.nanoTime() >= deadline) {
          throw new OutboxBusyException(
              "the outbox "
                  + dir
                  + " is in use by "
                  + holder
                  + (owner.maxWait().isZero()
                      ? ""
                      : " and was not freed within " + owner.maxWait().toSeconds() + " s")
                  + ": let it finish (or close it), then try again");
        }
        if (!told) {
          owner.onWaiting().accept(holder);
          told = true;
        }
        Thread.sleep(POLL.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      channel.close();
      throw new OutboxBusyException("interrupted while waiting for the outbox " + dir);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** The lock, or null when another process or another outbox of this process holds it. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock(LOCKED_BYTE, 1, false);
    } catch (OverlappingFileLockException heldInThisProcess) {
      return null;
    }
  }

  /**
   * Writes who holds the outbox; best effort, since a full disk must not keep the outbox (and the
   * deliveries that would free the disk) closed.
   */
  private static void note(FileChannel channel, Owner owner, Instant since) {
    String note =
        "pid="
            + ProcessHandle.current().pid()
            + "\npurpose="
            + owner.purpose()
            + "\nsince="
            + since
            + "\n";
    try {
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(note.getBytes(StandardCharsets.UTF_8)), 0);
    } catch (IOException noRoomForTheNote) {
      // The lock holds without it; one who waits is told "another Bedside Capture process".
    }
  }

  /** Who holds the outbox, in words, from the holder's note. */
  private static String holder(Path file) {
    String pid = "?";
    String purpose = "another Bedside Capture process";
    String since = null;
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.startsWith("pid=")) {
          pid = line.substring(4);
        } else if (line.startsWith("purpose=")) {
          purpose = line.substring(8);
        } else if (line.startsWith("since=")) {
          since = line.substring(6);
        }
      }
    } catch (IOException unreadable) {
      return "another Bedside Capture process";
    }
    boolean thisProcess = pid.equals(Long.toString(ProcessHandle.current().pid()));
    return "'"
        + purpose
        + "' ("
        + (thisProcess ? "this process" : "process " + pid)
        + (since == null ? "" : ", since " + since)
        + ")";
  }

  /** Gives the outbox up; the note stays for whoever looks, harmless without the lock. */
  @Override
  public void close() throws IOException {
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } finally {
      channel.close();
    }
  }
}
