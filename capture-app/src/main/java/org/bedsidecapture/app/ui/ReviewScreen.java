package org.bedsidecapture.app.ui;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.bedsidecapture.app.service.CaptureSession;
import org.bedsidecapture.app.ui.model.BedsideModel;
import org.bedsidecapture.dicom.BodySiteCatalogue;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Review: the session's captures, the chosen one large with its body site, side and note; delete,
 * retake, change the body site or the note. Nothing leaves before Send.
 */
final class ReviewScreen extends BorderPane {
  private final BedsideModel model;
  private final ImageView large = new ImageView();
  private final Label tags = Controls.label("", "what-to-do");
  private final TextField note = new TextField();
  private final VBox list = new VBox(8);

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
    VBox middle = new VBox(8, stage, tags);
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
    Button send = Controls.button(Material2MZ.SEND, "", model::send, "big", "accent");
    send.setId("review-send");
    send.textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> Texts.t("capture.send", model.shots().size()), model.shots()));
    send.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.shots()));
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox bottom = new HBox(16, back, delete, retake, gap, send);
    bottom.setAlignment(Pos.CENTER_LEFT);
    bottom.setStyle("-fx-padding: 8 16 8 16;");
    setBottom(bottom);

    model.shots().addListener((ListChangeListener<CaptureSession.Shot>) c -> refresh());
    model.selectedProperty().addListener((o, was, now) -> show(now));
    refresh();
    show(model.selectedProperty().get());
  }

  private void refresh() {
    list.getChildren().clear();
    int i = 0;
    for (CaptureSession.Shot s : model.shots()) {
      ImageView t = new ImageView(Pictures.image(s.thumbnail()));
      t.setFitWidth(200);
      t.setPreserveRatio(true);
      StackPane frame = new StackPane(t);
      frame.getStyleClass().add("thumbnail");
      if (s.equals(model.selectedProperty().get())) {
        frame.getStyleClass().add("selected");
      }
      frame.setId("review-thumbnail-" + i++);
      frame.setAccessibleText(Texts.t("capture.thumbnail", i, s.site().meaning()));
      frame.setOnMouseClicked(e -> model.selectedProperty().set(s));
      list.getChildren().add(frame);
    }
  }

  private void show(CaptureSession.Shot s) {
    refresh();
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
            ? s.site().meaning()
            : s.site().meaning() + " · " + Texts.t("side." + s.laterality().name());
    String text = Texts.t("review.tags", Texts.t("source." + s.source().name()), site);
    tags.setText(s.note() == null ? text : text + " · “" + s.note() + "”");
  }
}
