package org.bedsidecapture.app.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.bedsidecapture.app.fhir.LookupResult;
import org.bedsidecapture.app.ui.model.BedsideModel;
import org.bedsidecapture.app.workflow.CaptureWorkflow;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The screens that stop the normal flow, each with one sentence of what happened, one of what to
 * do, and the buttons for exactly those choices: choose between records, a finished encounter, a
 * mismatch, nothing found, the EHR down, leaving with unsent captures, the lock, the lookup under
 * way.
 */
final class GuardScreen extends VBox {
  GuardScreen(BedsideModel model, CaptureWorkflow.State state) {
    getStyleClass().add("screen");
    setAlignment(Pos.CENTER);
    setId("guard-" + state.step().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    String title =
        switch (state.step()) {
          case CHOOSE_RECORD -> "guard.choose.title";
          case OVERRIDE_FINISHED_ENCOUNTER -> "guard.finished.title";
          case NOT_FOUND -> "guard.notFound.title";
          case EHR_UNAVAILABLE -> "guard.ehr.title";
          case LEAVE_WITH_UNSENT -> "guard.leave.title";
          case LOCKED -> "guard.locked.title";
          default -> null;
        };
    if (title != null) {
      javafx.scene.control.Label headline = Controls.label(Texts.t(title), "prompt");
      headline.setId("guard-title");
      getChildren().add(headline);
    }
    switch (state.step()) {
      case LOOKING_UP -> say("guard.lookingUp.what", "guard.lookingUp.todo", "subtitle");
      case SENDING -> say("guard.sending.what", "guard.sending.todo", "subtitle");
      case CHOOSE_RECORD -> choose(model, (LookupResult.Choose) state.lookup());
      case OVERRIDE_FINISHED_ENCOUNTER -> {
        LookupResult.Found f = (LookupResult.Found) state.lookup();
        say(String.join(" ", f.warnings()), Texts.t("guard.finished.todo"));
        buttons(
            Controls.button(Material2AL.CLOSE, Texts.t("guard.scanAgain"), model::scanAgain, "big"),
            Controls.button(
                Material2AL.EDIT,
                Texts.t("guard.finished.override"),
                model::overrideFinishedEncounter,
                "big",
                "danger"));
      }
      case STOPPED_MISMATCH -> {
        String why =
            state.lookup() instanceof LookupResult.Stop s ? s.reason() : Texts.t("unknown");
        getChildren().add(Controls.label(Texts.t("guard.stop.title"), "stop-text"));
        say(why, Texts.t("guard.stop.todo"));
        buttons(
            Controls.button(
                Material2AL.CLOSE, Texts.t("guard.scanAgain"), model::scanAgain, "big"));
      }
      case NOT_FOUND -> {
        String searched =
            state.lookup() instanceof LookupResult.NotFound n ? n.searched() : Texts.t("unknown");
        say(Texts.t("guard.notFound.what", searched), Texts.t("guard.notFound.todo"));
        buttons(
            Controls.button(
                Material2AL.ARROW_BACK, Texts.t("guard.scanAgain"), model::scanAgain, "big"));
      }
      case EHR_UNAVAILABLE -> {
        say(Texts.t("guard.ehr.what", state.message()), Texts.t("guard.ehr.todo"));
        buttons(
            Controls.button(
                Material2MZ.REFRESH, Texts.t("guard.scanAgain"), model::scanAgain, "big"));
      }
      case LEAVE_WITH_UNSENT -> {
        say(Texts.t("guard.leave.what", state.unsent()), Texts.t("guard.leave.todo"));
        buttons(
            Controls.button(
                Material2AL.ARROW_BACK, Texts.t("guard.leave.back"), model::backToCapture, "big"),
            Controls.button(
                Material2AL.INBOX, Texts.t("guard.leave.keep"), model::leaveKeepingCaptures, "big"),
            Controls.button(
                Material2MZ.SEND, Texts.t("guard.leave.send"), model::send, "big", "accent"));
      }
      case LOCKED -> {
        say(Texts.t("guard.locked.what"), Texts.t("guard.locked.todo", state.operator()));
        buttons(
            Controls.button(
                Material2AL.LOCK, Texts.t("guard.locked.unlock"), model::unlock, "big", "accent"));
      }
      default -> say(state.step().name(), "");
    }
  }

  private void choose(BedsideModel model, LookupResult.Choose choose) {
    say(choose.why(), Texts.t("guard.choose.todo"));
    VBox list = new VBox(8);
    list.setAlignment(Pos.CENTER);
    int i = 0;
    for (LookupResult.Candidate c : choose.candidates()) {
      Button b = Controls.button(Material2AL.ACCOUNT_CIRCLE, c.shown(), () -> model.choose(c));
      b.setId("candidate-" + i++);
      b.setMaxWidth(Double.MAX_VALUE);
      list.getChildren().add(b);
    }
    getChildren().add(list);
    buttons(
        Controls.button(Material2AL.CLOSE, Texts.t("guard.noneOfThese"), model::scanAgain, "big"));
  }

  private void say(String whatKey, String todoKey, String style) {
    getChildren().add(Controls.label(Texts.t(whatKey), "prompt"));
    getChildren().add(Controls.label(Texts.t(todoKey), style));
  }

  private void say(String what, String todo) {
    getChildren().add(Controls.label(what, "what-to-do"));
    if (!todo.isEmpty()) {
      getChildren().add(Controls.label(todo, "subtitle"));
    }
  }

  private void buttons(Button... buttons) {
    HBox row = new HBox(24, buttons);
    row.setAlignment(Pos.CENTER);
    for (Button b : buttons) {
      if (b.getId() == null) {
        b.setId("guard-action-" + row.getChildren().indexOf(b));
      }
    }
    getChildren().add(row);
  }
}
