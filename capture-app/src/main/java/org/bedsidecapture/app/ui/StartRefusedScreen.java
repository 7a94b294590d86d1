package org.bedsidecapture.app.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * What the app shows instead of its screens when it cannot start at this station (its site file is
 * wrong, or names no EHR or archive): what is wrong as the settings' validation words it, naming
 * the key and the file; whom to tell; where the log is; and one button to close. Opened from the
 * desktop, the app has no terminal to say it on.
 */
public final class StartRefusedScreen extends VBox {
  private StartRefusedScreen(String why, Path log, Runnable close) {
    getStyleClass().add("screen");
    setAlignment(Pos.CENTER);
    setId("start-refused");
    Label title = Controls.label(Texts.t("startRefused.title"), "prompt");
    title.setId("start-refused-title");
    Label what = Controls.label(why, "what-to-do");
    what.setId("start-refused-why");
    Label todo = Controls.label(Texts.t("startRefused.todo", log), "subtitle");
    for (Label l : new Label[] {what, todo}) {
      l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
      l.setMaxWidth(1000);
    }
    Button closing =
        Controls.button(Material2AL.CLOSE, Texts.t("startRefused.close"), close, "big");
    closing.setId("start-refused-close");
    getChildren().addAll(title, what, todo, closing);
  }

  /** The screen saying {@code why}, naming the {@code log}; {@code close} ends the app. */
  public static Scene scene(String why, Path log, Runnable close) {
    Application.setUserAgentStylesheet(
        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheetBSS());
    Scene scene = new Scene(new StartRefusedScreen(why, log, close), 1280, 800);
    scene.getStylesheets().add(BedsideApp.class.getResource("bedside.css").toExternalForm());
    return scene;
  }
}
