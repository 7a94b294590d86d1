package org.bedsidecapture.dicom.outbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The audit trail of what happened to patient data on this station, one line per event, with UIDs
 * and destinations only: never names or identifiers of the patient.
 *
 * <p>Append-only and tamper-evident: every line ends in {@code chain=} and the SHA-256 of the chain
 * value of the line before it and of the line itself, so a line changed, removed or put in between
 * breaks the chain from there on ({@link #verify}); appends from several processes (the app, a
 * command) take an OS lock on the file, so each chains to the one truly before it. The chain shows
 * that the file was changed, not who changed it; someone able to rewrite the whole file can also
 * recompute the chain, which is why the records also leave the station (the site's audit
 * repository).
 */
public final class AuditLog {
  /** What the first line of a file chains to. */
  static final String START = "0".repeat(64);

  private static final String CHAIN = " chain=";

  /**
   * One monitor per audit file in this process. The OS lock that orders appends between processes
   * belongs to the whole process (a second lock on the same file in one JVM is refused, not waited
   * for), so appenders in this process take turns on this first: process-wide by nature, like the
   * OS lock it stands in front of.
   */
  private static final java.util.concurrent.ConcurrentHashMap<Path, Object> APPENDING =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int TAIL = 64 * 1024;

  private final Path file;
  private final Clock clock;

  public AuditLog(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  /** Appends one event about an object or study (by its UID), flushed before this returns. */
  public void record(String event, String uid, String detail) throws IOException {
    record(List.<String[]>of(new String[] {event, uid, detail}));
  }

  /**
   * Appends one event of the station's, about no object (a sign-in, a lock), flushed before this
   * returns: {@code detail} says who and what, never about a patient.
   */
  public void record(String event, String detail) throws IOException {
    record(List.<String[]>of(new String[] {event, null, detail}));
  }

  /**
   * Appends the events (each {@code {event, SOP Instance UID, detail}}) and flushes them to disk
   * once, before the caller acts on them.
   */
  void record(List<String[]> events) throws IOException {
    if (events.isEmpty()) {
      return;
    }
    synchronized (APPENDING.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new Object())) {
      append(events);
    }
  }

  private void append(List<String[]> events) throws IOException {
    String now = Instant.now(clock).toString();
    try (FileChannel ch = PrivateFiles.openPrivate(file);
        FileLock held = ch.lock()) {
      String chain = lastChain(ch);
      StringBuilder lines = new StringBuilder();
      for (String[] e : events) {
        StringBuilder line = new StringBuilder();
        line.append(now).append(' ').append(e[0]);
        if (e[1] != null) {
          line.append(" sop=").append(e[1]);
        }
        if (e[2] != null) {
          line.append(' ').append(e[2].replace('\n', ' ').replace('\r', ' '));
        }
        chain = link(chain, line.toString());
        lines.append(line).append(CHAIN).append(chain).append('\n');
      }
      ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
      long at = ch.size();
      while (bytes.hasRemaining()) {
        at += ch.write(bytes, at);
      }
      ch.force(true);
    }
  }

  /** The chain value of the file's last line ({@link #START} for an empty file). */
  private static String lastChain(FileChannel ch) throws IOException {
    long size = ch.size();
    if (size == 0) {
      return START;
    }
    int n = (int) Math.min(size, TAIL);
    ByteBuffer tail = ByteBuffer.allocate(n);
    long from = size - n;
    while (tail.hasRemaining()) {
      if (ch.read(tail, from + tail.position()) < 0) {
        break;
      }
    }
    String text = new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8);
    String last = text.strip();
    last = last.substring(last.lastIndexOf('\n') + 1);
    int at = last.lastIndexOf(CHAIN);
    return at < 0 ? link(START, last) : last.substring(at + CHAIN.length());
  }

  /** The chain value of {@code line} after {@code previous}. */
  static String link(String previous, String line) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(previous.getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) '\n');
      sha.update(line.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /**
   * What {@link #verify} found: the lines read, those at the start written before the chain began
   * (by a version without it), and the first line (1-based) whose chain does not hold, 0 when all
   * hold.
   */
  public record Verification(long lines, long beforeTheChain, long firstBroken, String brokenAt) {
    public boolean intact() {
      return firstBroken == 0;
    }
  }

  /**
   * Recomputes the chain of {@code file} line by line. Lines at the start without a chain value
   * were written before the chain began; the first chained line chains to the last of them. Lines
   * cut off the end leave no trace in the file itself (the copies sent to the audit repository do).
   *
   * @return where it breaks, if it does: {@code brokenAt} is that line's time and event only
   */
  public static Verification verify(Path file) throws IOException {
    long lines = 0;
    long before = 0;
    String lastBefore = null;
    String chain = null;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines++;
        int at = line.lastIndexOf(CHAIN);
        if (at < 0 && chain == null) {
          before++;
          lastBefore = line;
          continue;
        }
        if (chain == null) {
          chain = lastBefore == null ? START : link(START, lastBefore);
        }
        if (at < 0
            || !line.substring(at + CHAIN.length()).equals(link(chain, line.substring(0, at)))) {
          return new Verification(lines, before, lines, timeAndEvent(line));
        }
        chain = line.substring(at + CHAIN.length());
      }
    }
    return new Verification(lines, before, 0, null);
  }

  private static String timeAndEvent(String line) {
    String[] words = line.split(" ", 3);
    return words.length >= 2 ? words[0] + " " + words[1] : "(unreadable line)";
  }
}
