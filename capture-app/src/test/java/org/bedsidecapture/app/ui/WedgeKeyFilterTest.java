package org.bedsidecapture.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.bedsidecapture.devices.barcode.KeyboardWedge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The keyboard-wedge filter on a real JavaFX scene (headless): keys arrive at whichever control has
 * the focus, the way a USB scanner's do, fast as a scanner or slow as a person.
 */
@ExtendWith(ApplicationExtension.class)
class WedgeKeyFilterTest {
  private final List<String> scans = new CopyOnWriteArrayList<>();
  private final AtomicLong now = new AtomicLong();
  private TextField note;
  private int defaultButtonPresses;

  @Start
  void start(Stage stage) {
    note = new TextField();
    Button save = new Button("Save");
    save.setDefaultButton(true);
    save.setOnAction(e -> defaultButtonPresses++);
    Scene scene = new Scene(new VBox(note, save), 400, 200);
    WedgeKeyFilter.install(scene, KeyboardWedge.Settings.defaults(), scans::add, now::get);
    stage.setScene(scene);
    stage.show();
    note.requestFocus();
  }

  /**
   * Keys as a USB keyboard delivers them to the focused control, {@code gapMillis} apart on the
   * filter's clock: a scanner's burst, or a person's keys with pauses in between. Then the time
   * after the last key passes, and the filter's idle check (a JavaFX timer) gets its turn.
   */
  private void keys(FxRobot robot, String text, long gapMillis) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean last = i == text.length() - 1;
      robot.interact(
          () -> {
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(gapMillis));
            key(c);
            if (last) {
              now.addAndGet(TimeUnit.SECONDS.toNanos(1));
            }
          });
    }
  }

  /** One key as the focused control gets it: pressed (for Enter) and typed. */
  private void key(char c) {
    if (c == '\n') {
      Event.fireEvent(
          note,
          new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
    }
    Event.fireEvent(
        note,
        new KeyEvent(
            KeyEvent.KEY_TYPED,
            String.valueOf(c == '\n' ? '\r' : c),
            "",
            KeyCode.UNDEFINED,
            false,
            false,
            false,
            false));
  }

  @Test
  void aScanIsReadWhereverTheFocusIsAndTypesNothing(FxRobot robot) {
    keys(robot, "DEMO-000001\n", 3);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(scans).containsExactly("DEMO-000001");
    assertThat(note.getText()).isEmpty();
    assertThat(defaultButtonPresses).as("the scan's Enter presses no button").isZero();
  }

  @Test
  void aPersonTypingGetsEveryKeyInTheField(FxRobot robot) throws Exception {
    keys(robot, "left heel", 80);
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> note.getText().equals("left heel"));

    assertThat(scans).isEmpty();
  }
}
