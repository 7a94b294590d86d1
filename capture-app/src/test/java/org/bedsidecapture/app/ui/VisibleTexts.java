package org.bedsidecapture.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;

/** Every text a user sees on a scene: labels, buttons, prompts, text nodes. */
final class VisibleTexts {
  private VisibleTexts() {}

  static List<String> of(Scene scene) {
    List<String> texts = new ArrayList<>();
    walk(scene.getRoot(), texts);
    return texts;
  }

  private static void walk(Node node, List<String> texts) {
    if (!node.isVisible()) {
      return;
    }
    if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
      texts.add(l.getText());
    }
    if (node instanceof TextInputControl t && t.getPromptText() != null) {
      texts.add(t.getPromptText());
    }
    if (node instanceof Text t && t.getText() != null && !t.getText().isBlank()) {
      texts.add(t.getText());
    }
    if (node instanceof ScrollPane sp && sp.getContent() != null) {
      walk(sp.getContent(), texts);
    }
    if (node instanceof Parent p) {
      for (Node child : p.getChildrenUnmodifiable()) {
        walk(child, texts);
      }
    }
  }
}
