package org.bedsidecapture.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bedsidecapture.app.AppContext;
import org.bedsidecapture.app.cli.BedsideCaptureCommand;
import org.bedsidecapture.app.demo.WristbandSheet;
import org.bedsidecapture.app.fhir.demo.SyntheticEhr;
import org.bedsidecapture.app.service.OperatorAudit;
import org.bedsidecapture.app.workflow.CaptureWorkflow;
import org.bedsidecapture.dicom.outbox.AuditLog;
import org.bedsidecapture.dicom.testing.Storescp;
import org.bedsidecapture.dicom.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import picocli.CommandLine;

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
    Path home = stationReportingTo(port, pki);
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
        workflow.unlock();
        workflow.lock();
        workflow.signInInstead("bob");
        trail.applicationStopped("kiosk");

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> repository.received().size() >= 8);
      }
      List<String> received = repository.received();
      assertThat(received).hasSize(8);
      assertThat(received.get(0)).contains("originalText=\"Application Start\"");
      assertThat(received.get(1)).contains("originalText=\"Login\"").contains("UserID=\"ida\"");
      assertThat(received.get(2))
          .contains("originalText=\"Logout\"")
          .contains("UserID=\"ida\"")
          .contains("station locked");
      assertThat(received.get(3))
          .contains("originalText=\"Login\"")
          .contains("UserID=\"ida\"")
          .contains("station unlocked");
      assertThat(received.get(4)).contains("station locked");
      assertThat(received.get(5))
          .as("the takeover ends ida's session")
          .contains("originalText=\"Logout\"")
          .contains("UserID=\"ida\"")
          .doesNotContain("station locked");
      assertThat(received.get(6)).contains("originalText=\"Login\"").contains("UserID=\"bob\"");
      assertThat(received.get(7)).contains("originalText=\"Application Stop\"");
      allValid(received);
    }
  }

  /**
   * The demo's capture path on the command line (a wristband looked up in the EHR, the patient
   * confirmed, two photos and a clip, sent, delivered to the archive, the copies purged) and a
   * settings change: each reaches the repository as the DICOM audit message a privacy officer reads
   * — who looked up whom, who captured what for whom, where it went.
   */
  @Test
  void theCapturePathReachesTheRepositoryWithThePatientTheStudyAndTheArchive() throws Exception {
    TestPki pki = TestPki.create(dir.resolve("pki"));
    int port = Storescp.freePort();
    Path home = stationReportingTo(port, pki);
    WristbandSheet.Label patient = SyntheticEhr.wristbands().get(0);

    try (Rsyslog repository = Rsyslog.start(dir.resolve("repository"), pki, port)) {
      AppContext app = new AppContext(home, Clock.systemUTC());
      app.actingAs("os:nurse");
      CommandLine demo = BedsideCaptureCommand.commandLine(app);
      StringWriter err = new StringWriter();
      demo.setErr(new PrintWriter(err, true));
      demo.setOut(new PrintWriter(new StringWriter(), true));
      assertThat(demo.execute("demo")).as(err.toString()).isZero();
      assertThat(demo.execute("settings", "set", "session.idle-minutes=4"))
          .as(err.toString())
          .isZero();
      app.close();

      WaitForAsyncUtils.waitFor(
          60,
          TimeUnit.SECONDS,
          () -> repository.received().stream().anyMatch(m -> m.contains("110131")));
      List<String> received = repository.received();
      allValid(received);
      String query = only(received, "originalText=\"Query\"");
      assertThat(query)
          .contains("UserID=\"os:nurse\" UserIsRequestor=\"true\"")
          .contains("originalText=\"Destination Role ID\"")
          .contains("ParticipantObjectTypeCodeRole=\"24\"")
          .contains("ParticipantObjectID=\"" + patient.mrn());
      Matcher asked = Pattern.compile("<ParticipantObjectQuery>([^<]+)<").matcher(query);
      assertThat(asked.find()).isTrue();
      assertThat(new String(Base64.getDecoder().decode(asked.group(1)), StandardCharsets.UTF_8))
          .startsWith("Patient?identifier=")
          .endsWith("|" + patient.mrn());
      assertThat(only(received, "originalText=\"Patient Record\""))
          .contains("EventActionCode=\"R\"")
          .contains("UserID=\"os:nurse\"")
          .contains("ParticipantObjectID=\"" + patient.mrn());
      List<String> created =
          received.stream()
              .filter(m -> m.contains("110103") && m.contains("EventActionCode=\"C\""))
              .toList();
      assertThat(created).as("two photos and a clip").hasSize(3);
      String study = studyUid(created.get(0));
      assertThat(only(received, "originalText=\"Begin Transferring DICOM Instances\""))
          .contains("ParticipantObjectID=\"" + study + "\"")
          .contains("NumberOfInstances=\"2\"")
          .contains("NumberOfInstances=\"1\"");
      List<String> transferred =
          received.stream()
              .filter(m -> m.contains("originalText=\"DICOM Instances Transferred\""))
              .toList();
      assertThat(transferred).isNotEmpty();
      assertThat(transferred)
          .allMatch(m -> m.contains("EventOutcomeIndicator=\"0\""))
          .allMatch(m -> m.contains("ParticipantObjectID=\"" + study + "\""))
          .allMatch(m -> m.contains("ParticipantObjectID=\"" + patient.mrn()));
      assertThat(transferred.stream().mapToLong(m -> m.split("<Instance ", -1).length - 1L).sum())
          .as("every object, once")
          .isEqualTo(3);
      assertThat(
              received.stream()
                  .filter(m -> m.contains("110103") && m.contains("EventActionCode=\"D\""))
                  .filter(m -> m.contains("purged"))
                  .mapToLong(m -> m.split("<Instance ", -1).length - 1L)
                  .sum())
          .as("every local copy purged, once")
          .isEqualTo(3);
      assertThat(only(received, "110131"))
          .as("the command's own OS account")
          .contains("UserID=\"os:" + System.getProperty("user.name") + "\"")
          .contains("session.idle-minutes");
    }
  }

  private Path stationReportingTo(int port, TestPki pki) throws java.io.IOException {
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
    return home;
  }

  private static String only(List<String> received, String marker) {
    List<String> with = received.stream().filter(m -> m.contains(marker)).toList();
    assertThat(with).as(marker).hasSize(1);
    return with.get(0);
  }

  private static String studyUid(String message) {
    Matcher m =
        Pattern.compile("ParticipantObjectID=\"([0-9.]+)\" ParticipantObjectTypeCode=\"2\"")
            .matcher(message);
    assertThat(m.find()).as(message).isTrue();
    return m.group(1);
  }

  private static void allValid(List<String> received) throws Exception {
    for (String line : received) {
      assertThat(AuditMessagesTest.invalid(line.substring(line.indexOf(' ') + 1)))
          .as(line)
          .isEmpty();
    }
  }
}
