package org.bedsidecapture.app.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.bedsidecapture.app.fhir.LookupResult;
import org.bedsidecapture.dicom.EncounterContext;

/**
 * The bedside workflow as a state machine that the screens observe: signed out → ready to scan →
 * looking up → confirm the patient (or one of the lookup's guard states) → capturing ⇄ reviewing →
 * sending → ready to scan; plus locked and settings. Its guards are code: nothing is captured
 * before the user explicitly confirmed the patient; a choice between records, a merged record, a
 * finished encounter, a mismatch, nothing found and an EHR that cannot be reached each have their
 * own step and way out; leaving with unsent captures asks first; after the site's idle time the
 * patient leaves the screen and the captures taken stay kept. Plain Java, thread-safe; listeners
 * are told every new state outside the workflow's lock, in order. Time comes from the clock handed
 * in.
 */
public final class CaptureWorkflow {
  /** Where the user is. */
  public enum Step {
    SIGNED_OUT,
    READY_TO_SCAN,
    LOOKING_UP,
    CHOOSE_RECORD,
    CONFIRM_PATIENT,
    CONFIRM_MERGED_RECORD,
    OVERRIDE_FINISHED_ENCOUNTER,
    STOPPED_MISMATCH,
    NOT_FOUND,
    EHR_UNAVAILABLE,
    CAPTURING,
    REVIEWING,
    LEAVE_WITH_UNSENT,
    SENDING,
    LOCKED,
    SETTINGS
  }

  /** Steps in which a confirmed patient is on the screen. */
  private static final Set<Step> WITH_PATIENT =
      Set.of(Step.CAPTURING, Step.REVIEWING, Step.LEAVE_WITH_UNSENT, Step.SENDING);

  /** Steps in which a lookup's patient is shown, not yet confirmed. */
  private static final Set<Step> LOOKUP_SHOWN =
      Set.of(
          Step.CHOOSE_RECORD,
          Step.CONFIRM_PATIENT,
          Step.CONFIRM_MERGED_RECORD,
          Step.OVERRIDE_FINISHED_ENCOUNTER,
          Step.STOPPED_MISMATCH,
          Step.NOT_FOUND,
          Step.EHR_UNAVAILABLE);

  /**
   * What the screens show.
   *
   * @param lookup the lookup's result while it is being confirmed or chosen from, else null
   * @param patient the confirmed encounter while capturing, reviewing or sending, else null
   * @param unsent captures of this session not yet sent
   * @param kept captures kept from sessions that ended without sending (idle, left on purpose)
   * @param message why the EHR could not answer, on {@link Step#EHR_UNAVAILABLE}; else null
   * @param ending how the last session ended, for the note on Ready to scan; null when none just
   *     did
   */
  public record State(
      Step step,
      String operator,
      LookupResult lookup,
      EncounterContext patient,
      int unsent,
      int kept,
      String message,
      Ending ending) {

    public State(
        Step step,
        String operator,
        LookupResult lookup,
        EncounterContext patient,
        int unsent,
        int kept,
        String message) {
      this(step, operator, lookup, patient, unsent, kept, message, null);
    }
  }

  /**
   * How a session ended, for the note the screen words in the user's language.
   *
   * @param operator whose session it was
   * @param next who signed in and ended it ({@link Why#OTHER_OPERATOR}), else null
   * @param idleMinutes the site's idle time ({@link Why#IDLE}, {@link Why#IDLE_LOCKED})
   * @param kept how many of that session's captures were kept, not sent
   */
  public record Ending(Why why, String operator, String next, long idleMinutes, int kept) {
    /** Why the session ended. */
    public enum Why {
      SENT,
      LEFT,
      IDLE,
      IDLE_LOCKED,
      OTHER_OPERATOR,
      TAKEN_OVER_SENT
    }
  }

  private final Clock clock;
  private final Duration idleTimeout;
  private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
  private final Object telling = new Object();
  private State state = new State(Step.SIGNED_OUT, null, null, null, 0, 0, null);
  private Step beforeInterruption;
  private Instant lastActivity;
  private long changes;
  private long told;

  /** What the site's idle time does besides ending a session with a patient on screen. */
  public enum WhenIdle {
    /** Nothing more: the station stays signed in (no operators are set up). */
    END_SESSION,
    /** The screen locks too: signed-in operators sign in again to go on. */
    LOCK
  }

  private final WhenIdle whenIdle;

  /** What becomes of a session's unsent captures when another operator signs in at its lock. */
  public enum WhenTakenOver {
    /** Held in the outbox for the first operator's review ({@code Send kept captures}). */
    KEEP,
    /** Sent: the first operator confirmed the patient, and the captures go to the archive. */
    SEND
  }

  private final WhenTakenOver whenTakenOver;

  public CaptureWorkflow(Clock clock, Duration idleTimeout, WhenIdle whenIdle) {
    this(clock, idleTimeout, whenIdle, WhenTakenOver.KEEP);
  }

  public CaptureWorkflow(
      Clock clock, Duration idleTimeout, WhenIdle whenIdle, WhenTakenOver whenTakenOver) {
    this.clock = clock;
    this.idleTimeout = idleTimeout;
    this.whenIdle = whenIdle;
    this.whenTakenOver = whenTakenOver;
    this.lastActivity = clock.instant();
  }

  /** The site's choice for a session another operator takes over. */
  public WhenTakenOver whenTakenOver() {
    return whenTakenOver;
  }

  public synchronized State state() {
    return state;
  }

  /** Told every new state, outside the workflow's lock. */
  public void addListener(Consumer<State> listener) {
    listeners.add(listener);
  }

  public void signIn(String operator) {
    change(
        () -> {
          require("signIn", Step.SIGNED_OUT);
          return new State(Step.READY_TO_SCAN, operator, null, null, 0, state.kept(), null);
        });
  }

  /** A wristband or label was read (or a manual search started): the lookup is under way. */
  public void lookingUp() {
    change(
        () -> {
          require("lookingUp", Step.READY_TO_SCAN, Step.CHOOSE_RECORD);
          return with(Step.LOOKING_UP, null, null, null);
        });
  }

  /** The lookup's answer: each kind leads to its own step; only one may lead to capture. */
  public void lookedUp(LookupResult result) {
    change(
        () -> {
          require("lookedUp", Step.LOOKING_UP);
          return with(stepFor(result), result, null, null);
        });
  }

  private static Step stepFor(LookupResult result) {
    if (result instanceof LookupResult.Found f) {
      if (f.overrideNeeded()) {
        return Step.OVERRIDE_FINISHED_ENCOUNTER;
      }
      return f.warnings().isEmpty() ? Step.CONFIRM_PATIENT : Step.CONFIRM_MERGED_RECORD;
    }
    if (result instanceof LookupResult.Choose) {
      return Step.CHOOSE_RECORD;
    }
    return result instanceof LookupResult.NotFound ? Step.NOT_FOUND : Step.STOPPED_MISMATCH;
  }

  /** The EHR could not be asked (down, timed out, refused): said, and the user scans again. */
  public void lookupFailed(String why) {
    change(
        () -> {
          require("lookupFailed", Step.LOOKING_UP);
          return with(Step.EHR_UNAVAILABLE, null, null, why);
        });
  }

  /**
   * The user overrides the warning that the encounter is not current; the patient must still be
   * confirmed.
   */
  public void overrideFinishedEncounter() {
    change(
        () -> {
          require("overrideFinishedEncounter", Step.OVERRIDE_FINISHED_ENCOUNTER);
          return with(Step.CONFIRM_PATIENT, state.lookup(), null, null);
        });
  }

  /** The user confirmed the patient by two identifiers: capture may begin. */
  public void confirm() {
    change(
        () -> {
          require("confirm", Step.CONFIRM_PATIENT, Step.CONFIRM_MERGED_RECORD);
          LookupResult.Found found = (LookupResult.Found) state.lookup();
          return with(Step.CAPTURING, null, found.context(), null);
        });
  }

  /** Back from a guard step (or from confirming) to scanning: nothing is kept of the lookup. */
  public void scanAgain() {
    change(
        () -> {
          require("scanAgain", LOOKUP_SHOWN.toArray(Step[]::new));
          return with(Step.READY_TO_SCAN, null, null, null);
        });
  }

  /** A capture was taken (it is already safe on disk). Only for a confirmed patient. */
  public void captured() {
    change(
        () -> {
          require("captured", Step.CAPTURING);
          return unsent(state.unsent() + 1, Step.CAPTURING);
        });
  }

  /** A capture of this session was deleted on purpose during review. */
  public void deleted() {
    change(
        () -> {
          require("deleted", Step.REVIEWING);
          if (state.unsent() == 0) {
            throw new IllegalStateException("no capture to delete");
          }
          return unsent(state.unsent() - 1, Step.REVIEWING);
        });
  }

  public void review() {
    change(
        () -> {
          require("review", Step.CAPTURING);
          return unsent(state.unsent(), Step.REVIEWING);
        });
  }

  public void backToCapture() {
    change(
        () -> {
          require("backToCapture", Step.REVIEWING, Step.LEAVE_WITH_UNSENT);
          return unsent(state.unsent(), Step.CAPTURING);
        });
  }

  /** Everything of this session goes to the outbox. */
  public void send() {
    change(
        () -> {
          require("send", Step.CAPTURING, Step.REVIEWING, Step.LEAVE_WITH_UNSENT);
          if (state.unsent() == 0) {
            throw new IllegalStateException("nothing to send");
          }
          return unsent(state.unsent(), Step.SENDING);
        });
  }

  /** The session's captures are in the outbox: the patient leaves the screen. */
  public void sent() {
    change(
        () -> {
          require("sent", Step.SENDING);
          return readyAfter(new Ending(Ending.Why.SENT, state.operator(), null, 0, 0));
        });
  }

  /**
   * The user wants to end the session: without unsent captures it ends; with them, the user is
   * asked first ({@link Step#LEAVE_WITH_UNSENT}).
   */
  public void leave() {
    change(
        () -> {
          require("leave", Step.CAPTURING, Step.REVIEWING);
          if (state.unsent() > 0) {
            return unsent(state.unsent(), Step.LEAVE_WITH_UNSENT);
          }
          return new State(Step.READY_TO_SCAN, state.operator(), null, null, 0, state.kept(), null);
        });
  }

  /** Asked, the user leaves anyway: the captures are kept (not sent, never dropped). */
  public void leaveKeepingCaptures() {
    change(
        () -> {
          require("leaveKeepingCaptures", Step.LEAVE_WITH_UNSENT);
          return ended(Ending.Why.LEFT, null);
        });
  }

  /** Locks the screen: the patient leaves it; unlocking returns to where the user was. */
  public void lock() {
    change(
        () -> {
          if (state.step() == Step.SIGNED_OUT || state.step() == Step.LOCKED) {
            throw notAllowed("lock");
          }
          beforeInterruption = state.step();
          return keeping(Step.LOCKED);
        });
  }

  public void unlock() {
    change(
        () -> {
          require("unlock", Step.LOCKED);
          Step back = beforeInterruption;
          beforeInterruption = null;
          return keeping(back);
        });
  }

  /**
   * Another operator signs in at the locked screen: the session of the one who locked it ends, its
   * captures kept (held in the outbox for review or sending) or, where the site says {@link
   * WhenTakenOver#SEND}, sent (the caller has let them go); the new operator starts afresh.
   */
  public void signInInstead(String operator) {
    change(
        () -> {
          require("signInInstead", Step.LOCKED);
          beforeInterruption = null;
          boolean sending = whenTakenOver == WhenTakenOver.SEND && state.unsent() > 0;
          State ended =
              sending
                  ? readyAfter(
                      new Ending(
                          Ending.Why.TAKEN_OVER_SENT,
                          state.operator(),
                          operator,
                          idleTimeout.toMinutes(),
                          0))
                  : ended(Ending.Why.OTHER_OPERATOR, operator);
          return new State(
              Step.READY_TO_SCAN, operator, null, null, 0, ended.kept(), null, ended.ending());
        });
  }

  public void openSettings() {
    change(
        () -> {
          require("openSettings", Step.READY_TO_SCAN);
          return with(Step.SETTINGS, null, null, null);
        });
  }

  public void closeSettings() {
    change(
        () -> {
          require("closeSettings", Step.SETTINGS);
          return with(Step.READY_TO_SCAN, null, null, null);
        });
  }

  /** Something the user did, which keeps the session from timing out. */
  public synchronized void activity() {
    lastActivity = clock.instant();
  }

  /**
   * Called now and then: after the site's idle time without activity, a session with a patient on
   * the screen ends, the patient leaves the screen and its captures are kept; a lookup shown and
   * not confirmed is dropped.
   */
  public void checkIdle() {
    change(
        () -> {
          boolean idle =
              Duration.between(lastActivity, clock.instant()).compareTo(idleTimeout) >= 0;
          if (!idle) {
            return null;
          }
          if (state.step() == Step.LOCKED && (state.patient() != null || state.lookup() != null)) {
            State ended = ended(Ending.Why.IDLE_LOCKED, null);
            beforeInterruption = Step.READY_TO_SCAN;
            return new State(
                Step.LOCKED, ended.operator(), null, null, 0, ended.kept(), null, ended.ending());
          }
          State next = null;
          if (WITH_PATIENT.contains(state.step()) && state.step() != Step.SENDING) {
            next = ended(Ending.Why.IDLE, null);
          } else if (LOOKUP_SHOWN.contains(state.step())) {
            next = with(Step.READY_TO_SCAN, null, null, null);
          }
          boolean locking =
              whenIdle == WhenIdle.LOCK
                  && state.step() != Step.SIGNED_OUT
                  && state.step() != Step.LOCKED
                  && state.step() != Step.SENDING;
          if (!locking) {
            return next;
          }
          State before = next == null ? state : next;
          beforeInterruption = before.step();
          return new State(
              Step.LOCKED,
              before.operator(),
              before.lookup(),
              before.patient(),
              before.unsent(),
              before.kept(),
              before.message(),
              before.ending());
        });
  }

  /** Ready to scan after a session whose captures were all sent. */
  private State readyAfter(Ending ending) {
    return new State(
        Step.READY_TO_SCAN, state.operator(), null, null, 0, state.kept(), null, ending);
  }

  private State ended(Ending.Why why, String next) {
    return new State(
        Step.READY_TO_SCAN,
        state.operator(),
        null,
        null,
        0,
        state.kept() + state.unsent(),
        null,
        new Ending(why, state.operator(), next, idleTimeout.toMinutes(), state.unsent()));
  }

  private State with(Step step, LookupResult lookup, EncounterContext patient, String message) {
    return new State(
        step, state.operator(), lookup, patient, state.unsent(), state.kept(), message);
  }

  /** The same session, lookup and captures in another step. */
  private State keeping(Step step) {
    return new State(
        step,
        state.operator(),
        state.lookup(),
        state.patient(),
        state.unsent(),
        state.kept(),
        null);
  }

  private State unsent(int unsent, Step step) {
    return new State(step, state.operator(), null, state.patient(), unsent, state.kept(), null);
  }

  /** The guard: {@code action} is allowed only in these steps. */
  private void require(String action, Step... allowed) {
    for (Step s : allowed) {
      if (state.step() == s) {
        return;
      }
    }
    throw notAllowed(action);
  }

  private IllegalStateException notAllowed(String what) {
    return new IllegalStateException(what + " is not allowed in step " + state.step());
  }

  private interface Transition {
    /** The next state, or null for no change; throws when the step does not allow it. */
    State next();
  }

  private void change(Transition transition) {
    synchronized (this) {
      State next = transition.next();
      if (next == null) {
        return;
      }
      state = next;
      lastActivity = clock.instant();
      changes++;
    }
    tell();
  }

  private void tell() {
    synchronized (telling) {
      State s;
      synchronized (this) {
        if (changes == told) {
          return;
        }
        told = changes;
        s = state;
      }
      for (Consumer<State> l : listeners) {
        l.accept(s);
      }
    }
  }
}
