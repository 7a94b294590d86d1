package org.bedsidecapture.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bedsidecapture.dicom.delivery.Tls;
import org.bedsidecapture.dicom.outbox.OutboxKey;
import org.bedsidecapture.dicom.testing.Storescp;
import org.bedsidecapture.dicom.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Audit messages to a real audit repository — rsyslog with its TLS driver, requiring the station's
 * certificate — through the encrypted queue: delivered in order; while the repository is down they
 * wait on disk (encrypted), across a restart of the app; when it is back they arrive, each once, in
 * the order they were made.
 */
class AuditDeliveryIT {
  @TempDir Path dir;
  private final Clock clock = Clock.systemUTC();

  /** The app's delivery to the repository on {@code port}, started. */
  private AuditDelivery delivery(AuditQueue queue, int port, Tls station) {
    return new AuditDelivery(
            queue,
            new SyslogSender("localhost", port, station, Duration.ofSeconds(10), "edcart7"),
            clock)
        .start();
  }

  @Test
  void messagesWaitThroughARepositoryDownAndAnAppRestartAndArriveInOrderEachOnce()
      throws Exception {
    TestPki pki = TestPki.create(dir.resolve("pki"));
    char[] password = Files.readString(pki.stationKeyStorePasswordFile()).toCharArray();
    Tls station = Tls.configure(pki.stationKeyStore(), password, pki.authority());
    OutboxKey key = OutboxKey.openOrCreate(dir.resolve("keys").resolve("outbox.key"));
    Path queueFolder = dir.resolve("audit-queue");
    int port = Storescp.freePort();
    Path repository = dir.resolve("repository");
    AuditMessages messages = new AuditMessages("EDCART7", "St. Example", "localhost");
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      made.add(
          messages.userAuthentication(
              true, "operator" + i, null, Instant.parse("2026-12-03T10:00:00Z").plusSeconds(i)));
    }

    try (Rsyslog up = Rsyslog.start(repository, pki, port);
        AuditDelivery app = delivery(AuditQueue.open(queueFolder, key), port, station)) {
      for (int i = 0; i < 3; i++) {
        app.audit(made.get(i));
      }
      WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> up.received().size() == 3);
    }

    AuditQueue whileDown = AuditQueue.open(queueFolder, key);
    try (AuditDelivery app = delivery(whileDown, port, station)) {
      app.audit(made.get(3));
      app.audit(made.get(4));
      assertThat(whileDown.size()).as("waiting while the repository is down").isEqualTo(2);
    }
    try (Stream<Path> files = Files.list(queueFolder)) {
      for (Path f : files.toList()) {
        assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
            .as("queued encrypted")
            .doesNotContain("operator");
      }
    }

    try (Rsyslog back = Rsyslog.start(repository, pki, port);
        AuditDelivery restarted = delivery(AuditQueue.open(queueFolder, key), port, station)) {
      WaitForAsyncUtils.waitFor(
          60,
          TimeUnit.SECONDS,
          () -> back.received().size() >= 5 && AuditQueue.open(queueFolder, key).size() == 0);
      List<String> received = back.received();
      assertThat(received).hasSize(5).allMatch(l -> l.startsWith("IHE+RFC-3881 <?xml"));
      for (int i = 0; i < 5; i++) {
        assertThat(received.get(i)).as("in order").contains("UserID=\"operator" + i + "\"");
      }
    }
  }

  /**
   * An audit repository showing a certificate the station's authorities did not sign is refused
   * saying so, and nothing is sent to it: the messages wait for the genuine one.
   */
  @Test
  void aRepositoryWithAnImpostorsCertificateIsRefusedAndGetsNothing() throws Exception {
    TestPki pki = TestPki.create(dir.resolve("pki"));
    char[] password = Files.readString(pki.stationKeyStorePasswordFile()).toCharArray();
    Tls station = Tls.configure(pki.stationKeyStore(), password, pki.authority());
    int port = Storescp.freePort();
    SyslogSender sender =
        new SyslogSender("localhost", port, station, Duration.ofSeconds(10), "localhost");

    try (Rsyslog impostor = Rsyslog.start(dir.resolve("impostor"), pki, port, true)) {
      assertThatThrownBy(
              () ->
                  sender.send(
                      new AuditMessages("EDCART7", null, "localhost")
                          .applicationActivity(true, "kiosk", Instant.now()),
                      Instant.now()))
          .hasMessageContaining("the audit repository at localhost:" + port)
          .hasMessageContaining("cannot be used over TLS")
          .hasMessageContaining("not signed by an authority this station trusts");
      assertThat(impostor.received()).isEmpty();
    } finally {
      sender.close();
    }
  }
}
