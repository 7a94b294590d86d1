package org.bedsidecapture.app.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** The app's controls as gloved hands need them: large, with words beside the icon. */
final class Controls {
  private Controls() {}

  /** A button with an icon and words, named for screen readers by its words. */
  static Button button(Ikon icon, String text, Runnable action, String... styles) {
    Button b = new Button(text);
    if (icon != null) {
      FontIcon graphic = new FontIcon(icon);
      graphic.getStyleClass().add("button-icon");
      b.setGraphic(graphic);
    }
    b.getStyleClass().addAll(styles);
    b.setAccessibleText(text);
    b.setOnAction(e -> action.run());
    b.setMinHeight(56);
    b.setMinWidth(56);
    return b;
  }

  static ToggleButton toggle(String text) {
    ToggleButton b = new ToggleButton(text);
    b.setAccessibleText(text);
    b.setMinHeight(56);
    b.setMinWidth(72);
    return b;
  }

  static Label label(String text, String... styles) {
    Label l = new Label(text);
    l.getStyleClass().addAll(styles);
    l.setWrapText(true);
    return l;
  }
}
