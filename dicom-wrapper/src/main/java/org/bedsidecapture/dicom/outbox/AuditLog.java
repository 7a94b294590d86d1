package org.bedsidecapture.dicom.outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;

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

  synchronized void record(String event, String sopInstanceUid, String detail) throws IOException {
    String line =
        Instant.now(clock)
            + " "
            + event
            + " sop="
            + sopInstanceUid
            + (detail == null ? "" : " " + detail.replace('\n', ' '))
            + "\n";
    if (!Files.exists(file)) {
      PrivateFiles.createPrivate(file).close();
    }
    Files.writeString(
        file,
        line,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.WRITE,
        StandardOpenOption.SYNC);
  }
}
