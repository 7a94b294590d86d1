package org.bedsidecapture.app.ui.model;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bedsidecapture.app.service.StationCheck;
import org.bedsidecapture.app.settings.Archive;

/**
 * The installer's settings screen: what the site settings say, Test connection (each archive, the
 * EHR) run off the FX thread, and a barcode tried against the site's rules as it is typed or
 * scanned.
 */
public final class SettingsModel {
  /** The settings in force that the screen shows (no secrets: those are files, never shown). */
  public record Facts(
      String station,
      String aeTitle,
      int listenPort,
      List<Archive> archives,
      String ehr,
      java.time.Duration idle,
      String barcodeRules,
      int barcodeRuleCount,
      String language) {}

  /** Writes changes to the site file (validated whole first); slow (disk), run on the worker. */
  public interface Saver {
    void save(java.util.Map<String, String> changes, String who) throws Exception;
  }

  /** The connection tests, with sample barcodes to look up in the EHR: slow (network). */
  public interface Tests {
    List<StationCheck.Finding> run(List<String> samples) throws Exception;
  }

  private final Facts facts;
  private final Tests tests;
  private final Function<String, StationCheck.Finding> barcodes;
  private final Executor worker;
  private final Executor ui;
  private final ObservableList<StationCheck.Finding> findings = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
  private final javafx.beans.property.ReadOnlyStringWrapper saved =
      new javafx.beans.property.ReadOnlyStringWrapper();
  private final javafx.beans.property.ReadOnlyStringWrapper refused =
      new javafx.beans.property.ReadOnlyStringWrapper();
  private final Saver saver;

  public SettingsModel(
      Facts facts,
      Tests tests,
      Function<String, StationCheck.Finding> barcodes,
      Saver saver,
      Executor worker,
      Executor ui) {
    this.facts = facts;
    this.saver = saver;
    this.tests = tests;
    this.barcodes = barcodes;
    this.worker = worker;
    this.ui = ui;
  }

  public Facts facts() {
    return facts;
  }

  public ObservableList<StationCheck.Finding> findings() {
    return findings;
  }

  public ReadOnlyBooleanProperty testingProperty() {
    return testing.getReadOnlyProperty();
  }

  /**
   * Tries every archive and the EHR, and looks {@code sample} up there when it is not blank; the
   * answers replace the last ones when they are in.
   */
  public void testConnections(String sample) {
    if (testing.get()) {
      return;
    }
    testing.set(true);
    findings.clear();
    worker.execute(
        () -> {
          List<StationCheck.Finding> found;
          try {
            found = tests.run(sample == null || sample.isBlank() ? List.of() : List.of(sample));
          } catch (Exception e) {
            found =
                List.of(
                    new StationCheck.Finding(
                        "Test connection", false, Says.t("fail.other", e.getMessage())));
          }
          List<StationCheck.Finding> done = found;
          ui.execute(
              () -> {
                findings.setAll(done);
                testing.set(false);
              });
        });
  }

  /** What the last save came to: the keys written (the app uses them from its next start). */
  public javafx.beans.property.ReadOnlyStringProperty savedProperty() {
    return saved.getReadOnlyProperty();
  }

  /** Why the last save was refused (the key, and what is wrong); nothing was written. */
  public javafx.beans.property.ReadOnlyStringProperty refusedProperty() {
    return refused.getReadOnlyProperty();
  }

  /**
   * Saves the changed keys (a blank value removes one) by {@code who}, for the audit log; only keys
   * whose value differs from {@code before} are written.
   */
  public void save(
      java.util.Map<String, String> edited, java.util.Map<String, String> before, String who) {
    java.util.Map<String, String> changes = new java.util.LinkedHashMap<>();
    edited.forEach(
        (k, v) -> {
          String was = before.getOrDefault(k, "");
          if (!v.strip().equals(was == null ? "" : was.strip())) {
            changes.put(k, v);
          }
        });
    saved.set(null);
    refused.set(null);
    if (changes.isEmpty()) {
      saved.set(Says.t("settings.nothingChanged"));
      return;
    }
    worker.execute(
        () -> {
          try {
            saver.save(changes, who);
            ui.execute(
                () -> saved.set(Says.t("settings.saved", String.join(", ", changes.keySet()))));
          } catch (Exception e) {
            ui.execute(() -> refused.set(Says.t("settings.refused", e.getMessage())));
          }
        });
  }

  /** What {@code sample} becomes under the site's barcode rules, or why it is refused. */
  public StationCheck.Finding tryBarcode(String sample) {
    return barcodes.apply(sample);
  }
}
