package org.bedsidecapture.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;

/**
 * What UI.md asks of every control a user can touch on a screen, checked on the live scene: at
 * least 48 × 48 px (at 100 % scale), and a name a screen reader can say (its accessible text, or
 * the words on it), and no words cut short. The body figure's regions are the one exception to the
 * size, as WCAG 2.5.8's "equivalent" exception has it: every region's site and side are also in the
 * picker's searchable list and side buttons, which are checked here like every other control.
 */
final class TouchTargets {
  static final double SMALLEST = 48;

  private TouchTargets() {}

  /**
   * One line for each touchable control that is too small or has no name; none when all is well.
   */
  static List<String> problems(Scene scene) {
    List<String> found = new ArrayList<>();
    walk(scene.getRoot(), false, found);
    return found;
  }

  private static void walk(Node node, boolean scrolled, List<String> found) {
    if (!node.isVisible() || node.isDisabled()) {
      return;
    }
    if (touchable(node)) {
      Bounds b = node.getLayoutBounds();
      String what = describe(node);
      Bounds shown = node.localToScene(b);
      if (shown.getMaxX() > node.getScene().getWidth() + 1 || shown.getMinX() < -1) {
        found.add(what + " is off the side of the screen");
      }
      boolean equivalentElsewhere = node.getStyleClass().contains("body-region");
      if (!equivalentElsewhere && (b.getWidth() < SMALLEST || b.getHeight() < SMALLEST)) {
        found.add(
            what + " is " + Math.round(b.getWidth()) + " × " + Math.round(b.getHeight()) + " px");
      }
      if (name(node).isBlank()) {
        found.add(what + " has no name for a screen reader");
      }
    }
    if (node instanceof Labeled l && truncated(l)) {
      found.add(describe(node) + " is cut short on screen");
    }
    if (!scrolled
        && node instanceof Labeled l
        && l.getText() != null
        && !l.getText().isBlank()
        && node.localToScene(node.getLayoutBounds()).getMaxY() > node.getScene().getHeight() + 1) {
      found.add(describe(node) + " runs off the bottom of the screen");
    }
    if (node instanceof ComboBoxBase<?> box) {
      for (Node shown : box.getChildrenUnmodifiable()) {
        if (shown instanceof Labeled l && truncated(l)) {
          found.add(describe(node) + " shows its choice '" + l.getText() + "' cut short");
        }
      }
    }
    if (node instanceof ScrollPane sp) {
      if (sp.getContent() != null) {
        walk(sp.getContent(), true, found);
      }
      return;
    }
    if (node instanceof Parent p && !(node instanceof Control c && touchable(c))) {
      for (Node child : p.getChildrenUnmodifiable()) {
        walk(child, scrolled || node instanceof javafx.scene.control.skin.VirtualFlow, found);
      }
    }
  }

  /** Whether the words a control shows are fewer than its text (JavaFX's "…" on a short label). */
  private static boolean truncated(Labeled l) {
    if (l.getText() == null || l.getText().isBlank()) {
      return false;
    }
    for (Node child : l.getChildrenUnmodifiable()) {
      if (child instanceof javafx.scene.text.Text shown
          && child.getClass().getSimpleName().equals("LabeledText")
          && child.isVisible()
          && !l.getText().equals(shown.getText())) {
        return true;
      }
    }
    return false;
  }

  private static boolean touchable(Node node) {
    return node instanceof ButtonBase
        || node instanceof TextInputControl
        || node instanceof ComboBoxBase
        || node instanceof Slider
        || (node instanceof ListCell<?> cell && !cell.isEmpty())
        || (!(node instanceof Control) && node.getOnMouseClicked() != null);
  }

  private static String name(Node node) {
    String said = node.getAccessibleText();
    if (said != null && !said.isBlank()) {
      return said;
    }
    if (node instanceof Labeled l && l.getText() != null) {
      return l.getText();
    }
    if (node instanceof TextInputControl t && t.getPromptText() != null) {
      return t.getPromptText();
    }
    return "";
  }

  private static String describe(Node node) {
    String id = node.getId() == null ? "" : "#" + node.getId();
    return node.getClass().getSimpleName() + id + " '" + name(node) + "'";
  }
}
