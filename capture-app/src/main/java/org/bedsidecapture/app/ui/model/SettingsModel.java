package org.bedsidecapture.app.ui.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bedsidecapture.app.operators.Operator;
import org.bedsidecapture.app.operators.OperatorStore;
import org.bedsidecapture.app.service.StationCheck;
import org.bedsidecapture.app.settings.SettingsCatalogue;

/**
 * The installer's settings screen: every key of the site file in its section, Test connection for
 * the archives and for the EHR run on the values as edited (before they are saved) off the FX
 * thread, a barcode tried against the site's rules as it is typed or scanned, and Save through the
 * same safe change as {@code settings set}.
 */
public final class SettingsModel {
  /** What Test connection tries. */
  public enum Test {
    ARCHIVES,
    EHR
  }

  /** Writes changes to the site file (validated whole first); slow (disk), run on the worker. */
  public interface Saver {
    void save(Map<String, String> changes, String who) throws Exception;
  }

  /**
   * The connection tests on the site file as it would be with the edits: slow (network), run on the
   * worker.
   *
   * @param samples barcodes to look up in the EHR
   */
  public interface Tests {
    List<StationCheck.Finding> run(Test what, Properties edited, List<String> samples)
        throws Exception;
  }

  /**
   * What a sample barcode becomes under the rules of the site file as it would be with the edits.
   */
  public interface Barcodes {
    StationCheck.Finding tryOn(Properties edited, String sample);
  }

  private final Properties current;
  private final OperatorStore operatorStore;
  private final ObservableList<Operator> operators = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper operatorSaid = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper operatorRefused = new ReadOnlyStringWrapper();
  private final Tests tests;
  private final Barcodes barcodes;
  private final Saver saver;
  private final Executor worker;
  private final Executor ui;
  private final Map<Test, ObservableList<StationCheck.Finding>> findings = new LinkedHashMap<>();
  private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper saved = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper refused = new ReadOnlyStringWrapper();

  /**
   * @param current the site file's keys as written
   * @param operatorStore the station's operators, whom the installer adds and removes here
   */
  public SettingsModel(
      Properties current,
      Tests tests,
      Barcodes barcodes,
      Saver saver,
      OperatorStore operatorStore,
      Executor worker,
      Executor ui) {
    this.operatorStore = operatorStore;
    this.current = new Properties();
    this.current.putAll(current);
    this.tests = tests;
    this.barcodes = barcodes;
    this.saver = saver;
    this.worker = worker;
    this.ui = ui;
    for (Test t : Test.values()) {
      findings.put(t, FXCollections.observableArrayList());
    }
    refreshOperators(null);
  }

  /** The station's operators, as the store has them. */
  public ObservableList<Operator> operators() {
    return operators;
  }

  /** What the last change of the operators came to. */
  public ReadOnlyStringProperty operatorSaidProperty() {
    return operatorSaid.getReadOnlyProperty();
  }

  /** Why the last change of the operators was refused; nothing was changed. */
  public ReadOnlyStringProperty operatorRefusedProperty() {
    return operatorRefused.getReadOnlyProperty();
  }

  /**
   * Adds an operator who signs in with {@code pin} (4 to 12 digits, kept only as a hash), {@code
   * by} whom (for the audit log); the PIN's characters are wiped once handed over.
   */
  public void addOperator(
      String user, String family, String given, Operator.Role role, char[] pin, String by) {
    char[] copy = pin.clone();
    java.util.Arrays.fill(pin, '\0');
    operatorSaid.set(null);
    operatorRefused.set(null);
    String u = user == null ? "" : user.strip();
    if (!u.matches("[A-Za-z0-9._-]{1,32}") || family == null || family.isBlank()) {
      java.util.Arrays.fill(copy, '\0');
      operatorRefused.set(Says.t("operators.incomplete"));
      return;
    }
    changeOperators(
        () -> {
          try {
            operatorStore.add(
                new Operator(
                    u,
                    org.bedsidecapture.dicom.PersonName.of(
                        family.strip(), given == null ? "" : given.strip()),
                    role),
                copy,
                by);
          } finally {
            java.util.Arrays.fill(copy, '\0');
          }
        },
        Says.t("operators.added", u));
  }

  /** Removes an operator from this station, {@code by} whom (for the audit log). */
  public void removeOperator(String user, String by) {
    operatorSaid.set(null);
    operatorRefused.set(null);
    changeOperators(() -> operatorStore.remove(user, by), Says.t("operators.removed", user));
  }

  private interface StoreChange {
    void run() throws Exception;
  }

  private void changeOperators(StoreChange change, String done) {
    worker.execute(
        () -> {
          try {
            change.run();
            refreshOperators(done);
          } catch (IllegalArgumentException e) {
            ui.execute(() -> operatorRefused.set(Says.t("operators.refused", e.getMessage())));
          } catch (Exception e) {
            ui.execute(() -> operatorRefused.set(Says.t("fail.other", e.getMessage())));
          }
        });
  }

  private void refreshOperators(String done) {
    if (operatorStore == null) {
      return;
    }
    worker.execute(
        () -> {
          try {
            List<Operator> now = operatorStore.operators();
            ui.execute(
                () -> {
                  operators.setAll(now);
                  operatorSaid.set(done);
                });
          } catch (Exception e) {
            ui.execute(() -> operatorRefused.set(Says.t("fail.other", e.getMessage())));
          }
        });
  }

  /** The sections of the screen, with every key of the site file. */
  public List<SettingsCatalogue.Section> sections() {
    return SettingsCatalogue.sections(current);
  }

  /** A key's value in the site file as saved; blank when it is not set (its default applies). */
  public String value(String key) {
    return current.getProperty(key, "");
  }

  /** The answers of the last {@code what} test. */
  public ObservableList<StationCheck.Finding> findings(Test what) {
    return findings.get(what);
  }

  public ReadOnlyBooleanProperty testingProperty() {
    return testing.getReadOnlyProperty();
  }

  /**
   * Tries the archives or the EHR as the edited values name them, and looks {@code sample} up in
   * the EHR when it is not blank; the answers replace the last ones when they are in.
   */
  public void test(Test what, Map<String, String> edited, String sample) {
    if (testing.get()) {
      return;
    }
    testing.set(true);
    findings.get(what).clear();
    Properties trying = applied(edited);
    List<String> samples = sample == null || sample.isBlank() ? List.of() : List.of(sample.strip());
    worker.execute(
        () -> {
          List<StationCheck.Finding> found;
          try {
            found = tests.run(what, trying, samples);
          } catch (Exception e) {
            found =
                List.of(
                    new StationCheck.Finding(
                        Says.t("settings.testWhat"), false, Says.t("fail.other", e.getMessage())));
          }
          List<StationCheck.Finding> done = found;
          ui.execute(
              () -> {
                findings.get(what).setAll(done);
                testing.set(false);
              });
        });
  }

  /** What the last save came to: the keys written (the app uses them from its next start). */
  public ReadOnlyStringProperty savedProperty() {
    return saved.getReadOnlyProperty();
  }

  /** Why the last save was refused (the key, and what is wrong); nothing was written. */
  public ReadOnlyStringProperty refusedProperty() {
    return refused.getReadOnlyProperty();
  }

  /**
   * Saves the keys whose edited value differs from the file's (a blank value removes one) by {@code
   * who}, for the audit log.
   */
  public void save(Map<String, String> edited, String who) {
    Map<String, String> changes = changes(edited);
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
                () -> {
                  changes.forEach(
                      (k, v) -> {
                        if (v.isBlank()) {
                          current.remove(k);
                        } else {
                          current.setProperty(k, v.strip());
                        }
                      });
                  saved.set(Says.t("settings.saved", changes.size(), shortList(changes.keySet())));
                });
          } catch (Exception e) {
            ui.execute(() -> refused.set(Says.t("settings.refused", e.getMessage())));
          }
        });
  }

  /** The keys, the first three by name and the rest as "…": the audit log has them all. */
  private static String shortList(java.util.Set<String> keys) {
    List<String> all = List.copyOf(keys);
    return all.size() <= 3 ? String.join(", ", all) : String.join(", ", all.subList(0, 3)) + ", …";
  }

  private Map<String, String> changes(Map<String, String> edited) {
    Map<String, String> changes = new LinkedHashMap<>();
    edited.forEach(
        (k, v) -> {
          String now = v == null ? "" : v.strip();
          if (!now.equals(value(k).strip())) {
            changes.put(k, now);
          }
        });
    return changes;
  }

  private Properties applied(Map<String, String> edited) {
    Properties p = new Properties();
    p.putAll(current);
    changes(edited)
        .forEach(
            (k, v) -> {
              if (v.isEmpty()) {
                p.remove(k);
              } else {
                p.setProperty(k, v);
              }
            });
    return p;
  }

  /** What {@code sample} becomes under the barcode rules as edited, or why it is refused. */
  public StationCheck.Finding tryBarcode(Map<String, String> edited, String sample) {
    return barcodes.tryOn(applied(edited), sample);
  }
}
