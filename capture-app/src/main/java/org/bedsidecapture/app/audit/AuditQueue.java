package org.bedsidecapture.app.audit;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.bedsidecapture.dicom.OwnerOnly;
import org.bedsidecapture.dicom.outbox.OutboxKey;

/**
 * The audit messages waiting for the site's audit repository, kept on disk in the order they were
 * made, so that they survive a network outage, a repository that is down and a restart of the app:
 * one file per message, encrypted with the outbox key (the messages name patients), written whole
 * and flushed before it counts as queued, removed only once sent.
 *
 * <p>Several processes of one account share the queue (the app, a command run beside it): a message
 * is numbered and written under an OS lock, after the last one any of them wrote, and only the
 * process that holds the {@linkplain #sending() sending lock} sends, so none is sent twice.
 */
public final class AuditQueue {
  /** A queued message and its place in the order. */
  public record Entry(long number, String message) {}

  private static final String PUTTING = "putting.lock";
  private static final String SENDING = "sending.lock";

  /**
   * One monitor per queue folder in this process: the OS lock belongs to the whole process (a
   * second one in the same JVM is refused, not waited for), so queues of one folder in this process
   * take turns on this first.
   */
  private static final ConcurrentHashMap<Path, Object> PUTTING_HERE = new ConcurrentHashMap<>();

  private final Path folder;
  private final OutboxKey key;
  private long last;

  private AuditQueue(Path folder, OutboxKey key, long last) {
    this.folder = folder;
    this.key = key;
    this.last = last;
  }

  /** The queue in {@code folder} (made owner-only when new), its messages under {@code key}. */
  public static AuditQueue open(Path folder, OutboxKey key) throws IOException {
    OwnerOnly.folder(folder);
    TreeSet<Long> numbers = numbers(folder);
    return new AuditQueue(folder, key, numbers.isEmpty() ? 0 : numbers.last());
  }

  /** Queues {@code message} after all the others; on disk when this returns. */
  public long put(String message) throws IOException {
    synchronized (
        PUTTING_HERE.computeIfAbsent(folder.toAbsolutePath().normalize(), f -> new Object())) {
      return putLocked(message);
    }
  }

  private long putLocked(String message) throws IOException {
    try (FileChannel lock = lockFile(PUTTING);
        FileLock held = lock.lock()) {
      TreeSet<Long> numbers = numbers(folder);
      long number = Math.max(last, numbers.isEmpty() ? 0 : numbers.last()) + 1;
      ByteArrayOutputStream sealed = new ByteArrayOutputStream();
      try (OutputStream out = key.encrypting(sealed, name(number))) {
        out.write(message.getBytes(StandardCharsets.UTF_8));
      }
      OwnerOnly.replace(folder.resolve(name(number)), sealed.toByteArray());
      last = number;
      return number;
    }
  }

  /**
   * The right to send the queue, held until closed; empty while another process holds it (that
   * process sends what this one queues).
   */
  public Optional<Closeable> sending() throws IOException {
    FileChannel lock = lockFile(SENDING);
    FileLock held;
    try {
      held = lock.tryLock();
    } catch (OverlappingFileLockException e) {
      held = null;
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
    if (held == null) {
      lock.close();
      return Optional.empty();
    }
    return Optional.of(lock);
  }

  private FileChannel lockFile(String name) throws IOException {
    return FileChannel.open(
        folder.resolve(name), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
  }

  /** The oldest message waiting, if any. */
  public synchronized Optional<Entry> oldest() throws IOException {
    TreeSet<Long> numbers = numbers(folder);
    if (numbers.isEmpty()) {
      return Optional.empty();
    }
    long number = numbers.first();
    try (InputStream in =
        key.decrypting(Files.newInputStream(folder.resolve(name(number))), name(number))) {
      return Optional.of(new Entry(number, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
  }

  /** Removes message {@code number} once the repository has it. */
  public synchronized void remove(long number) throws IOException {
    Files.deleteIfExists(folder.resolve(name(number)));
  }

  /** How many messages wait. */
  public synchronized int size() throws IOException {
    return numbers(folder).size();
  }

  private static String name(long number) {
    return String.format("%012d.msg", number);
  }

  private static TreeSet<Long> numbers(Path folder) throws IOException {
    TreeSet<Long> numbers = new TreeSet<>();
    try (Stream<Path> files = Files.list(folder)) {
      files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.matches("\\d{12}\\.msg"))
          .forEach(n -> numbers.add(Long.parseLong(n.substring(0, 12))));
    }
    return numbers;
  }
}
