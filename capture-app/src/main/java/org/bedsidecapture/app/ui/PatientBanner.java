package org.bedsidecapture.app.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.bedsidecapture.dicom.EncounterContext;

/**
 * The patient banner: on every screen that holds a patient, in the same place, name large; neutral
 * when there is none. The right end holds what every screen has: operator, lock, outbox badge.
 */
final class PatientBanner extends HBox {
  private final Label name = Controls.label("", "banner-name");
  private final Label facts = Controls.label("", "banner-facts");

  PatientBanner(javafx.scene.Node... rightEnd) {
    getStyleClass().add("banner");
    setAlignment(Pos.CENTER_LEFT);
    name.setWrapText(false);
    facts.setWrapText(true);
    VBox who = new VBox(name, facts);
    who.setMinWidth(0);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    getChildren().addAll(who, gap);
    getChildren().addAll(rightEnd);
    show(null);
  }

  /** Shows the confirmed patient, or none. */
  void show(EncounterContext patient) {
    getStyleClass().remove("no-patient");
    if (patient == null) {
      getStyleClass().add("no-patient");
      name.setText(Texts.t("banner.none"));
      facts.setText("");
      setAccessibleText(Texts.t("banner.none"));
      return;
    }
    name.setText(Names.shown(patient.patientName()));
    facts.setText(
        Texts.t(
            "banner.facts",
            patient.birthDate() == null ? Texts.t("unknown") : Names.date(patient.birthDate()),
            patient.patientId().value(),
            patient.admissionId().value(),
            patient.institution() == null || patient.institution().department() == null
                ? ""
                : patient.institution().department()));
    setAccessibleText(name.getText() + ", " + facts.getText());
  }
}
