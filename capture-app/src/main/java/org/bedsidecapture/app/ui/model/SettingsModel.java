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
      int barcodeRuleCount) {}

  /** The connection tests: slow (network), run on the worker. */
  public interface Tests {
    List<StationCheck.Finding> run() throws Exception;
  }

  private final Facts facts;
  private final Tests tests;
  private final Function<String, StationCheck.Finding> barcodes;
  private final Executor worker;
  private final Executor ui;
  private final ObservableList<StationCheck.Finding> findings = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();

  public SettingsModel(
      Facts facts,
      Tests tests,
      Function<String, StationCheck.Finding> barcodes,
      Executor worker,
      Executor ui) {
    this.facts = facts;
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

  /** Tries every archive and the EHR; the answers replace the last ones when they are in. */
  public void testConnections() {
    if (testing.get()) {
      return;
    }
    testing.set(true);
    findings.clear();
    worker.execute(
        () -> {
          List<StationCheck.Finding> found;
          try {
            found = tests.run();
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

  /** What {@code sample} becomes under the site's barcode rules, or why it is refused. */
  public StationCheck.Finding tryBarcode(String sample) {
    return barcodes.apply(sample);
  }
}
