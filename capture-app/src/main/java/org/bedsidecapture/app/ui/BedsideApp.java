package org.bedsidecapture.app.ui;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;
import org.bedsidecapture.app.ui.model.BedsideModel;
import org.bedsidecapture.app.ui.model.OutboxModel;
import org.bedsidecapture.app.ui.model.PreviewModel;
import org.bedsidecapture.app.ui.model.SettingsModel;
import org.bedsidecapture.app.workflow.CaptureWorkflow;
import org.bedsidecapture.devices.barcode.KeyboardWedge;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.dicom.BodySiteCatalogue;

/**
 * The bedside app's window content, made from its models: the theme, the screens, the keyboard (a
 * wedge scan anywhere; Space, Enter or the pedal key for the shutter), the idle check. The
 * composition root builds the models and hands them here; tests do the same.
 */
public final class BedsideApp {
  /** How often the workflow is asked whether the session has been idle too long. */
  private static final Duration IDLE_CHECK = Duration.seconds(15);

  /** What the window is made of. */
  public record Parts(
      BedsideModel model,
      PreviewModel preview,
      OutboxModel outbox,
      BodySiteCatalogue catalogue,
      List<Camera> scanCameras,
      KeyboardWedge.Settings scanner,
      KeyCode pedalKey,
      Demo demo,
      SettingsModel settings,
      FilePicker files,
      boolean highContrast,
      Executor ui) {

    /** The same parts in the other theme. */
    public Parts withHighContrast(boolean on) {
      return new Parts(
          model,
          preview,
          outbox,
          catalogue,
          scanCameras,
          scanner,
          pedalKey,
          demo,
          settings,
          files,
          on,
          ui);
    }
  }

  /**
   * What the demo adds to the window: its wristband sheet, the folder its archive keeps what it
   * receives (shown, so a new user can see the objects arrive), and the demo nurse's sign-in.
   */
  public record Demo(Path wristbandSheet, Path archiveFolder, String nurse, String nursePin) {}

  private BedsideApp() {}

  /** The app's scene, 1280 × 800 to start with, scaling with the window. */
  public static Scene scene(Parts parts) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
    Shell shell =
        new Shell(
            parts.model(),
            parts.preview(),
            parts.outbox(),
            parts.catalogue(),
            parts.scanCameras(),
            parts.demo(),
            parts.settings(),
            parts.files(),
            parts.ui());
    Scene scene = new Scene(shell, 1280, 800);
    scene.getStylesheets().add(BedsideApp.class.getResource("bedside.css").toExternalForm());
    if (parts.highContrast()) {
      scene
          .getStylesheets()
          .add(BedsideApp.class.getResource("high-contrast.css").toExternalForm());
    }
    WedgeKeyFilter.install(scene, parts.scanner(), parts.model()::scanned);
    scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> parts.model().activity());
    scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> parts.model().activity());
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          boolean capturing = parts.model().state().step() == CaptureWorkflow.Step.CAPTURING;
          boolean shutterKey =
              e.getCode() == parts.pedalKey()
                  || ((e.getCode() == KeyCode.SPACE || e.getCode() == KeyCode.ENTER)
                      && !(scene.getFocusOwner() instanceof javafx.scene.control.ButtonBase)
                      && !(scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl));
          if (capturing && shutterKey) {
            parts.preview().shutter();
            e.consume();
          }
        });
    Timeline idle = new Timeline(new KeyFrame(IDLE_CHECK, e -> parts.model().checkIdle()));
    idle.setCycleCount(Timeline.INDEFINITE);
    idle.play();
    scene
        .windowProperty()
        .addListener(
            (o, was, now) -> {
              if (now == null) {
                idle.stop();
              }
            });
    return scene;
  }
}
