package org.bedsidecapture.app.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.bedsidecapture.app.audit.AuditTrail;
import org.bedsidecapture.app.operators.Authenticator;
import org.bedsidecapture.app.operators.SignIn;
import org.bedsidecapture.app.workflow.CaptureWorkflow;
import org.bedsidecapture.app.workflow.CaptureWorkflow.State;
import org.bedsidecapture.app.workflow.CaptureWorkflow.Step;
import org.bedsidecapture.dicom.outbox.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who did what at the station, in its audit log, as the workflow moves: an operator signed in,
 * signed out, locked the station (or it locked itself on idle), unlocked it, took it over from
 * another operator, overrode the finished-encounter warning; and every sign-in the station refused.
 * Operators' user names and how they signed in only, never a patient (the records of the captures
 * themselves carry the objects' UIDs).
 */
public final class OperatorAudit implements Consumer<State> {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorAudit.class);

  private final AuditLog audit;
  private final AuditTrail trail;
  private State before;

  /**
   * @param audit the station's own audit log
   * @param trail the site's audit repository (or {@link AuditTrail#none()})
   */
  public OperatorAudit(AuditLog audit, AuditTrail trail) {
    this.audit = audit;
    this.trail = trail;
  }

  /** Records what the move from the last state to {@code now} means for the audit. */
  @Override
  public synchronized void accept(State now) {
    State was = before;
    before = now;
    trail.operator(now.step() == Step.SIGNED_OUT ? null : now.operator());
    if (was == null || was.step() == now.step() && same(was.operator(), now.operator())) {
      return;
    }
    if (was.step() == Step.SIGNED_OUT && now.step() != Step.SIGNED_OUT) {
      record("SIGNED_IN", "operator=" + now.operator());
      trail.signedIn(now.operator());
    } else if (now.step() == Step.SIGNED_OUT && was.step() != Step.SIGNED_OUT) {
      record("SIGNED_OUT", "operator=" + was.operator());
      trail.signedOut(was.operator());
    } else if (now.step() == Step.LOCKED && was.step() != Step.LOCKED) {
      record("LOCKED", "operator=" + now.operator());
      trail.locked(now.operator());
    } else if (was.step() == Step.LOCKED && now.step() != Step.LOCKED) {
      if (same(was.operator(), now.operator())) {
        record("UNLOCKED", "operator=" + now.operator());
        trail.unlocked(now.operator());
      } else {
        record("TAKEN_OVER", "operator=" + now.operator() + " from=" + was.operator());
        trail.signedOut(was.operator());
        trail.signedIn(now.operator());
      }
    } else if (was.step() == Step.OVERRIDE_FINISHED_ENCOUNTER
        && now.step() == Step.CONFIRM_PATIENT) {
      record("WARNING_OVERRIDDEN", "operator=" + now.operator() + " warning=finished-encounter");
      trail.overridden(now.operator(), "finished-encounter warning overridden");
    }
  }

  /**
   * {@code operators} as they are, with every sign-in they refuse recorded: a wrong PIN or an
   * unknown badge (the user name as typed is not recorded: it may be a PIN typed in the wrong
   * field), and a user locked out after too many.
   */
  public Authenticator recordingRefusals(Authenticator operators) {
    return new Authenticator() {
      @Override
      public SignIn signIn(String user, char[] pin) throws IOException {
        return refusals(operators.signIn(user, pin), "pin");
      }

      @Override
      public SignIn signInByBadge(String badge) throws IOException {
        return refusals(operators.signInByBadge(badge), "badge");
      }

      @Override
      public Optional<Path> waitingOneTimePin() throws IOException {
        return operators.waitingOneTimePin();
      }

      @Override
      public boolean takesPasswords() {
        return operators.takesPasswords();
      }
    };
  }

  private SignIn refusals(SignIn result, String by) {
    if (result instanceof SignIn.Refused) {
      record("SIGN_IN_REFUSED", "by=" + by);
      trail.signInRefused("wrong user name and PIN, or unknown badge (" + by + ")");
    } else if (result instanceof SignIn.LockedOut l) {
      record("SIGN_IN_LOCKED_OUT", "operator=" + l.user() + " until=" + l.until());
      trail.signInRefused("locked out until " + l.until());
    } else if (result instanceof SignIn.AccountLocked l) {
      record("SIGN_IN_REFUSED", "by=" + by + " directory=account-locked");
      trail.signInRefused("the directory refused the account: " + l.why());
    } else if (result instanceof SignIn.NotAllowed n) {
      record("SIGN_IN_REFUSED", "operator=" + n.user() + " directory=no-station-group");
      trail.signInRefused(n.user() + " is in no group of this station");
    } else if (result instanceof SignIn.Unavailable u) {
      record("SIGN_IN_REFUSED", "by=" + by + " directory=unreachable");
      trail.signInRefused("the directory cannot be asked: " + u.why());
    }
    return result;
  }

  private void record(String event, String detail) {
    try {
      audit.record(event, detail);
    } catch (IOException e) {
      LOG.warn("the audit log cannot be written ({}): {} was not recorded", e.getMessage(), event);
    }
  }

  private static boolean same(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }

  /** Attaches the audit to {@code workflow}, starting from its state now. */
  public static OperatorAudit of(CaptureWorkflow workflow, AuditLog audit, AuditTrail trail) {
    OperatorAudit o = new OperatorAudit(audit, trail);
    o.accept(workflow.state());
    workflow.addListener(o);
    return o;
  }
}
