package org.bedsidecapture.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.bedsidecapture.app.service.CaptureSession;
import org.bedsidecapture.app.ui.model.BedsideModel;
import org.bedsidecapture.app.ui.model.CameraScan;
import org.bedsidecapture.app.ui.model.OutboxModel;
import org.bedsidecapture.app.ui.model.PreviewModel;
import org.bedsidecapture.app.ui.model.SettingsModel;
import org.bedsidecapture.app.workflow.CaptureWorkflow;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.DeviceException;
import org.bedsidecapture.dicom.BodySiteCatalogue;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The window's frame: the patient banner (with operator, lock and the outbox badge) on top, the
 * screen of the workflow's step in the middle, what is under way or went wrong at the bottom. It
 * follows the model; it decides nothing.
 */
final class Shell extends BorderPane {
  private final BedsideModel model;
  private final PreviewModel preview;
  private final OutboxModel outbox;
  private final BodySiteCatalogue catalogue;
  private final List<Camera> scanCameras;
  private final Executor ui;
  private final BedsideApp.Demo demo;
  private final SettingsModel settings;
  private final FilePicker files;
  private final PatientBanner banner;
  private final StackPane content = new StackPane();
  private final ReadyToScanScreen ready;
  private CaptureScreen capture;
  private ReviewScreen review;
  private boolean outboxOpen;
  private CameraScan scanning;

  Shell(
      BedsideModel model,
      PreviewModel preview,
      OutboxModel outbox,
      BodySiteCatalogue catalogue,
      List<Camera> scanCameras,
      BedsideApp.Demo demo,
      SettingsModel settings,
      FilePicker files,
      Executor ui) {
    this.model = model;
    this.preview = preview;
    this.outbox = outbox;
    this.catalogue = catalogue;
    this.scanCameras = scanCameras;
    this.demo = demo;
    this.settings = settings;
    this.files = files;
    this.ui = ui;
    setId("shell");
    Label operator = new Label();
    operator.getStyleClass().add("banner-facts");
    operator.setMinWidth(Region.USE_PREF_SIZE);
    operator.setId("operator");
    operator.setGraphic(new org.kordamp.ikonli.javafx.FontIcon(Material2MZ.PERSON));
    Button lock = Controls.button(Material2AL.LOCK, Texts.t("shell.lock"), this::lock);
    lock.setId("lock");
    lock.setAccessibleHelp(Texts.t("shell.lockKey"));
    lock.setTooltip(new javafx.scene.control.Tooltip(Texts.t("shell.lockKey")));
    sceneProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null) {
                now.getAccelerators()
                    .put(
                        new javafx.scene.input.KeyCodeCombination(
                            javafx.scene.input.KeyCode.L,
                            javafx.scene.input.KeyCombination.SHORTCUT_DOWN),
                        this::lock);
              }
            });
    Button badge = Controls.button(Material2MZ.SYNC, "", this::toggleOutbox, "outbox-badge");
    badge.setId("outbox-badge");
    badge
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> badgeText(outbox.badgeProperty().get()), outbox.badgeProperty()));
    badge.accessibleTextProperty().bind(badge.textProperty());
    badge.setMinWidth(Region.USE_PREF_SIZE);
    lock.setMinWidth(Region.USE_PREF_SIZE);
    outbox
        .badgeProperty()
        .addListener(
            (o, was, now) -> {
              badge.getStyleClass().remove("attention");
              if (now.attention() > 0) {
                badge.getStyleClass().add("attention");
              }
            });
    banner = new PatientBanner(operator, lock, badge);
    setTop(banner);
    ready =
        new ReadyToScanScreen(
            model,
            this::cameraScan,
            demo == null ? null : this::wristbands,
            demo == null ? null : demo.archiveFolder());
    setCenter(content);
    setBottom(statusBar());
    model
        .stateProperty()
        .addListener(
            (o, was, now) -> {
              operator.setText(
                  now.operator() == null ? "" : Texts.t("shell.operator", now.operator()));
              lock.setDisable(signedOutOrLocked(now));
              show(now);
            });
    lock.setDisable(signedOutOrLocked(model.state()));
    operator.setText(
        model.state().operator() == null
            ? ""
            : Texts.t("shell.operator", model.state().operator()));
    show(model.state());
  }

  private static boolean signedOutOrLocked(CaptureWorkflow.State state) {
    return state.step() == CaptureWorkflow.Step.SIGNED_OUT
        || state.step() == CaptureWorkflow.Step.LOCKED;
  }

  /** The badge's words: what is on its way, what needs a person, what is held. */
  static String badgeText(OutboxModel.Badge b) {
    if (b == null || b.empty()) {
      return Texts.t("outbox.badge.empty");
    }
    List<String> parts = new java.util.ArrayList<>();
    if (b.sending() > 0) {
      parts.add(Texts.t("outbox.badge.sending", b.sending()));
    }
    if (b.attention() > 0) {
      parts.add(Texts.t("outbox.badge.attention", b.attention()));
    }
    if (b.held() > 0) {
      parts.add(Texts.t("outbox.badge.held", b.held()));
    }
    return Texts.t("outbox.badge", String.join(" · ", parts));
  }

  private Node statusBar() {
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(32, 32);
    Label busy = Controls.label("", "what-to-do");
    busy.setId("busy");
    busy.textProperty().bind(model.busyProperty());
    HBox busyBar = new HBox(16, spinner, busy);
    busyBar.getStyleClass().add("busy-bar");
    busyBar.setAlignment(Pos.CENTER_LEFT);
    busyBar.visibleProperty().bind(model.busyProperty().isNotNull());
    busyBar.managedProperty().bind(busyBar.visibleProperty());
    Label problem = Controls.label("", "what-to-do");
    problem.setId("problem");
    problem.textProperty().bind(model.problemProperty());
    HBox problemBar =
        new HBox(16, new org.kordamp.ikonli.javafx.FontIcon(Material2MZ.WARNING), problem);
    problemBar.getStyleClass().add("problem-bar");
    problemBar.setAlignment(Pos.CENTER_LEFT);
    problemBar.visibleProperty().bind(model.problemProperty().isNotNull());
    problemBar.managedProperty().bind(problemBar.visibleProperty());
    return new VBox(busyBar, problemBar);
  }

  private void show(CaptureWorkflow.State state) {
    banner.show(state.step() == CaptureWorkflow.Step.LOCKED ? null : state.patient());
    if (outboxOpen) {
      return;
    }
    stopCameraScan();
    Node screen =
        switch (state.step()) {
          case SIGNED_OUT -> new SignInScreen(model, state, demo);
          case LOCKED ->
              model.signInRequired()
                  ? new SignInScreen(model, state, demo)
                  : new GuardScreen(model, state);
          case SETTINGS ->
              settings == null ? ready : new SettingsScreen(model, settings, preview, files);
          case READY_TO_SCAN -> {
            ready.told(state.ending(), state.kept());
            ready.offerSettings(settings != null && model.installerSignedIn());
            yield ready;
          }
          case CONFIRM_PATIENT, CONFIRM_MERGED_RECORD ->
              new ConfirmScreen(
                  model, (org.bedsidecapture.app.fhir.LookupResult.Found) state.lookup());
          case CAPTURING -> captureScreen();
          case REVIEWING -> reviewScreen();
          default -> new GuardScreen(model, state);
        };
    content.getChildren().setAll(screen);
  }

  private CaptureScreen captureScreen() {
    if (capture == null) {
      capture = new CaptureScreen(model, preview, catalogue);
    }
    return capture;
  }

  private ReviewScreen reviewScreen() {
    if (review == null) {
      review = new ReviewScreen(model, catalogue);
    }
    return review;
  }

  private void lock() {
    CaptureWorkflow.Step step = model.state().step();
    if (step != CaptureWorkflow.Step.LOCKED && step != CaptureWorkflow.Step.SIGNED_OUT) {
      model.lock();
    }
  }

  private void toggleOutbox() {
    outboxOpen = !outboxOpen;
    if (outboxOpen) {
      stopCameraScan();
      outbox.refresh();
      content
          .getChildren()
          .setAll(
              new OutboxPanel(
                  outbox,
                  () ->
                      outbox.sendKept(model.shots().stream().map(CaptureSession.Shot::id).toList()),
                  this::toggleOutbox));
    } else {
      show(model.state());
    }
  }

  /** Scanning with the camera: its preview with the decoder running, until a barcode is read. */
  private void cameraScan() {
    if (scanCameras.isEmpty()) {
      model.tell(Texts.t("scan.noCamera"));
      return;
    }
    PreviewModel.Sink sink = new PreviewModel.Sink();
    LivePreview view = new LivePreview(sink);
    view.setFitHeight(480);
    view.setAccessibleText(Texts.t("scan.cameraView"));
    try {
      scanning =
          CameraScan.start(
              scanCameras.get(0),
              sink,
              ui,
              read -> {
                stopCameraScan();
                model.scanned(read);
              });
    } catch (DeviceException e) {
      model.tell(Texts.t("scan.cameraFailed", e.getMessage()));
      return;
    }
    view.start();
    Button cancel =
        Controls.button(
            Material2AL.CLOSE,
            Texts.t("scan.cancel"),
            () -> {
              stopCameraScan();
              show(model.state());
            },
            "big");
    cancel.setId("camera-scan-cancel");
    VBox box = new VBox(16, Controls.label(Texts.t("scan.cameraHint"), "what-to-do"), view, cancel);
    box.getStyleClass().add("screen");
    box.setAlignment(Pos.CENTER);
    box.setId("camera-scan-view");
    box.sceneProperty()
        .addListener(
            (o, was, now) -> {
              if (now == null) {
                view.stop();
              }
            });
    content.getChildren().setAll(box);
  }

  private void stopCameraScan() {
    if (scanning != null) {
      scanning.close();
      scanning = null;
    }
  }

  /** The demo's wristband sheet, to print or to scan from the screen. */
  private void wristbands() {
    Path wristbandSheet = demo.wristbandSheet();
    ImageView sheet = new ImageView(new Image(wristbandSheet.toUri().toString()));
    sheet.setPreserveRatio(true);
    sheet.setFitHeight(520);
    sheet.setAccessibleText(Texts.t("demo.sheet"));
    Label where = Controls.label(Texts.t("demo.sheetWhere", wristbandSheet), "subtitle");
    Button print =
        Controls.button(
            Material2MZ.PRINT,
            Texts.t("demo.print"),
            () -> {
              javafx.print.PrinterJob job = javafx.print.PrinterJob.createPrinterJob();
              if (job == null) {
                where.setText(Texts.t("demo.noPrinter", wristbandSheet));
                return;
              }
              if (job.printPage(sheet)) {
                job.endJob();
              }
            },
            "big");
    print.setId("print-wristbands");
    Button back =
        Controls.button(
            Material2AL.ARROW_BACK, Texts.t("outbox.close"), () -> show(model.state()), "big");
    back.setId("wristbands-close");
    HBox buttons = new HBox(16, print, back);
    buttons.setAlignment(Pos.CENTER);
    VBox box = new VBox(16, sheet, where, buttons);
    box.getStyleClass().add("screen");
    box.setAlignment(Pos.CENTER);
    box.setId("wristband-sheet");
    content.getChildren().setAll(box);
  }
}
