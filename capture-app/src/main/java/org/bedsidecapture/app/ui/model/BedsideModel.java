package org.bedsidecapture.app.ui.model;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bedsidecapture.app.barcode.BarcodeRejectedException;
import org.bedsidecapture.app.fhir.LookupException;
import org.bedsidecapture.app.fhir.LookupResult;
import org.bedsidecapture.app.operators.Authenticator;
import org.bedsidecapture.app.operators.Operator;
import org.bedsidecapture.app.operators.SignIn;
import org.bedsidecapture.app.service.CaptureSession;
import org.bedsidecapture.app.service.CaptureStation;
import org.bedsidecapture.app.service.EncounterFinder;
import org.bedsidecapture.app.workflow.CaptureWorkflow;
import org.bedsidecapture.dicom.BodySite;
import org.bedsidecapture.dicom.CaptureRejectedException;
import org.bedsidecapture.dicom.Laterality;
import org.bedsidecapture.dicom.PersonName;

/**
 * What the bedside screens show and what their buttons do, in plain Java: the workflow's state, the
 * session's captures, the body site chosen for the next shot, and what is under way or went wrong.
 * Every command runs its slow part (EHR lookup, wrapping, the outbox's disk) on {@code worker} and
 * publishes its result on {@code ui} (the FX thread in the app; the calling thread in tests), so
 * the screens never wait. Screens only bind to the properties and call the commands.
 */
public final class BedsideModel {
  /** How a command's slow part is written: may throw what the user is to be told. */
  public interface Work<T> {
    T run() throws Exception;
  }

  private final CaptureWorkflow workflow;
  private final EncounterFinder finder;
  private final CaptureStation station;
  private final Executor worker;
  private final Executor ui;
  private final ReadOnlyObjectWrapper<CaptureWorkflow.State> state;
  private final ReadOnlyStringWrapper busy = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
  private final ObservableList<CaptureSession.Shot> shots = FXCollections.observableArrayList();
  private final ObservableList<CaptureSession.Shot> shotsShown =
      FXCollections.unmodifiableObservableList(shots);
  private final ObjectProperty<BodySite> site = new SimpleObjectProperty<>();
  private final ObjectProperty<Laterality> laterality =
      new SimpleObjectProperty<>(Laterality.UNPAIRED);
  private final ObjectProperty<CaptureSession.Shot> selected = new SimpleObjectProperty<>();
  private EncounterFinder.FoundBy foundBy = EncounterFinder.FoundBy.BARCODE;
  private CaptureSession session;
  private final Authenticator authenticator;
  private Operator operator;

  /**
   * @param authenticator who may sign in; null where no operators are set up (the OS user is signed
   *     in with {@link #signIn(String)})
   */
  public BedsideModel(
      CaptureWorkflow workflow,
      EncounterFinder finder,
      CaptureStation station,
      Authenticator authenticator,
      Executor worker,
      Executor ui) {
    this.workflow = workflow;
    this.authenticator = authenticator;
    this.finder = finder;
    this.station = station;
    this.worker = worker;
    this.ui = ui;
    this.state = new ReadOnlyObjectWrapper<>(workflow.state());
    workflow.addListener(s -> ui.execute(() -> state.set(s)));
  }

  public ReadOnlyObjectProperty<CaptureWorkflow.State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  public CaptureWorkflow.State state() {
    return state.get();
  }

  /** What is under way, in words ("Looking up the patient…"), or null. */
  public ReadOnlyStringProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** What went wrong and what to do, or null. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** The session's captures, in the order taken (one list: listeners stay attached). */
  public ObservableList<CaptureSession.Shot> shots() {
    return shotsShown;
  }

  /** The body site for the next shot (remembered from one shot to the next). */
  public ObjectProperty<BodySite> siteProperty() {
    return site;
  }

  public ObjectProperty<Laterality> lateralityProperty() {
    return laterality;
  }

  /** The capture looked at in review. */
  public ObjectProperty<CaptureSession.Shot> selectedProperty() {
    return selected;
  }

  public CaptureStation station() {
    return station;
  }

  public EncounterFinder.FoundBy foundBy() {
    return foundBy;
  }

  /** Tells the user something went wrong (a screen's own trouble, a device that failed). */
  public void tell(String problemAndWhatToDo) {
    problem.set(problemAndWhatToDo);
  }

  /** Signs in the station's OS user, where no operators are set up. */
  public void signIn(String osUser) {
    workflow.signIn(osUser);
  }

  /** Who is signed in, as the audit log names them: the operator's name, or the OS user. */
  public String signedInForTheRecord() {
    PersonName name = operatorsName();
    return name == null ? "unknown" : name.toDicom();
  }

  /** Whether the signed-in operator may open the station's settings. */
  public boolean installerSignedIn() {
    return operator != null && operator.role() == Operator.Role.INSTALLER;
  }

  /** The settings screen, for an installer at Ready to scan. */
  public void openSettings() {
    if (installerSignedIn()) {
      workflow.openSettings();
    }
  }

  public void closeSettings() {
    workflow.closeSettings();
  }

  /**
   * On a fresh install, the file with the one-time installer PIN, for the sign-in screen to say
   * where it is; null when none waits (or the store cannot be read: then sign-in says why).
   */
  public String oneTimePinFile() {
    if (authenticator == null) {
      return null;
    }
    try {
      return authenticator.waitingOneTimePin().map(Object::toString).orElse(null);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** Whether operators sign in with their directory password (or a station PIN), not a PIN only. */
  public boolean passwords() {
    return authenticator != null && authenticator.takesPasswords();
  }

  /** Whether operators sign in here (with PIN or badge), rather than the OS user. */
  public boolean signInRequired() {
    return authenticator != null;
  }

  /** Signs in (or unlocks) with user name and PIN, checked off the FX thread. */
  public void signInWithPin(String user, char[] pin) {
    char[] copy = pin.clone();
    java.util.Arrays.fill(pin, '\0');
    run(
        Says.t("busy.checking"),
        () -> {
          try {
            return authenticator.signIn(user == null ? null : user.strip(), copy);
          } finally {
            java.util.Arrays.fill(copy, '\0');
          }
        },
        result -> signedIn(result, false));
  }

  /** Signs in (or unlocks) with a badge read by the scanner. */
  public void signInWithBadge(String badge) {
    run(
        Says.t("busy.badge"),
        () -> authenticator.signInByBadge(badge),
        result -> signedIn(result, true));
  }

  private void signedIn(SignIn result, boolean byBadge) {
    if (result instanceof SignIn.Refused) {
      problem.set(Says.t(byBadge ? "signin.badgeUnknown" : "signin.refused"));
      return;
    }
    if (result instanceof SignIn.LockedOut l) {
      problem.set(
          Says.t(
              "signin.lockedOut",
              l.user(),
              java.time.LocalTime.ofInstant(l.until(), java.time.ZoneId.systemDefault())
                  .withNano(0)));
      return;
    }
    if (result instanceof SignIn.AccountLocked l) {
      problem.set(Says.t("signin.accountLocked", l.why()));
      return;
    }
    if (result instanceof SignIn.NotAllowed n) {
      problem.set(Says.t("signin.notAllowed", n.user()));
      return;
    }
    if (result instanceof SignIn.Unavailable u) {
      problem.set(
          Says.t(u.localTried() ? "signin.directoryDownLocal" : "signin.directoryDown", u.why()));
      return;
    }
    Operator who = ((SignIn.Accepted) result).operator();
    CaptureWorkflow.State now = workflow.state();
    if (now.step() == CaptureWorkflow.Step.SIGNED_OUT) {
      operator = who;
      workflow.signIn(who.user());
    } else if (now.step() == CaptureWorkflow.Step.LOCKED && who.user().equals(now.operator())) {
      workflow.unlock();
    } else if (now.step() == CaptureWorkflow.Step.LOCKED) {
      if (workflow.whenTakenOver() == CaptureWorkflow.WhenTakenOver.SEND && now.unsent() > 0) {
        sendAndEnd();
      } else {
        keepAndEnd();
      }
      operator = who;
      workflow.signInInstead(who.user());
    }
  }

  /** Something the user did: keeps the session from timing out. */
  public void activity() {
    workflow.activity();
  }

  /** A wristband or label was scanned (wedge or camera). Ignored unless waiting for a scan. */
  public void scanned(String content) {
    CaptureWorkflow.Step step = workflow.state().step();
    if (authenticator != null
        && (step == CaptureWorkflow.Step.SIGNED_OUT || step == CaptureWorkflow.Step.LOCKED)) {
      signInWithBadge(content);
      return;
    }
    if (step != CaptureWorkflow.Step.READY_TO_SCAN && step != CaptureWorkflow.Step.CHOOSE_RECORD) {
      return;
    }
    org.bedsidecapture.app.barcode.IdentifierQuery query;
    try {
      query = finder.resolve(content);
    } catch (BarcodeRejectedException e) {
      problem.set(e.getMessage());
      return;
    }
    if (query.kind() == org.bedsidecapture.app.barcode.IdentifierQuery.Kind.STAFF_BADGE) {
      problem.set(Says.t("scan.badgeNotWristband"));
      return;
    }
    lookUp(EncounterFinder.FoundBy.BARCODE, () -> finder.byQuery(query));
  }

  /** The manual search by MRN. */
  public void searchByMrn(String mrn) {
    if (mrn == null || mrn.isBlank()) {
      problem.set(Says.t("search.needMrn"));
      return;
    }
    lookUp(EncounterFinder.FoundBy.MANUAL_SEARCH, () -> finder.byMrn(mrn));
  }

  /** The manual search by name and birth date. */
  public void searchByName(String family, String given, LocalDate born) {
    if (family == null || family.isBlank() || born == null) {
      problem.set(Says.t("search.needName"));
      return;
    }
    lookUp(
        EncounterFinder.FoundBy.MANUAL_SEARCH,
        () -> finder.byNameAndBirthDate(family, given, born));
  }

  /** The user chose one of several records or encounters. */
  public void choose(LookupResult.Candidate candidate) {
    lookUp(foundBy, () -> finder.chosen(candidate));
  }

  private void lookUp(EncounterFinder.FoundBy how, Work<LookupResult> lookup) {
    problem.set(null);
    foundBy = how;
    workflow.lookingUp();
    busy.set(Says.t("busy.lookingUp"));
    worker.execute(
        () -> {
          LookupResult result = null;
          String failure = null;
          try {
            result = lookup.run();
          } catch (LookupException e) {
            failure = e.getMessage();
          } catch (Exception e) {
            failure = Says.t("lookup.failed", e.getMessage());
          }
          LookupResult r = result;
          String f = failure;
          ui.execute(
              () -> {
                busy.set(null);
                if (r != null) {
                  workflow.lookedUp(r);
                } else {
                  workflow.lookupFailed(f);
                }
              });
        });
  }

  public void overrideFinishedEncounter() {
    workflow.overrideFinishedEncounter();
  }

  /** The user confirmed the patient: the session starts (recorded with how they were found). */
  public void confirm() {
    LookupResult.Found found = (LookupResult.Found) workflow.state().lookup();
    PersonName operatorsName = operatorsName();
    run(
        Says.t("busy.starting"),
        () -> station.startSession(found.context(), operatorsName, foundBy),
        started -> {
          session = started;
          shots.clear();
          workflow.confirm();
        });
  }

  /** Who captures, as written into the objects: the operator's name, or the OS user's. */
  private PersonName operatorsName() {
    if (operator != null) {
      return operator.name();
    }
    String user = workflow.state().operator();
    return user == null ? null : PersonName.parse(user);
  }

  public void scanAgain() {
    problem.set(null);
    workflow.scanAgain();
  }

  /**
   * Takes a capture through {@code take} (a still, a clip, an import) into the session; the
   * thumbnail appears when the capture is safe in the outbox.
   */
  public void capture(String what, Work<CaptureSession.Shot> take) {
    if (workflow.state().step() != CaptureWorkflow.Step.CAPTURING || session == null) {
      problem.set(Says.t("capture.confirmFirst"));
      return;
    }
    if (site.get() == null) {
      problem.set(Says.t("capture.siteFirst"));
      return;
    }
    if (site.get().paired() && laterality.get() == Laterality.UNPAIRED) {
      problem.set(Says.t("capture.needsSide"));
      return;
    }
    run(
        what,
        take,
        shot -> {
          shots.add(shot);
          workflow.captured();
        });
  }

  /**
   * Photos from a folder or a stick, each wrapped into the session like a shot of the chosen site.
   */
  public void importPhotos(List<Path> files) {
    for (Path file : files) {
      capture(
          Says.t("busy.importing", file.getFileName()),
          () -> session.importPhoto(file, site.get(), laterality.get()));
    }
  }

  /** The session running now, for the capture commands' slow parts; null without one. */
  public CaptureSession session() {
    return session;
  }

  public void review() {
    workflow.review();
    if (selected.get() == null && !shots.isEmpty()) {
      selected.set(shots.get(shots.size() - 1));
    }
  }

  public void backToCapture() {
    workflow.backToCapture();
  }

  /** Deletes the capture on purpose: it leaves the outbox. */
  public void delete(CaptureSession.Shot shot) {
    CaptureSession s = session;
    run(
        Says.t("busy.deleting"),
        () -> {
          s.delete(shot.id());
          return shot;
        },
        gone -> {
          shots.remove(gone);
          selected.set(shots.isEmpty() ? null : shots.get(shots.size() - 1));
          workflow.deleted();
        });
  }

  /** Deletes the capture and goes back to the camera with its body site chosen again. */
  public void retake(CaptureSession.Shot shot) {
    site.set(shot.site());
    laterality.set(shot.laterality());
    CaptureSession s = session;
    run(
        Says.t("busy.retake"),
        () -> {
          s.delete(shot.id());
          return shot;
        },
        gone -> {
          shots.remove(gone);
          selected.set(null);
          workflow.deleted();
          workflow.backToCapture();
        });
  }

  /** Changes the capture's body site, side and note (rewritten in the outbox). */
  public void retag(CaptureSession.Shot shot, BodySite newSite, Laterality side, String note) {
    if (newSite.paired() && side == Laterality.UNPAIRED) {
      problem.set(Says.t("capture.needsSide"));
      return;
    }
    CaptureSession s = session;
    run(
        Says.t("busy.retag"),
        () -> s.retag(shot.id(), newSite, side, note),
        retagged -> {
          shots.set(shots.indexOf(shot), retagged);
          selected.set(retagged);
        });
  }

  /** Every capture of the session goes to the outbox; the patient leaves the screen. */
  public void send() {
    CaptureSession s = session;
    workflow.send();
    run(
        Says.t("busy.sending", shots.size()),
        s::send,
        n -> {
          endSession();
          workflow.sent();
        });
  }

  /** The user wants to leave the patient; with unsent captures, the workflow asks first. */
  public void leave() {
    workflow.leave();
    if (workflow.state().step() == CaptureWorkflow.Step.READY_TO_SCAN) {
      keepAndEnd();
    }
  }

  /** Asked, the user leaves anyway: the captures stay held in the outbox. */
  public void leaveKeepingCaptures() {
    workflow.leaveKeepingCaptures();
    keepAndEnd();
  }

  /** Called now and then: after the site's idle time the session ends, its captures kept. */
  public void checkIdle() {
    workflow.checkIdle();
    if (session != null && workflow.state().patient() == null) {
      keepAndEnd();
    }
  }

  public void lock() {
    workflow.lock();
  }

  /** Unlocks where no operators are set up; operators unlock by signing in again. */
  public void unlock() {
    if (authenticator != null) {
      problem.set(Says.t("signin.toUnlock"));
      return;
    }
    workflow.unlock();
  }

  /** Keeps the session's captures held in the outbox (for review or sending later) and ends it. */
  private void keepAndEnd() {
    endSessionThen(
        s -> {
          if (!s.ended()) {
            s.keep();
          }
        },
        "audit.notWritten");
  }

  /** Lets the session's captures go to the archives (another operator took the station over). */
  private void sendAndEnd() {
    endSessionThen(CaptureSession::send, "fail.other");
  }

  private interface SessionWork {
    void run(CaptureSession s) throws IOException;
  }

  /** Ends the session on screen, then does {@code work} with it on the worker. */
  private void endSessionThen(SessionWork work, String failure) {
    CaptureSession s = session;
    if (s == null) {
      return;
    }
    endSession();
    worker.execute(
        () -> {
          try {
            work.run(s);
          } catch (IOException e) {
            ui.execute(() -> problem.set(Says.t(failure, e.getMessage())));
          }
        });
  }

  private void endSession() {
    session = null;
    shots.clear();
    selected.set(null);
  }

  /** Runs {@code work} on the worker, then {@code done} on the UI thread; failures are told. */
  private <T> void run(String what, Work<T> work, java.util.function.Consumer<T> done) {
    problem.set(null);
    busy.set(what);
    worker.execute(
        () -> {
          try {
            T result = work.run();
            ui.execute(
                () -> {
                  busy.set(null);
                  done.accept(result);
                });
          } catch (Exception e) {
            String told = tell(e);
            ui.execute(
                () -> {
                  busy.set(null);
                  problem.set(told);
                });
          }
        });
  }

  /** A failure in the user's words: what happened, and that nothing taken was lost. */
  static String tell(Exception e) {
    if (e instanceof CaptureRejectedException) {
      return Says.t("fail.rejected", e.getMessage());
    }
    if (e instanceof org.bedsidecapture.devices.spi.DeviceException) {
      return Says.t("fail.device", e.getMessage());
    }
    if (e instanceof IOException) {
      return Says.t("fail.storage", e.getMessage());
    }
    return Says.t("fail.other", e.getMessage());
  }

  /**
   * The sites of the catalogue whose name — as shown, or the catalogue's English one — contains
   * {@code text}, for the searchable list.
   */
  public static List<BodySite> sitesMatching(
      java.util.Collection<BodySite> all,
      String text,
      java.util.function.Function<BodySite, String> shownAs) {
    String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
    return all.stream()
        .filter(
            s ->
                t.isEmpty()
                    || shownAs.apply(s).toLowerCase(java.util.Locale.ROOT).contains(t)
                    || s.meaning().toLowerCase(java.util.Locale.ROOT).contains(t))
        .toList();
  }
}
