package org.bedsidecapture.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.bedsidecapture.app.settings.SiteSettings;
import org.bedsidecapture.dicom.outbox.AuditLog;
import org.bedsidecapture.dicom.outbox.Outbox;
import org.bedsidecapture.dicom.outbox.OutboxKey;
import org.bedsidecapture.dicom.outbox.RetryPolicy;

/** Opens the station's outbox where the settings say: {@code outbox/} under the app's home. */
public final class AppOutbox {
  private AppOutbox() {}

  public static Outbox open(Path home, SiteSettings settings, Clock clock) throws IOException {
    return Outbox.open(
        home.resolve("outbox"),
        OutboxKey.openOrCreate(settings.outboxKeyFile()),
        clock,
        RetryPolicy.standard(),
        new AuditLog(home.resolve("audit.log"), clock));
  }
}
