package org.bedsidecapture.app.ui;

import java.time.Duration;
import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.bedsidecapture.app.service.CaptureSession;
import org.bedsidecapture.app.service.ClipFrames;
import org.bedsidecapture.app.ui.model.BedsideModel;
import org.bedsidecapture.dicom.BodySiteCatalogue;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Review: the session's captures, the chosen one large with its body site, side and note (a clip
 * with a slider to scrub through its frames, and Play); delete, retake, change the body site or the
 * note. Nothing leaves before Send.
 */
final class ReviewScreen extends BorderPane {
  private final BedsideModel model;
  private final ImageView large = new ImageView();
  private final Label tags = Controls.label("", "what-to-do");
  private final TextField note = new TextField();
  private final VBox list = new VBox(8);
  private final Slider scrub = new Slider();
  private final Label position = Controls.label("", "what-to-do");
  private final Button play =
      Controls.button(Material2MZ.PLAY_ARROW, Texts.t("review.play"), this::playOrPause);
  private final HBox scrubBar = new HBox(16);
  private final Timeline playing = new Timeline();
  private ClipFrames frames = ClipFrames.NONE;
  private int showing = -1;

  ReviewScreen(BedsideModel model, BodySiteCatalogue catalogue) {
    this.model = model;
    setId("review-screen");
    list.setId("review-list");
    ScrollPane left = new ScrollPane(list);
    left.setPrefWidth(240);
    left.setFitToWidth(true);
    setLeft(left);

    large.setPreserveRatio(true);
    large.setAccessibleText(Texts.t("review.large"));
    StackPane stage = new StackPane(large);
    stage.getStyleClass().add("preview-pane");
    stage.setMinSize(0, 0);
    stage.setPrefSize(1, 1);
    large.fitWidthProperty().bind(stage.widthProperty());
    large.fitHeightProperty().bind(stage.heightProperty().subtract(8));
    tags.setId("review-tags");
    VBox middle = new VBox(8, stage, scrubBar(), tags);
    VBox.setVgrow(stage, Priority.ALWAYS);
    middle.setStyle("-fx-padding: 8;");
    setCenter(middle);

    BodySitePicker picker = new BodySitePicker(model, catalogue);
    note.setId("review-note");
    note.setPromptText(Texts.t("review.note"));
    note.setAccessibleText(Texts.t("review.note"));
    note.setMinHeight(56);
    Button apply =
        Controls.button(
            Material2AL.EDIT,
            Texts.t("review.apply"),
            () -> {
              CaptureSession.Shot s = model.selectedProperty().get();
              if (s != null) {
                model.retag(
                    s,
                    model.siteProperty().get(),
                    model.lateralityProperty().get(),
                    note.getText());
              }
            });
    apply.setId("review-apply");
    picker.getChildren().addAll(1, java.util.List.of(note, apply));
    setRight(BodySitePicker.scrolling(picker));

    Button back =
        Controls.button(
            Material2AL.ARROW_BACK, Texts.t("review.back"), model::backToCapture, "big");
    back.setId("review-back");
    Button delete =
        Controls.button(
            Material2AL.DELETE,
            Texts.t("review.delete"),
            () -> {
              CaptureSession.Shot s = model.selectedProperty().get();
              if (s != null) {
                model.delete(s);
              }
            },
            "big",
            "danger");
    delete.setId("review-delete");
    Button retake =
        Controls.button(
            Material2MZ.REPLAY,
            Texts.t("review.retake"),
            () -> {
              CaptureSession.Shot s = model.selectedProperty().get();
              if (s != null) {
                model.retake(s);
              }
            },
            "big");
    retake.setId("review-retake");
    setBottom(Controls.bottomBar(Controls.send(model, "review-send"), back, delete, retake));

    model.shots().addListener((ListChangeListener<CaptureSession.Shot>) c -> refresh());
    model.selectedProperty().addListener((o, was, now) -> show(now));
    refresh();
    show(model.selectedProperty().get());
  }

  /** A clip's frames to scrub through with a slider, or to play; hidden for stills. */
  private HBox scrubBar() {
    scrub.setId("review-scrub");
    scrub.getStyleClass().add("scrub");
    scrub.setAccessibleText(Texts.t("review.scrub"));
    scrub.setMinHeight(56);
    HBox.setHgrow(scrub, Priority.ALWAYS);
    scrub.valueProperty().addListener((o, was, now) -> showFrameAt(now.doubleValue()));
    play.setId("review-play");
    position.setId("review-position");
    position.setMinWidth(Region.USE_PREF_SIZE);
    playing.setOnFinished(e -> paused());
    scrubBar.getChildren().addAll(play, scrub, position);
    scrubBar.setAlignment(Pos.CENTER_LEFT);
    scrubBar.managedProperty().bind(scrubBar.visibleProperty());
    scrubBar.setVisible(false);
    return scrubBar;
  }

  private void showFrameAt(double millis) {
    if (!frames.scrubbable()) {
      return;
    }
    Duration at = Duration.ofMillis(Math.round(millis));
    int i = frames.indexAt(at);
    if (i != showing) {
      showing = i;
      large.setImage(Pictures.image(frames.samples().get(i).picture()));
    }
    position.setText(Texts.t("review.position", Names.clock(at), Names.clock(frames.length())));
  }

  private void playOrPause() {
    if (playing.getStatus() == Animation.Status.RUNNING) {
      playing.pause();
      paused();
      return;
    }
    double from = scrub.getValue() >= scrub.getMax() ? 0 : scrub.getValue();
    scrub.setValue(from);
    playing
        .getKeyFrames()
        .setAll(
            new KeyFrame(javafx.util.Duration.ZERO, new KeyValue(scrub.valueProperty(), from)),
            new KeyFrame(
                javafx.util.Duration.millis(scrub.getMax() - from),
                new KeyValue(scrub.valueProperty(), scrub.getMax(), Interpolator.LINEAR)));
    playing.playFromStart();
    play.setText(Texts.t("review.pause"));
    play.setAccessibleText(Texts.t("review.pause"));
    ((FontIcon) play.getGraphic()).setIconCode(Material2MZ.PAUSE);
  }

  private void paused() {
    play.setText(Texts.t("review.play"));
    play.setAccessibleText(Texts.t("review.play"));
    ((FontIcon) play.getGraphic()).setIconCode(Material2MZ.PLAY_ARROW);
  }

  private void refresh() {
    list.getChildren().clear();
    int i = 0;
    for (CaptureSession.Shot s : model.shots()) {
      StackPane frame = Pictures.thumbnail(s, i + 1, 200, 0);
      if (s.equals(model.selectedProperty().get())) {
        frame.getStyleClass().add("selected");
      }
      frame.setId("review-thumbnail-" + i++);
      frame.setOnMouseClicked(e -> model.selectedProperty().set(s));
      list.getChildren().add(frame);
    }
  }

  private void show(CaptureSession.Shot s) {
    refresh();
    playing.stop();
    paused();
    frames = s == null ? ClipFrames.NONE : s.frames();
    showing = -1;
    scrubBar.setVisible(frames.scrubbable());
    scrub.setMin(0);
    scrub.setMax(Math.max(1, frames.length().toMillis()));
    scrub.setValue(0);
    position.setText(
        Texts.t("review.position", Names.clock(Duration.ZERO), Names.clock(frames.length())));
    if (s == null) {
      large.setImage(null);
      tags.setText("");
      note.setText("");
      return;
    }
    large.setImage(Pictures.image(s.view()));
    model.siteProperty().set(s.site());
    model.lateralityProperty().set(s.laterality());
    note.setText(s.note() == null ? "" : s.note());
    String site =
        s.laterality() == org.bedsidecapture.dicom.Laterality.UNPAIRED
            ? Names.site(s.site())
            : Names.site(s.site()) + " · " + Texts.t("side." + s.laterality().name());
    String text = Texts.t("review.tags", Texts.t("source." + s.source().name()), site);
    tags.setText(s.note() == null ? text : text + " · “" + s.note() + "”");
  }
}
