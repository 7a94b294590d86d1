package org.bedsidecapture.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bedsidecapture.app.AppContext;
import org.bedsidecapture.app.service.OperatorAudit;
import org.bedsidecapture.app.workflow.CaptureWorkflow;
import org.bedsidecapture.dicom.outbox.AuditLog;
import org.bedsidecapture.dicom.testing.Storescp;
import org.bedsidecapture.dicom.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A station whose site settings name an audit repository (rsyslog with its TLS driver) sends it
 * what happens at the station — the app started and stopped, operators signing in, a takeover at
 * the lock — each message valid against the DICOM audit message schema.
 */
class AuditTrailIT {
  @TempDir Path dir;

  @Test
  void theStationsEventsReachTheSitesAuditRepositoryAsValidDicomAuditMessages() throws Exception {
    TestPki pki = TestPki.create(dir.resolve("pki"));
    int port = Storescp.freePort();
    Path home = Files.createDirectories(dir.resolve("home"));
    Files.writeString(
        home.resolve("site.properties"),
        "station.ae-title=EDCART7\n"
            + "institution.name=St. Example\n"
            + "audit.repository=syslog-tls://localhost:"
            + port
            + "\ntls.key-store="
            + pki.stationKeyStore()
            + "\ntls.key-store-password-file="
            + pki.stationKeyStorePasswordFile()
            + "\ntls.trusted-certificates="
            + pki.authority()
            + "\n");
    AppContext app = new AppContext(home, Clock.systemUTC());

    try (Rsyslog repository = Rsyslog.start(dir.resolve("repository"), pki, port)) {
      try (AuditTrail trail = app.auditTrail()) {
        trail.applicationStarted("kiosk");
        CaptureWorkflow workflow =
            new CaptureWorkflow(
                Clock.systemUTC(), Duration.ofMinutes(5), CaptureWorkflow.WhenIdle.LOCK);
        OperatorAudit.of(
            workflow, new AuditLog(home.resolve("audit.log"), Clock.systemUTC()), trail);
        workflow.signIn("ida");
        workflow.lock();
        workflow.signInInstead("bob");
        trail.applicationStopped("kiosk");

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> repository.received().size() >= 5);
      }
      List<String> received = repository.received();
      assertThat(received).hasSize(5);
      assertThat(received.get(0)).contains("originalText=\"Application Start\"");
      assertThat(received.get(1)).contains("originalText=\"Login\"").contains("UserID=\"ida\"");
      assertThat(received.get(2)).contains("originalText=\"Logout\"").contains("UserID=\"ida\"");
      assertThat(received.get(3)).contains("originalText=\"Login\"").contains("UserID=\"bob\"");
      assertThat(received.get(4)).contains("originalText=\"Application Stop\"");
      for (String line : received) {
        assertThat(AuditMessagesTest.invalid(line.substring(line.indexOf(' ') + 1)))
            .as(line)
            .isEmpty();
      }
    }
  }
}
