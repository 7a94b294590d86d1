package org.bedsidecapture.app.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.bedsidecapture.app.fhir.LookupResult;
import org.bedsidecapture.app.ui.model.BedsideModel;
import org.bedsidecapture.dicom.EncounterContext;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Confirm the patient: name, birth date and MRN large enough to read at arm's length, the encounter
 * and the order; Confirm on the right, away from where the scan was started, so habit does not
 * press it. A merged record shows why before it can be confirmed.
 */
final class ConfirmScreen extends VBox {
  ConfirmScreen(BedsideModel model, LookupResult.Found found) {
    getStyleClass().add("screen");
    EncounterContext c = found.context();
    getChildren().add(Controls.label(Texts.t("confirm.title"), "subtitle"));
    for (String warning : found.warnings()) {
      getChildren().add(Controls.label(warning, "warning-text"));
    }
    javafx.scene.control.Label name = Controls.label(Names.shown(c.patientName()), "confirm-name");
    name.setId("confirm-name");
    getChildren().add(name);
    GridPane facts = new GridPane();
    facts.setHgap(24);
    facts.setVgap(8);
    int row = 0;
    row =
        fact(
            facts,
            row,
            "confirm.born",
            c.birthDate() == null ? Texts.t("unknown") : Names.date(c.birthDate()));
    row = fact(facts, row, "confirm.sex", Texts.t("sex." + c.sex().name()));
    row = fact(facts, row, "confirm.mrn", c.patientId().value());
    LookupResult.Visit v = found.visit();
    String encounter = c.admissionId().value();
    if (v != null) {
      encounter =
          String.join(
              " · ",
              java.util.stream.Stream.of(encounter, v.kind(), v.location(), when(v.start()))
                  .filter(java.util.Objects::nonNull)
                  .toList());
    }
    row = fact(facts, row, "confirm.encounter", encounter);
    if (c.accession() != null) {
      String order =
          c.accession().value() + (v != null && v.order() != null ? " · " + v.order() : "");
      fact(facts, row, "confirm.order", order);
    }
    getChildren().add(facts);
    Region gap = new Region();
    VBox.setVgrow(gap, Priority.ALWAYS);
    Button wrong =
        Controls.button(Material2AL.CLOSE, Texts.t("confirm.wrong"), model::scanAgain, "big");
    wrong.setId("not-this-patient");
    Button confirm =
        Controls.button(
            Material2AL.CHECK_CIRCLE, Texts.t("confirm.ok"), model::confirm, "big", "accent");
    confirm.setId("confirm-patient");
    Region between = new Region();
    HBox.setHgrow(between, Priority.ALWAYS);
    HBox buttons = new HBox(16, wrong, between, confirm);
    buttons.setAlignment(Pos.CENTER);
    getChildren().addAll(gap, buttons);
    setAccessibleText(Texts.t("confirm.title") + " " + name.getText());
  }

  /** An EHR date-time as the user reads it (local time, the locale's short form). */
  private static String when(String fhirDateTime) {
    if (fhirDateTime == null) {
      return null;
    }
    try {
      return java.time.format.DateTimeFormatter.ofLocalizedDateTime(
              java.time.format.FormatStyle.MEDIUM, java.time.format.FormatStyle.SHORT)
          .format(
              java.time.OffsetDateTime.parse(fhirDateTime)
                  .atZoneSameInstant(java.time.ZoneId.systemDefault()));
    } catch (java.time.format.DateTimeParseException e) {
      return fhirDateTime;
    }
  }

  private static int fact(GridPane grid, int row, String key, String value) {
    javafx.scene.control.Label label = Controls.label(Texts.t(key), "confirm-label");
    javafx.scene.control.Label text = Controls.label(value, "confirm-fact");
    text.setAccessibleText(Texts.t(key) + " " + value);
    grid.addRow(row, label, text);
    return row + 1;
  }
}
