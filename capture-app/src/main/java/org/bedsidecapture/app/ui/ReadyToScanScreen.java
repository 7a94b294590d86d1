package org.bedsidecapture.app.ui;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.bedsidecapture.app.ui.model.BedsideModel;
import org.bedsidecapture.app.workflow.CaptureWorkflow;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Ready to scan: one big instruction; a wedge scan anywhere starts the lookup (the scene's filter
 * hands it to the model); the camera scan and the manual search are the ways when the scanner is
 * not at hand.
 */
final class ReadyToScanScreen extends VBox {
  private final BedsideModel model;
  private final Button settingsButton;
  private final VBox search;
  private final Label kept = Controls.label("", "subtitle");

  /**
   * @param wristbands opens the demo's wristband sheet; null outside the demo
   * @param demoArchive where the demo's archive keeps what it receives; null outside the demo
   */
  ReadyToScanScreen(
      BedsideModel model, Runnable cameraScan, Runnable wristbands, Path demoArchive) {
    this.model = model;
    this.settingsButton =
        Controls.button(Material2MZ.SETTINGS, Texts.t("settings.open"), model::openSettings, "big");
    getStyleClass().add("screen");
    setAlignment(Pos.CENTER);
    kept.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
    Label prompt = Controls.label(Texts.t("scan.prompt"), "prompt");
    prompt.setId("scan-prompt");
    Label hint = Controls.label(Texts.t("scan.hint"), "subtitle");
    Button camera =
        Controls.button(Material2MZ.QR_CODE_SCANNER, Texts.t("scan.camera"), cameraScan, "big");
    camera.setId("camera-scan");
    search = searchForm();
    search.setVisible(false);
    search.setManaged(false);
    Button find =
        Controls.button(
            Material2MZ.SEARCH,
            Texts.t("scan.find"),
            () -> {
              search.setVisible(!search.isVisible());
              search.setManaged(search.isVisible());
            },
            "big");
    find.setId("find-patient");
    FlowPane ways = new FlowPane(16, 16, camera, find);
    if (wristbands != null) {
      Button sheet =
          Controls.button(Material2MZ.PRINT, Texts.t("demo.wristbands"), wristbands, "big");
      sheet.setId("demo-wristbands");
      ways.getChildren().add(sheet);
    }
    ways.setAlignment(Pos.CENTER);
    settingsButton.setId("settings");
    settingsButton.setVisible(false);
    settingsButton.managedProperty().bind(settingsButton.visibleProperty());
    ways.getChildren().add(settingsButton);
    getChildren().addAll(prompt, hint, ways, search, kept);
    if (demoArchive != null) {
      Label where = Controls.label(Texts.t("demo.archiveWhere", demoArchive), "subtitle");
      where.setId("demo-archive");
      getChildren().add(where);
    }
  }

  /** Offers the settings when an installer is signed in. */
  void offerSettings(boolean installer) {
    settingsButton.setVisible(installer);
  }

  /** Shows what the last session came to (kept after idle, sent). */
  void told(CaptureWorkflow.Ending ending, int keptCount) {
    String text = ending == null ? "" : said(ending);
    if (keptCount > 0) {
      text = (text.isEmpty() ? "" : text + " · ") + Texts.t("scan.kept", keptCount);
    }
    kept.setText(text);
  }

  /** How the last session ended, in the user's words (the kept count is said once, after it). */
  private static String said(CaptureWorkflow.Ending e) {
    return switch (e.why()) {
      case SENT -> Texts.t("scan.ended.sent");
      case LEFT -> Texts.t("scan.ended.left");
      case IDLE -> Texts.t("scan.ended.idle", e.idleMinutes());
      case IDLE_LOCKED -> Texts.t("scan.ended.idleLocked", e.idleMinutes());
      case OTHER_OPERATOR -> Texts.t("scan.ended.otherOperator", e.operator(), e.next());
      case TAKEN_OVER_SENT -> Texts.t("scan.ended.takenOverSent", e.operator(), e.next());
    };
  }

  private VBox searchForm() {
    TextField mrn = field("search-mrn", Texts.t("search.mrn"));
    Button byMrn =
        Controls.button(
            Material2MZ.SEARCH, Texts.t("search.byMrn"), () -> model.searchByMrn(mrn.getText()));
    byMrn.setId("search-by-mrn");
    mrn.setOnAction(e -> model.searchByMrn(mrn.getText()));
    TextField family = field("search-family", Texts.t("search.family"));
    TextField given = field("search-given", Texts.t("search.given"));
    TextField born = field("search-born", Texts.t("search.born"));
    Button byName =
        Controls.button(
            Material2AL.ACCOUNT_CIRCLE,
            Texts.t("search.byName"),
            () -> model.searchByName(family.getText(), given.getText(), date(born.getText())));
    byName.setId("search-by-name");
    GridPane grid = new GridPane();
    grid.setHgap(16);
    grid.setVgap(16);
    grid.addRow(0, Controls.label(Texts.t("search.mrn")), mrn, byMrn);
    grid.addRow(1, Controls.label(Texts.t("search.family")), family);
    grid.addRow(2, Controls.label(Texts.t("search.given")), given);
    grid.addRow(3, Controls.label(Texts.t("search.born")), born, byName);
    grid.setAlignment(Pos.CENTER);
    VBox box = new VBox(8, Controls.label(Texts.t("search.manualNote"), "subtitle"), grid);
    box.setAlignment(Pos.CENTER);
    return box;
  }

  private static TextField field(String id, String accessible) {
    TextField f = new TextField();
    f.setId(id);
    f.setAccessibleText(accessible);
    f.setMinHeight(56);
    f.setPrefColumnCount(16);
    return f;
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
