package org.bedsidecapture.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.bedsidecapture.app.settings.SiteSettings;
import org.bedsidecapture.dicom.outbox.AuditLog;
import org.bedsidecapture.dicom.outbox.Outbox;
import org.bedsidecapture.dicom.outbox.OutboxKey;
import org.bedsidecapture.dicom.outbox.OutboxLock;
import org.bedsidecapture.dicom.outbox.RetryPolicy;

/** Opens the station's outbox: {@code outbox/} in the station's data folder. */
public final class AppOutbox {
  /**
   * How long a command waits for another process to give the outbox up: a {@code send} started
   * while another one delivers waits for it; the capture app holds the outbox while it runs.
   */
  public static final Duration WAIT_FOR_OTHER_HOLDER = Duration.ofMinutes(5);

  private AppOutbox() {}

  /** The station's audit log, beside the outbox in the data folder {@code data}. */
  public static AuditLog audit(Path data, Clock clock) {
    return new AuditLog(data.resolve("audit.log"), clock);
  }

  /**
   * Opens the outbox for {@code purpose} (what the holder is doing, shown to whoever has to wait
   * for it); when another process holds it, {@code err} is told who, and the call waits for it.
   */
  public static Outbox open(
      Path data, SiteSettings settings, Clock clock, String purpose, PrintWriter err)
      throws IOException {
    return Outbox.open(
        data.resolve("outbox"),
        OutboxKey.openOrCreate(settings.outboxKeyFile()),
        clock,
        RetryPolicy.standard(),
        audit(data, clock),
        new OutboxLock.Owner(
            purpose,
            WAIT_FOR_OTHER_HOLDER,
            holder -> {
              err.println(
                  "waiting for the outbox: it is in use by "
                      + holder
                      + " (up to "
                      + WAIT_FOR_OTHER_HOLDER.toMinutes()
                      + " minutes)");
              err.flush();
            }));
  }
}
