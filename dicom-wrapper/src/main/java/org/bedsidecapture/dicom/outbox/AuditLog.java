package org.bedsidecapture.dicom.outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The audit trail of what happened to patient data on this station, one line per event, with UIDs
 * and destinations only: never names or identifiers of the patient.
 */
public final class AuditLog {
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
   * Appends the events (each {@code {event, SOP Instance UID, detail}}) and flushes them to disk
   * once, before the caller acts on them.
   */
  synchronized void record(List<String[]> events) throws IOException {
    if (events.isEmpty()) {
      return;
    }
    String now = Instant.now(clock).toString();
    StringBuilder lines = new StringBuilder();
    for (String[] e : events) {
      lines.append(now).append(' ').append(e[0]).append(" sop=").append(e[1]);
      if (e[2] != null) {
        lines.append(' ').append(e[2].replace('\n', ' '));
      }
      lines.append('\n');
    }
    if (!Files.exists(file)) {
      PrivateFiles.createPrivate(file).close();
    }
    Files.writeString(
        file,
        lines,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.WRITE,
        StandardOpenOption.SYNC);
  }
}
