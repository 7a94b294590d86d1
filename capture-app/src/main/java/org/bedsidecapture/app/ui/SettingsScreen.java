package org.bedsidecapture.app.ui;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.bedsidecapture.app.service.StationCheck;
import org.bedsidecapture.app.settings.Archive;
import org.bedsidecapture.app.ui.model.BedsideModel;
import org.bedsidecapture.app.ui.model.SettingsModel;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The installer's screen: the settings in force, Test connection with an answer per archive and
 * EHR, and a barcode tried live against the site's rules.
 */
final class SettingsScreen extends BorderPane {
  SettingsScreen(BedsideModel bedside, SettingsModel settings) {
    setId("settings-screen");
    VBox body = new VBox(16);
    body.getStyleClass().add("screen");
    Label title = Controls.label(Texts.t("settings.title"), "prompt");
    SettingsModel.Facts facts = settings.facts();
    VBox summary = new VBox(4);
    summary.setId("settings-summary");
    summary
        .getChildren()
        .add(
            line(
                Texts.t(
                    "settings.station",
                    facts.station(),
                    facts.aeTitle(),
                    Integer.toString(facts.listenPort()))));
    for (int i = 0; i < facts.archives().size(); i++) {
      Archive a = facts.archives().get(i);
      summary
          .getChildren()
          .add(
              line(
                  Texts.t(
                      "settings.archive",
                      i + 1,
                      a.url(),
                      a.commit() ? Texts.t("settings.commit") : "")));
    }
    summary
        .getChildren()
        .addAll(
            line(
                facts.ehr() == null
                    ? Texts.t("settings.noEhr")
                    : Texts.t("settings.ehr", facts.ehr())),
            line(Texts.t("settings.idle", facts.idle().toMinutes())),
            line(Texts.t("settings.rules", facts.barcodeRules(), facts.barcodeRuleCount())));
    TextField sample = new TextField();
    sample.setId("try-barcode");
    sample.setPromptText(Texts.t("settings.barcode"));
    sample.setAccessibleText(Texts.t("settings.barcode"));
    sample.setMinHeight(56);
    sample.setPrefColumnCount(18);
    Button test =
        Controls.button(
            Material2MZ.NETWORK_CHECK,
            Texts.t("settings.test"),
            () -> settings.testConnections(sample.getText()),
            "big",
            "accent");
    test.setId("test-connections");
    test.disableProperty().bind(settings.testingProperty());
    VBox answers = new VBox(8);
    answers.setId("test-answers");
    settings
        .findings()
        .addListener(
            (ListChangeListener<StationCheck.Finding>)
                c -> {
                  answers.getChildren().clear();
                  for (StationCheck.Finding f : settings.findings()) {
                    answers.getChildren().add(finding(f));
                  }
                });
    VBox tried = new VBox();
    tried.setId("barcode-answer");
    sample
        .textProperty()
        .addListener(
            (o, was, now) ->
                tried
                    .getChildren()
                    .setAll(now.isBlank() ? new Label() : finding(settings.tryBarcode(now))));
    java.util.Map<String, String> before = new java.util.LinkedHashMap<>();
    before.put("station.name", facts.station());
    before.put("archive.1", facts.archives().isEmpty() ? "" : facts.archives().get(0).url());
    before.put("fhir.base-url", facts.ehr() == null ? "" : facts.ehr());
    before.put("session.idle-minutes", Long.toString(facts.idle().toMinutes()));
    before.put("ui.language", facts.language());
    javafx.scene.layout.GridPane editing = new javafx.scene.layout.GridPane();
    editing.setHgap(16);
    editing.setVgap(8);
    java.util.Map<String, TextField> fields = new java.util.LinkedHashMap<>();
    int row = 0;
    for (java.util.Map.Entry<String, String> e : before.entrySet()) {
      TextField field = new TextField(e.getValue());
      field.setId("setting-" + e.getKey().replace('.', '-'));
      field.setAccessibleText(e.getKey());
      field.setMinHeight(56);
      field.setPrefColumnCount(18);
      fields.put(e.getKey(), field);
      editing.addRow(row++, Controls.label(e.getKey(), "confirm-label"), field);
    }
    Button save =
        Controls.button(
            Material2MZ.SAVE,
            Texts.t("settings.save"),
            () -> {
              java.util.Map<String, String> edited = new java.util.LinkedHashMap<>();
              fields.forEach((k, f) -> edited.put(k, f.getText()));
              settings.save(edited, before, bedside.signedInForTheRecord());
            },
            "big");
    save.setId("settings-save");
    Label saved = Controls.label("", "what-to-do");
    saved.setId("settings-saved");
    saved.textProperty().bind(settings.savedProperty());
    Label refused = Controls.label("", "stop-text");
    refused.setId("settings-refused");
    refused.textProperty().bind(settings.refusedProperty());
    Button back =
        Controls.button(
            Material2AL.ARROW_BACK, Texts.t("settings.back"), bedside::closeSettings, "big");
    back.setId("settings-back");
    HBox testRow = new HBox(16, test);
    testRow.setAlignment(Pos.CENTER_LEFT);
    VBox tryOut =
        new VBox(
            16,
            summary,
            testRow,
            answers,
            Controls.label(Texts.t("settings.barcodeTitle"), "subtitle"),
            sample,
            tried);
    VBox change =
        new VBox(
            16,
            Controls.label(Texts.t("settings.changeTitle"), "subtitle"),
            editing,
            save,
            saved,
            refused);
    HBox.setHgrow(tryOut, javafx.scene.layout.Priority.ALWAYS);
    HBox.setHgrow(change, javafx.scene.layout.Priority.ALWAYS);
    tryOut.setPrefWidth(600);
    change.setPrefWidth(600);
    body.getChildren().addAll(title, new HBox(32, tryOut, change));
    setBottom(Controls.bottomBar(new javafx.scene.layout.Region(), back));
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    setCenter(scroll);
  }

  private static Label line(String text) {
    return Controls.label(text, "what-to-do");
  }

  private static Label finding(StationCheck.Finding f) {
    Label l =
        Controls.label(
            (f.ok() ? "✔ " : "✖ ") + f.what() + ": " + f.said(),
            f.ok() ? "what-to-do" : "stop-text");
    l.getStyleClass().add(f.ok() ? "finding-ok" : "finding-failed");
    return l;
  }
}
