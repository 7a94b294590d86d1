package org.bedsidecapture.app.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.bedsidecapture.app.ui.model.BedsideModel;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The app's controls as gloved hands need them: large, with words beside the icon, never cut short
 * (a longer language makes them wider, not "Sen…").
 */
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
    b.setMinWidth(Region.USE_PREF_SIZE);
    return b;
  }

  static ToggleButton toggle(String text) {
    ToggleButton b = new ToggleButton(text);
    b.setAccessibleText(text);
    b.setMinHeight(56);
    b.setMinWidth(Region.USE_PREF_SIZE);
    return b;
  }

  static Label label(String text, String... styles) {
    Label l = new Label(text);
    l.getStyleClass().addAll(styles);
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }

  /** Send with the number of captures it lets go; greyed out while there are none. */
  static Button send(BedsideModel model, String id) {
    Button send = button(Material2MZ.SEND, "", model::send, "big", "accent");
    send.setId(id);
    send.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> Texts.t("capture.send", model.shots().size()), model.shots()));
    send.disableProperty().bind(Bindings.isEmpty(model.shots()));
    return send;
  }

  /** A screen's bottom row: its actions on the left, the way forward alone on the right. */
  static HBox bottomBar(Node right, Node... left) {
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox bottom = new HBox(16, left);
    bottom.getChildren().addAll(gap, right);
    bottom.setAlignment(Pos.CENTER_LEFT);
    bottom.setStyle("-fx-padding: 8 16 8 16;");
    return bottom;
  }
}
