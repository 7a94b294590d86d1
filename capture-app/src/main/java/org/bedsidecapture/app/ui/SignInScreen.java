package org.bedsidecapture.app.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.bedsidecapture.app.ui.model.BedsideModel;
import org.bedsidecapture.app.workflow.CaptureWorkflow;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Sign-in, and the locked screen where operators sign in: a badge scanned anywhere, or user name
 * and PIN with a keypad large enough for gloves. Locked, the user name is the one who locked it
 * (the same operator goes on where they were); another operator may sign in instead.
 */
final class SignInScreen extends VBox {
  private final TextField user = new TextField();
  private final PasswordField pin = new PasswordField();

  SignInScreen(BedsideModel model, CaptureWorkflow.State state, BedsideApp.Demo demo) {
    boolean locked = state.step() == CaptureWorkflow.Step.LOCKED;
    getStyleClass().add("screen");
    setAlignment(Pos.CENTER);
    setId(locked ? "locked-screen" : "sign-in-screen");
    Label title =
        Controls.label(locked ? Texts.t("guard.locked.title") : Texts.t("signin.title"), "prompt");
    title.setId("sign-in-title");
    Label what =
        Controls.label(
            locked
                ? Texts.t("signin.locked", state.operator())
                : Texts.t(model.passwords() ? "signin.hintPassword" : "signin.hint"),
            "what-to-do");
    user.setId("sign-in-user");
    user.setPromptText(Texts.t("signin.user"));
    user.setAccessibleText(Texts.t("signin.user"));
    user.setPrefColumnCount(12);
    user.setMinHeight(56);
    user.getStyleClass().add("sign-in-field");
    if (locked) {
      user.setText(state.operator());
    }
    String secret = Texts.t(model.passwords() ? "signin.password" : "signin.pin");
    pin.setId("sign-in-pin");
    pin.setPromptText(secret);
    pin.setAccessibleText(secret);
    pin.setPrefColumnCount(8);
    pin.setMinHeight(56);
    pin.getStyleClass().add("sign-in-field");
    Runnable signIn =
        () -> {
          model.signInWithPin(user.getText(), pin.getText().toCharArray());
          pin.clear();
        };
    pin.setOnAction(e -> signIn.run());
    user.setOnAction(e -> pin.requestFocus());
    Button ok =
        Controls.button(Material2AL.LOCK_OPEN, Texts.t("signin.ok"), signIn, "big", "accent");
    ok.setId("sign-in-ok");
    VBox fields =
        new VBox(
            16,
            new VBox(4, Controls.label(Texts.t("signin.user"), "confirm-label"), user),
            new VBox(4, Controls.label(secret, "confirm-label"), pin),
            ok);
    fields.setAlignment(Pos.TOP_LEFT);
    HBox form = new HBox(48, fields, keypad());
    form.setAlignment(Pos.CENTER);
    getChildren().addAll(title, what, form);
    String oneTime = locked ? null : model.oneTimePinFile();
    if (oneTime != null) {
      Label first =
          Controls.label(
              Texts.t(
                  "signin.oneTime",
                  org.bedsidecapture.app.operators.OperatorStore.ONE_TIME_INSTALLER,
                  oneTime),
              "what-to-do");
      first.setId("sign-in-one-time");
      getChildren().add(first);
    }
    if (demo != null) {
      Label hint =
          Controls.label(Texts.t("signin.demo", demo.nurse(), demo.nursePin()), "subtitle");
      hint.setId("sign-in-demo");
      getChildren().add(hint);
    }
    sceneProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null) {
                (locked ? pin : user).requestFocus();
              }
            });
  }

  /** Digits for the PIN, a key to clear it: 72 px keys, for gloved fingers. */
  private GridPane keypad() {
    GridPane keys = new GridPane();
    keys.setHgap(8);
    keys.setVgap(8);
    keys.setAlignment(Pos.CENTER);
    keys.setId("keypad");
    for (int digit = 1; digit <= 10; digit++) {
      String d = Integer.toString(digit % 10);
      Button key = Controls.button(null, d, () -> pin.appendText(d), "keypad-key");
      key.setId("key-" + d);
      int at = digit == 10 ? 10 : digit - 1;
      keys.add(key, at % 3, at / 3);
    }
    Button clear = Controls.button(null, Texts.t("signin.clear"), pin::clear, "keypad-key");
    clear.setId("key-clear");
    keys.add(clear, 0, 3);
    return keys;
  }
}
