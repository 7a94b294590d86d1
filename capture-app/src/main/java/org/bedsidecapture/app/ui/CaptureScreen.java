package org.bedsidecapture.app.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.bedsidecapture.app.service.CaptureSession;
import org.bedsidecapture.app.ui.model.BedsideModel;
import org.bedsidecapture.app.ui.model.PreviewModel;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.dicom.BodySiteCatalogue;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Capture: the body-site picker on the left, the live preview at full rate in the middle, the
 * session's thumbnails and the shutter under it, the device, Review, Leave and Send at the bottom.
 * The preview is drawn on each screen pulse from the newest frame, so a slow screen drops display
 * frames, never device frames.
 */
final class CaptureScreen extends BorderPane {
  private final PreviewModel preview;
  private final LivePreview view;

  /** How often the devices are listed again while the chosen one is missing. */
  private static final javafx.util.Duration LOOK_AGAIN = javafx.util.Duration.seconds(3);

  private final AnimationTimer drawing;
  private final Map<CaptureSession.Shot, StackPane> onStrip = new IdentityHashMap<>();

  CaptureScreen(BedsideModel model, PreviewModel preview, BodySiteCatalogue catalogue) {
    this.preview = preview;
    this.view = new LivePreview(preview.frames());
    setId("capture-screen");
    setLeft(BodySitePicker.scrolling(new BodySitePicker(model, catalogue)));

    view.setAccessibleText(Texts.t("capture.preview"));
    StackPane stage = new StackPane(view);
    stage.getStyleClass().add("preview-pane");
    stage.setMinSize(0, 0);
    stage.setPrefSize(1, 1);
    view.fitWidthProperty().bind(stage.widthProperty());
    view.fitHeightProperty().bind(stage.heightProperty());
    Label problem = Controls.label("", "stop-text", "on-preview");
    problem.setId("device-problem");
    problem.setMaxWidth(760);
    problem.textProperty().bind(preview.deviceProblemProperty());
    problem.visibleProperty().bind(preview.deviceProblemProperty().isNotNull());
    Label recording = Controls.label("", "recording");
    recording.setId("recording");
    StackPane.setAlignment(recording, Pos.TOP_LEFT);
    stage.getChildren().addAll(problem, recording);

    HBox strip = new HBox(8);
    strip.setId("thumbnails");
    ScrollPane strip2 = new ScrollPane(strip);
    strip2.setFitToHeight(true);
    strip2.setPrefHeight(132);
    HBox.setHgrow(strip2, Priority.ALWAYS);
    model
        .shots()
        .addListener((ListChangeListener<CaptureSession.Shot>) c -> thumbnails(model, strip));
    thumbnails(model, strip);
    Button shutter =
        Controls.button(
            Material2MZ.PHOTO_CAMERA,
            Texts.t("capture.shutter"),
            preview::shutter,
            "shutter",
            "accent");
    shutter.setId("shutter");
    Button record =
        Controls.button(
            Material2AL.FIBER_MANUAL_RECORD,
            Texts.t("capture.record"),
            preview::recordOrStop,
            "big");
    record.setId("record");
    record.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    shutter.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    HBox under = new HBox(16, strip2, record, shutter);
    under.setAlignment(Pos.CENTER_RIGHT);
    under.setStyle("-fx-padding: 8;");
    VBox middle = new VBox(stage, under);
    VBox.setVgrow(stage, Priority.ALWAYS);
    setCenter(middle);

    ComboBox<Camera> devices = new ComboBox<>(preview.cameras());
    devices.setId("device");
    devices.setAccessibleText(Texts.t("capture.device"));
    devices.setMinHeight(56);
    devices.setPrefWidth(340);
    devices.setMinWidth(160);
    devices.setCellFactory(v -> cameraCell());
    devices.setButtonCell(cameraCell());
    devices.valueProperty().bindBidirectional(preview.cameraProperty());
    devices.setOnAction(e -> preview.start());
    devices.setOnShowing(e -> preview.lookAgain());
    Button review =
        Controls.button(Material2AL.COLLECTIONS, Texts.t("capture.review"), model::review);
    review.setId("review");
    review.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.shots()));
    Button importing =
        Controls.button(
            Material2AL.FOLDER_OPEN, Texts.t("capture.import"), () -> importFiles(model));
    importing.setId("import");
    Button leave = Controls.button(Material2AL.CLOSE, Texts.t("capture.leave"), model::leave);
    leave.setId("leave");
    setBottom(Controls.bottomBar(Controls.send(model, "send"), devices, review, importing, leave));

    drawing =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            Instant since = preview.recordingSinceProperty().get();
            recording.setText(
                since == null
                    ? ""
                    : Texts.t(
                        "capture.recording", Names.clock(Duration.between(since, Instant.now()))));
          }
        };
    Timeline lookingForDevices =
        new Timeline(
            new KeyFrame(
                LOOK_AGAIN,
                e -> {
                  if (preview.deviceProblemProperty().get() != null) {
                    preview.lookAgain();
                  }
                }));
    lookingForDevices.setCycleCount(Animation.INDEFINITE);
    sceneProperty()
        .addListener(
            (o, was, now) -> {
              if (now == null) {
                lookingForDevices.stop();
                drawing.stop();
                view.stop();
                preview.stop();
              } else {
                preview.start();
                view.start();
                drawing.start();
                lookingForDevices.play();
              }
            });
  }

  /** Photos from a folder or a stick, each wrapped into the session like a shot. */
  private void importFiles(BedsideModel model) {
    javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
    chooser.setTitle(Texts.t("capture.import"));
    chooser
        .getExtensionFilters()
        .add(
            new javafx.stage.FileChooser.ExtensionFilter(
                Texts.t("capture.importPhotos"), "*.jpg", "*.jpeg", "*.png", "*.tif", "*.tiff"));
    java.util.List<java.io.File> files = chooser.showOpenMultipleDialog(getScene().getWindow());
    if (files == null) {
      return;
    }
    model.importPhotos(files.stream().map(java.io.File::toPath).toList());
  }

  private static ListCell<Camera> cameraCell() {
    return new ListCell<>() {
      @Override
      protected void updateItem(Camera c, boolean empty) {
        super.updateItem(c, empty);
        setText(empty || c == null ? null : c.name());
      }
    };
  }

  /**
   * Lays the session's thumbnails out in order; a thumbnail already on the strip is reused, so a
   * new shot costs one new thumbnail however many the session holds.
   */
  private void thumbnails(BedsideModel model, HBox strip) {
    Map<CaptureSession.Shot, StackPane> before = new IdentityHashMap<>(onStrip);
    onStrip.clear();
    List<StackPane> frames = new ArrayList<>();
    int i = 0;
    for (CaptureSession.Shot s : model.shots()) {
      StackPane frame = before.get(s);
      if (frame == null) {
        frame = Pictures.thumbnail(s, i + 1, 0, 108);
        frame.setOnMouseClicked(
            e -> {
              model.selectedProperty().set(s);
              model.review();
            });
      }
      frame.setAccessibleText(Pictures.said(s, i + 1));
      frame.setId("thumbnail-" + i++);
      onStrip.put(s, frame);
      frames.add(frame);
    }
    strip.getChildren().setAll(frames);
  }
}
