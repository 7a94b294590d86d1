package org.bedsidecapture.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.bedsidecapture.app.ui.model.BedsideModel;
import org.bedsidecapture.app.ui.model.BodyDiagram;
import org.bedsidecapture.dicom.BodySite;
import org.bedsidecapture.dicom.BodySiteCatalogue;
import org.bedsidecapture.dicom.Laterality;

/**
 * The body-site picker: a tappable figure (front or back; a region sets the site and the side at
 * once), a searchable list of the whole catalogue, and the side. The choice stays for the next
 * shot.
 */
final class BodySitePicker extends VBox {
  private static final double SCALE = 1.3;

  private final BedsideModel model;
  private final BodyDiagram diagram;
  private final Pane figure = new Pane();
  private final Label chosen = Controls.label("", "what-to-do");
  private final ToggleGroup sides = new ToggleGroup();
  private final List<ToggleButton> sideButtons = new ArrayList<>();
  private BodyDiagram.View view = BodyDiagram.View.FRONT;
  private final ToggleGroup views;

  BodySitePicker(BedsideModel model, BodySiteCatalogue catalogue) {
    this.model = model;
    this.diagram = BodyDiagram.of(catalogue);
    getStyleClass().add("side-panel");
    setId("body-site-picker");
    views = new ToggleGroup();
    ToggleButton front = Controls.toggle(Texts.t("site.front"));
    front.setId("view-front");
    ToggleButton back = Controls.toggle(Texts.t("site.back"));
    back.setId("view-back");
    front.setToggleGroup(views);
    back.setToggleGroup(views);
    front.setSelected(true);
    front.setOnAction(e -> show(BodyDiagram.View.FRONT));
    back.setOnAction(e -> show(BodyDiagram.View.BACK));
    HBox viewRow = new HBox(8, front, back);
    figure.setPrefSize(100 * SCALE, 220 * SCALE);
    figure.setMinSize(100 * SCALE, 220 * SCALE);
    figure.setMaxSize(100 * SCALE, 220 * SCALE);
    HBox figureRow = new HBox(figure);
    figureRow.setAlignment(Pos.CENTER);

    TextField search = new TextField();
    search.setId("site-search");
    search.setPromptText(Texts.t("site.search"));
    search.setAccessibleText(Texts.t("site.search"));
    search.setMinHeight(56);
    ListView<BodySite> list = new ListView<>(FXCollections.observableArrayList(catalogue.all()));
    list.setId("site-list");
    list.setPrefHeight(168);
    list.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(BodySite site, boolean empty) {
                super.updateItem(site, empty);
                setText(empty || site == null ? null : Names.site(site));
                setAccessibleText(getText());
              }
            });
    search
        .textProperty()
        .addListener(
            (o, was, now) ->
                list.getItems()
                    .setAll(BedsideModel.sitesMatching(catalogue.all(), now, Names::site)));
    search.setOnAction(
        e -> {
          if (!list.getItems().isEmpty()) {
            list.getSelectionModel().selectFirst();
          }
        });
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null) {
                model.siteProperty().set(now);
                if (!now.paired()) {
                  model.lateralityProperty().set(Laterality.UNPAIRED);
                }
              }
            });

    javafx.scene.layout.FlowPane sideRow = new javafx.scene.layout.FlowPane(8, 8);
    for (Laterality l :
        List.of(Laterality.RIGHT, Laterality.LEFT, Laterality.BOTH, Laterality.UNPAIRED)) {
      ToggleButton b = Controls.toggle(Texts.t("side." + l.name()));
      b.setId("side-" + l.name().toLowerCase(java.util.Locale.ROOT));
      b.setUserData(l);
      b.setToggleGroup(sides);
      b.setOnAction(
          e -> {
            model.lateralityProperty().set(l);
            b.setSelected(true);
          });
      b.setMaxWidth(Double.MAX_VALUE);
      b.setMinWidth(56);
      HBox.setHgrow(b, javafx.scene.layout.Priority.ALWAYS);
      sideButtons.add(b);
      sideRow.getChildren().add(b);
    }
    chosen.setId("site-chosen");
    getChildren().addAll(chosen, viewRow, figureRow, sideRow, search, list);
    model.siteProperty().addListener((o, was, now) -> refresh());
    model.lateralityProperty().addListener((o, was, now) -> refresh());
    show(view);
  }

  /** The picker in a scroll pane, so a short window scrolls it instead of cutting the screen. */
  static javafx.scene.control.ScrollPane scrolling(BodySitePicker picker) {
    javafx.scene.control.ScrollPane pane = new javafx.scene.control.ScrollPane(picker);
    pane.setFitToWidth(true);
    pane.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
    pane.setMinWidth(340);
    return pane;
  }

  private void show(BodyDiagram.View v) {
    view = v;
    figure.getChildren().clear();
    for (BodyDiagram.Region r : diagram.regions(v)) {
      Rectangle shape =
          new Rectangle(r.x() * SCALE, r.y() * SCALE, r.width() * SCALE, r.height() * SCALE);
      shape.setArcWidth(12);
      shape.setArcHeight(12);
      shape.getStyleClass().add("body-region");
      shape.setUserData(r);
      String name = Names.site(r.site()) + sideWords(r.side());
      shape.setAccessibleText(name);
      shape.setId(
          "region-"
              + v.name().toLowerCase(java.util.Locale.ROOT)
              + "-"
              + r.site().snomedId()
              + "-"
              + r.side().dicomCode());
      shape.setOnMouseClicked(
          e -> {
            model.siteProperty().set(r.site());
            model.lateralityProperty().set(r.side());
          });
      figure.getChildren().add(shape);
    }
    refresh();
  }

  private void refresh() {
    BodySite site = model.siteProperty().get();
    Laterality side = model.lateralityProperty().get();
    BodyDiagram.View other =
        view == BodyDiagram.View.FRONT ? BodyDiagram.View.BACK : BodyDiagram.View.FRONT;
    if (site != null
        && diagram.regions(view).stream().noneMatch(r -> r.site().equals(site))
        && diagram.regions(other).stream().anyMatch(r -> r.site().equals(site))) {
      views.selectToggle(views.getToggles().get(other == BodyDiagram.View.FRONT ? 0 : 1));
      show(other);
      return;
    }
    chosen.setText(site == null ? Texts.t("site.none") : Names.site(site) + sideWords(side));
    for (javafx.scene.Node n : figure.getChildren()) {
      BodyDiagram.Region r = (BodyDiagram.Region) n.getUserData();
      boolean on = site != null && r.site().equals(site) && r.side() == side;
      n.getStyleClass().remove("chosen");
      if (on) {
        n.getStyleClass().add("chosen");
      }
    }
    for (ToggleButton b : sideButtons) {
      b.setSelected(b.getUserData() == side);
      b.setDisable(site != null && !site.paired() && b.getUserData() != Laterality.UNPAIRED);
    }
  }

  private static String sideWords(Laterality side) {
    return side == Laterality.UNPAIRED ? "" : " · " + Texts.t("side." + side.name());
  }
}
