package org.bedsidecapture.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
  private TextField note;
  private int defaultButtonPresses;

  @Start
  void start(Stage stage) {
    note = new TextField();
    Button save = new Button("Save");
    save.setDefaultButton(true);
    save.setOnAction(e -> defaultButtonPresses++);
    Scene scene = new Scene(new VBox(note, save), 400, 200);
    WedgeKeyFilter.install(scene, KeyboardWedge.Settings.defaults(), scans::add);
    stage.setScene(scene);
    stage.show();
    note.requestFocus();
  }

  /**
   * Keys as a USB keyboard delivers them to the focused control: a scanner's burst (no pause), or a
   * person's keys with pauses in between.
   */
  private void keys(FxRobot robot, String text, long gapMillis) throws Exception {
    if (gapMillis == 0) {
      robot.interact(() -> text.chars().forEach(c -> key((char) c)));
    } else {
      for (char c : text.toCharArray()) {
        robot.interact(() -> key(c));
        Thread.sleep(gapMillis);
      }
    }
    Thread.sleep(150);
    WaitForAsyncUtils.waitForFxEvents();
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
  void aScanIsReadWhereverTheFocusIsAndTypesNothing(FxRobot robot) throws Exception {
    keys(robot, "DEMO-000001\n", 0);

    assertThat(scans).containsExactly("DEMO-000001");
    assertThat(note.getText()).isEmpty();
    assertThat(defaultButtonPresses).as("the scan's Enter presses no button").isZero();
  }

  @Test
  void aPersonTypingGetsEveryKeyInTheField(FxRobot robot) throws Exception {
    keys(robot, "left heel", 80);

    assertThat(note.getText()).isEqualTo("left heel");
    assertThat(scans).isEmpty();
  }
}
