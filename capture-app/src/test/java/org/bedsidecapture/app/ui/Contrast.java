package org.bedsidecapture.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The contrast of every visible word on screen against what it is drawn on (WCAG 2.x contrast
 * ratio: 4.5:1 is AA for normal text, 7:1 is AAA): the text's fill against the innermost opaque
 * background fill of the control or its nearest ancestor with one.
 */
final class Contrast {
  private Contrast() {}

  /** One line for each text below {@code minimum}; none when all is well. */
  static List<String> problems(Scene scene, double minimum) {
    List<String> found = new ArrayList<>();
    walk(scene.getRoot(), minimum, found);
    return found;
  }

  private static void walk(Node node, double minimum, List<String> found) {
    if (!node.isVisible() || node.isDisabled() || node.getOpacity() < 1) {
      return;
    }
    if (node instanceof Labeled l
        && l.getText() != null
        && !l.getText().isBlank()
        && l.getTextFill() instanceof Color text) {
      Color behind = background(node);
      double ratio = ratio(text, behind);
      if (ratio < minimum) {
        found.add(
            String.format(
                "'%s' (%s) is %s on %s: %.1f:1, below %.1f:1",
                l.getText(), l.getStyleClass(), text, behind, ratio, minimum));
      }
    }
    if (node instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
      walk(sp.getContent(), minimum, found);
    }
    if (node instanceof Parent p) {
      for (Node child : p.getChildrenUnmodifiable()) {
        walk(child, minimum, found);
      }
    }
  }

  /** The colour a node is drawn on: the innermost opaque fill of it or its nearest ancestor. */
  private static Color background(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (n instanceof Region r && r.getBackground() != null) {
        Color c = innermost(r.getBackground());
        if (c != null) {
          return c;
        }
      }
    }
    return Color.WHITE;
  }

  private static Color innermost(Background b) {
    List<BackgroundFill> fills = b.getFills();
    for (int i = fills.size() - 1; i >= 0; i--) {
      if (fills.get(i).getFill() instanceof Color c && c.getOpacity() == 1) {
        return c;
      }
    }
    return null;
  }

  static double ratio(Color a, Color b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(Color c) {
    return 0.2126 * linear(c.getRed())
        + 0.7152 * linear(c.getGreen())
        + 0.0722 * linear(c.getBlue());
  }

  private static double linear(double channel) {
    return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
  }
}
