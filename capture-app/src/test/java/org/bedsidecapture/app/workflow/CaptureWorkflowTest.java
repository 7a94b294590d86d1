package org.bedsidecapture.app.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bedsidecapture.app.fhir.LookupResult;
import org.bedsidecapture.app.workflow.CaptureWorkflow.Step;
import org.bedsidecapture.dicom.testing.Contexts;
import org.bedsidecapture.dicom.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** The bedside workflow walked without a screen: every step, guard, way out and the idle time. */
class CaptureWorkflowTest {
  private static final Duration IDLE = Duration.ofMinutes(5);
  private static final LookupResult.Found FOUND =
      new LookupResult.Found(Contexts.typical(), List.of(), false);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
  private CaptureWorkflow workflow =
      new CaptureWorkflow(clock, IDLE, CaptureWorkflow.WhenIdle.END_SESSION);

  private Step step() {
    return workflow.state().step();
  }

  private void confirmedWithCaptures(int captures) {
    workflow.signIn("Nurse^Nora");
    workflow.lookingUp();
    workflow.lookedUp(FOUND);
    workflow.confirm();
    for (int i = 0; i < captures; i++) {
      workflow.captured();
    }
  }

  @Test
  void scanConfirmCaptureReviewSendAndThePatientLeavesTheScreen() {
    workflow.signIn("Nurse^Nora");
    assertThat(step()).isEqualTo(Step.READY_TO_SCAN);
    workflow.lookingUp();
    workflow.lookedUp(FOUND);
    assertThat(step()).isEqualTo(Step.CONFIRM_PATIENT);
    assertThat(workflow.state().patient()).as("shown, not yet confirmed").isNull();

    workflow.confirm();
    assertThat(step()).isEqualTo(Step.CAPTURING);
    assertThat(workflow.state().patient()).isEqualTo(Contexts.typical());
    workflow.captured();
    workflow.captured();
    workflow.review();
    workflow.deleted();
    workflow.backToCapture();
    workflow.captured();
    assertThat(workflow.state().unsent()).isEqualTo(2);

    workflow.send();
    assertThat(step()).isEqualTo(Step.SENDING);
    workflow.sent();
    assertThat(workflow.state())
        .isEqualTo(
            new CaptureWorkflow.State(
                Step.READY_TO_SCAN,
                "Nurse^Nora",
                null,
                null,
                0,
                0,
                null,
                new CaptureWorkflow.Ending(
                    CaptureWorkflow.Ending.Why.SENT, "Nurse^Nora", null, 0, 0)));
  }

  @Test
  void nothingIsCapturedBeforeTheUserConfirmedThePatient() {
    assertThatThrownBy(workflow::captured).hasMessage("captured is not allowed in step SIGNED_OUT");
    workflow.signIn("Nurse^Nora");
    assertThatThrownBy(workflow::captured).hasMessageContaining("READY_TO_SCAN");
    workflow.lookingUp();
    assertThatThrownBy(workflow::captured).hasMessageContaining("LOOKING_UP");
    for (LookupResult r :
        List.of(
            FOUND,
            new LookupResult.Found(Contexts.typical(), List.of("merged"), false),
            new LookupResult.Found(Contexts.typical(), List.of(), true),
            new LookupResult.Choose("two records", List.of()),
            new LookupResult.NotFound("MRN X"),
            new LookupResult.Stop("another patient"))) {
      workflow.lookedUp(r);
      assertThatThrownBy(workflow::captured).hasMessageContaining("not allowed");
      assertThatThrownBy(workflow::send).hasMessageContaining("not allowed");
      workflow.scanAgain();
      assertThat(step()).isEqualTo(Step.READY_TO_SCAN);
      assertThat(workflow.state().lookup()).isNull();
      workflow.lookingUp();
    }
  }

  @Test
  void eachLookupOutcomeHasItsOwnStepAndWayOut() {
    workflow.signIn("Nurse^Nora");
    workflow.lookingUp();
    workflow.lookedUp(new LookupResult.Choose("two current encounters", List.of()));
    assertThat(step()).isEqualTo(Step.CHOOSE_RECORD);
    workflow.lookingUp();
    workflow.lookedUp(new LookupResult.Found(Contexts.typical(), List.of("merged into"), false));
    assertThat(step()).isEqualTo(Step.CONFIRM_MERGED_RECORD);
    workflow.confirm();
    assertThat(step()).isEqualTo(Step.CAPTURING);
    workflow.leave();

    workflow.lookingUp();
    workflow.lookedUp(new LookupResult.Found(Contexts.typical(), List.of(), true));
    assertThat(step()).isEqualTo(Step.OVERRIDE_FINISHED_ENCOUNTER);
    assertThatThrownBy(workflow::confirm).as("the override comes first").isNotNull();
    workflow.overrideFinishedEncounter();
    assertThat(step()).as("and the patient is still confirmed").isEqualTo(Step.CONFIRM_PATIENT);
    workflow.scanAgain();

    workflow.lookingUp();
    workflow.lookedUp(new LookupResult.Stop("the encounter belongs to another patient"));
    assertThat(step()).isEqualTo(Step.STOPPED_MISMATCH);
    assertThatThrownBy(workflow::confirm).isNotNull();
    workflow.scanAgain();

    workflow.lookingUp();
    workflow.lookedUp(new LookupResult.NotFound("no patient with MRN X"));
    assertThat(step()).isEqualTo(Step.NOT_FOUND);
    workflow.scanAgain();

    workflow.lookingUp();
    workflow.lookupFailed("the EHR did not answer in time: try again");
    assertThat(workflow.state())
        .extracting(CaptureWorkflow.State::step, CaptureWorkflow.State::message)
        .containsExactly(Step.EHR_UNAVAILABLE, "the EHR did not answer in time: try again");
    workflow.scanAgain();
    assertThat(step()).isEqualTo(Step.READY_TO_SCAN);
  }

  @Test
  void leavingWithUnsentCapturesAsksFirstAndKeepsThem() {
    confirmedWithCaptures(2);
    workflow.leave();
    assertThat(step()).isEqualTo(Step.LEAVE_WITH_UNSENT);
    workflow.backToCapture();
    assertThat(step()).isEqualTo(Step.CAPTURING);
    workflow.leave();
    workflow.leaveKeepingCaptures();

    assertThat(workflow.state().step()).isEqualTo(Step.READY_TO_SCAN);
    assertThat(workflow.state().patient()).isNull();
    assertThat(workflow.state().kept()).isEqualTo(2);
    assertThat(workflow.state().ending())
        .isEqualTo(
            new CaptureWorkflow.Ending(
                CaptureWorkflow.Ending.Why.LEFT, "Nurse^Nora", null, IDLE.toMinutes(), 2));
  }

  @Test
  void afterTheIdleTimeThePatientLeavesTheScreenAndTheCapturesStayKept() {
    confirmedWithCaptures(3);
    clock.advance(IDLE.minusSeconds(1));
    workflow.checkIdle();
    assertThat(step()).isEqualTo(Step.CAPTURING);
    workflow.activity();
    clock.advance(IDLE.minusSeconds(1));
    workflow.checkIdle();
    assertThat(step()).as("activity restarts the idle time").isEqualTo(Step.CAPTURING);

    clock.advance(Duration.ofSeconds(1));
    workflow.checkIdle();

    assertThat(workflow.state().step()).isEqualTo(Step.READY_TO_SCAN);
    assertThat(workflow.state().patient()).isNull();
    assertThat(workflow.state().unsent()).isZero();
    assertThat(workflow.state().kept()).isEqualTo(3);
    assertThat(workflow.state().ending())
        .isEqualTo(
            new CaptureWorkflow.Ending(CaptureWorkflow.Ending.Why.IDLE, "Nurse^Nora", null, 5, 3));
  }

  @Test
  void aLookupLeftUnconfirmedIsDroppedAfterTheIdleTime() {
    workflow.signIn("Nurse^Nora");
    workflow.lookingUp();
    workflow.lookedUp(FOUND);
    clock.advance(IDLE);
    workflow.checkIdle();

    assertThat(step()).isEqualTo(Step.READY_TO_SCAN);
    assertThat(workflow.state().lookup()).isNull();
  }

  @Test
  void lockingHidesNothingItKeepsAndUnlockingReturnsWhereTheUserWas() {
    confirmedWithCaptures(1);
    workflow.lock();
    assertThat(step()).isEqualTo(Step.LOCKED);
    assertThatThrownBy(workflow::captured).isNotNull();
    workflow.unlock();
    assertThat(step()).isEqualTo(Step.CAPTURING);
    assertThat(workflow.state().unsent()).isEqualTo(1);
    assertThatThrownBy(workflow::unlock).isNotNull();
  }

  @Test
  void withOperatorsTheIdleTimeEndsTheSessionAndLocksTheScreen() {
    CaptureWorkflow locking = new CaptureWorkflow(clock, IDLE, CaptureWorkflow.WhenIdle.LOCK);
    locking.signIn("nora.n");
    locking.lookingUp();
    locking.lookedUp(FOUND);
    locking.confirm();
    locking.captured();

    clock.advance(IDLE);
    locking.checkIdle();

    assertThat(locking.state().step()).isEqualTo(Step.LOCKED);
    assertThat(locking.state().patient()).isNull();
    assertThat(locking.state().kept()).isEqualTo(1);
    locking.unlock();
    assertThat(locking.state().step()).isEqualTo(Step.READY_TO_SCAN);
    assertThat(locking.state().operator()).isEqualTo("nora.n");

    clock.advance(IDLE);
    locking.checkIdle();
    assertThat(locking.state().step()).as("idle on Ready to scan locks too").isEqualTo(Step.LOCKED);
  }

  @Test
  void aScreenLockedWithAPatientForgetsThePatientAfterTheIdleTime() {
    confirmedWithCaptures(1);
    workflow.lock();

    clock.advance(IDLE);
    workflow.checkIdle();

    assertThat(step()).isEqualTo(Step.LOCKED);
    assertThat(workflow.state().patient()).isNull();
    assertThat(workflow.state().kept()).isEqualTo(1);
    workflow.unlock();
    assertThat(step()).isEqualTo(Step.READY_TO_SCAN);
  }

  @Test
  void anotherOperatorAtTheLockedScreenEndsTheFirstOnesSessionKeepingItsCaptures() {
    confirmedWithCaptures(2);
    workflow.lock();

    workflow.signInInstead("ida");

    assertThat(step()).isEqualTo(Step.READY_TO_SCAN);
    assertThat(workflow.state().operator()).isEqualTo("ida");
    assertThat(workflow.state().patient()).isNull();
    assertThat(workflow.state().kept()).isEqualTo(2);
    assertThat(workflow.state().ending())
        .isEqualTo(
            new CaptureWorkflow.Ending(
                CaptureWorkflow.Ending.Why.OTHER_OPERATOR, "Nurse^Nora", "ida", 5, 2));
    assertThatThrownBy(() -> workflow.signInInstead("ida")).isNotNull();
  }

  @Test
  void whereTheSiteSaysSendATakenOverSessionsCapturesAreSentNotKept() {
    workflow =
        new CaptureWorkflow(
            clock, IDLE, CaptureWorkflow.WhenIdle.LOCK, CaptureWorkflow.WhenTakenOver.SEND);
    confirmedWithCaptures(2);
    workflow.lock();

    workflow.signInInstead("ida");

    assertThat(workflow.state().kept()).isZero();
    assertThat(workflow.state().ending())
        .isEqualTo(
            new CaptureWorkflow.Ending(
                CaptureWorkflow.Ending.Why.TAKEN_OVER_SENT, "Nurse^Nora", "ida", 5, 0));
  }

  @Test
  void settingsOpenOnlyWithoutAPatient() {
    confirmedWithCaptures(0);
    assertThatThrownBy(workflow::openSettings).isNotNull();
    workflow.leave();
    workflow.openSettings();
    assertThat(step()).isEqualTo(Step.SETTINGS);
    workflow.closeSettings();
    assertThat(step()).isEqualTo(Step.READY_TO_SCAN);
    assertThatThrownBy(workflow::send).isNotNull();
  }

  @Test
  void aListenerMayAskTheWorkflowFromAnotherThread() throws Exception {
    var screen = Executors.newSingleThreadExecutor();
    List<Step> shown = new CopyOnWriteArrayList<>();
    workflow.addListener(
        s -> {
          try {
            shown.add(screen.submit(() -> workflow.state().step()).get(60, TimeUnit.SECONDS));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    try {
      confirmedWithCaptures(1);
    } finally {
      screen.shutdownNow();
    }
    assertThat(shown)
        .containsExactly(
            Step.READY_TO_SCAN,
            Step.LOOKING_UP,
            Step.CONFIRM_PATIENT,
            Step.CAPTURING,
            Step.CAPTURING);
  }
}
