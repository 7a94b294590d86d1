package org.bedsidecapture.app.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;
import org.bedsidecapture.devices.barcode.KeyboardWedge;

/**
 * Listens for a keyboard-wedge scanner on a whole scene, whichever control has the focus: typed
 * keys go through {@link KeyboardWedge} first; a scan goes to the app (the wristband is read
 * wherever the nurse's cursor is), and keys that turn out to be a person typing are handed to the
 * focused control, in order, as if they had never been held. The Enter that ends a scan never
 * reaches a button.
 */
public final class WedgeKeyFilter {
  private final Scene scene;
  private final KeyboardWedge wedge;
  private final Consumer<String> onScan;
  private final LongSupplier ticker;
  private final PauseTransition idle;
  private boolean replaying;

  private WedgeKeyFilter(
      Scene scene, KeyboardWedge.Settings settings, Consumer<String> onScan, LongSupplier ticker) {
    this.scene = scene;
    this.wedge = new KeyboardWedge(settings);
    this.onScan = onScan;
    this.ticker = ticker;
    this.idle = new PauseTransition(Duration.millis(settings.maxKeyGap().toMillis() + 5));
    idle.setOnFinished(e -> act(wedge.idle(ticker.getAsLong())));
  }

  /** Installs the filter on the scene; scans are handed to {@code onScan} on the FX thread. */
  public static WedgeKeyFilter install(
      Scene scene, KeyboardWedge.Settings settings, Consumer<String> onScan) {
    return install(scene, settings, onScan, System::nanoTime);
  }

  /**
   * As above, with the keys' times from {@code ticker} (nanoseconds, as {@link System#nanoTime()}):
   * what tells a scanner's burst from a person's typing, so a test sets it.
   */
  static WedgeKeyFilter install(
      Scene scene, KeyboardWedge.Settings settings, Consumer<String> onScan, LongSupplier ticker) {
    WedgeKeyFilter f = new WedgeKeyFilter(scene, settings, onScan, ticker);
    scene.addEventFilter(KeyEvent.KEY_TYPED, f::typed);
    scene.addEventFilter(KeyEvent.KEY_PRESSED, f::pressed);
    return f;
  }

  private void typed(KeyEvent e) {
    if (replaying || e.getCharacter().isEmpty() || e.isShortcutDown()) {
      return;
    }
    e.consume();
    act(wedge.key(e.getCharacter().charAt(0), ticker.getAsLong()));
    if (wedge.holding()) {
      idle.playFromStart();
    }
  }

  /** An Enter pressed while a scan may be under way must not press the default button. */
  private void pressed(KeyEvent e) {
    if (!replaying && e.getCode() == KeyCode.ENTER && wedge.holding()) {
      e.consume();
    }
  }

  private void act(List<KeyboardWedge.Event> events) {
    for (KeyboardWedge.Event ev : events) {
      if (ev instanceof KeyboardWedge.Scanned s) {
        idle.stop();
        onScan.accept(s.content());
      } else if (ev instanceof KeyboardWedge.Typed t) {
        replay(t.text());
      }
    }
  }

  /** Types the held keys into the focused control after all. */
  private void replay(String text) {
    Node target = scene.getFocusOwner();
    if (target == null) {
      return;
    }
    replaying = true;
    try {
      for (char c : text.toCharArray()) {
        String ch = String.valueOf(c == '\n' ? '\r' : c);
        Event.fireEvent(
            target,
            new KeyEvent(
                KeyEvent.KEY_TYPED, ch, "", KeyCode.UNDEFINED, false, false, false, false));
      }
    } finally {
      replaying = false;
    }
  }
}
