package org.bedsidecapture.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bedsidecapture.app.audit.AuditTrail;
import org.bedsidecapture.app.operators.Authenticator;
import org.bedsidecapture.app.operators.Operator;
import org.bedsidecapture.app.operators.SignIn;
import org.bedsidecapture.app.workflow.CaptureWorkflow;
import org.bedsidecapture.app.workflow.CaptureWorkflow.State;
import org.bedsidecapture.app.workflow.CaptureWorkflow.Step;
import org.bedsidecapture.dicom.PersonName;
import org.bedsidecapture.dicom.outbox.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorAuditTest {
  @TempDir Path dir;
  private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T07:00:00Z"), ZoneOffset.UTC);

  private Path log() {
    return dir.resolve("audit.log");
  }

  private List<String> events() throws IOException {
    return Files.readAllLines(log()).stream()
        .map(l -> l.substring(l.indexOf(' ') + 1, l.lastIndexOf(" chain=")))
        .toList();
  }

  @Test
  void signInLockUnlockAndATakeoverAtTheLockAreRecordedWithWhoNeverWithAPatient() throws Exception {
    CaptureWorkflow workflow =
        new CaptureWorkflow(clock, Duration.ofMinutes(5), CaptureWorkflow.WhenIdle.LOCK);
    OperatorAudit.of(workflow, new AuditLog(log(), clock), AuditTrail.none());

    workflow.signIn("ida");
    workflow.lock();
    workflow.unlock();
    workflow.lock();
    workflow.signInInstead("bob");

    assertThat(events())
        .containsExactly(
            "SIGNED_IN operator=ida",
            "LOCKED operator=ida",
            "UNLOCKED operator=ida",
            "LOCKED operator=ida",
            "TAKEN_OVER operator=bob from=ida");
    assertThat(AuditLog.verify(log()).intact()).isTrue();
  }

  @Test
  void overridingTheFinishedEncounterWarningAndSigningOutAreRecorded() throws Exception {
    OperatorAudit audit = new OperatorAudit(new AuditLog(log(), clock), AuditTrail.none());

    audit.accept(new State(Step.READY_TO_SCAN, "ida", null, null, 0, 0, null));
    audit.accept(new State(Step.OVERRIDE_FINISHED_ENCOUNTER, "ida", null, null, 0, 0, null));
    audit.accept(new State(Step.CONFIRM_PATIENT, "ida", null, null, 0, 0, null));
    audit.accept(new State(Step.CAPTURING, "ida", null, null, 0, 0, null));
    audit.accept(new State(Step.SIGNED_OUT, null, null, null, 0, 0, null));

    assertThat(events())
        .containsExactly(
            "WARNING_OVERRIDDEN operator=ida warning=finished-encounter",
            "SIGNED_OUT operator=ida");
  }

  @Test
  void refusedSignInsAreRecordedWithoutWhatWasTyped() throws Exception {
    OperatorAudit audit = new OperatorAudit(new AuditLog(log(), clock), AuditTrail.none());
    Instant until = Instant.parse("2026-12-03T07:05:00Z");
    Authenticator operators =
        audit.recordingRefusals(
            new Authenticator() {
              @Override
              public SignIn signIn(String user, char[] pin) {
                return switch (user) {
                  case "ida" ->
                      new SignIn.Accepted(
                          new Operator(
                              "ida", PersonName.of("Zzinstaller", "Ida"), Operator.Role.CAPTURE));
                  case "bob" -> new SignIn.LockedOut("bob", until);
                  default -> new SignIn.Refused("wrong user name or PIN");
                };
              }

              @Override
              public SignIn signInByBadge(String badge) {
                return new SignIn.Refused("unknown badge");
              }
            });

    operators.signIn("4711", "1234".toCharArray());
    operators.signInByBadge("BADGE-9");
    operators.signIn("bob", "0000".toCharArray());
    operators.signIn("ida", "1234".toCharArray());

    assertThat(events())
        .containsExactly(
            "SIGN_IN_REFUSED by=pin",
            "SIGN_IN_REFUSED by=badge",
            "SIGN_IN_LOCKED_OUT operator=bob until=2026-12-03T07:05:00Z");
    assertThat(Files.readString(log())).doesNotContain("4711").doesNotContain("BADGE-9");
  }
}
