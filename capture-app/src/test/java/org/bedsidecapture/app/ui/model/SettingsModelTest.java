package org.bedsidecapture.app.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;
import org.bedsidecapture.app.operators.Operator;
import org.bedsidecapture.app.operators.OperatorStore;
import org.bedsidecapture.app.operators.SignIn;
import org.bedsidecapture.app.service.StationCheck;
import org.bedsidecapture.dicom.outbox.AuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings screen's model without a screen: what is tried and saved, and the operators. */
class SettingsModelTest {
  private static final Executor DIRECT = Runnable::run;
  @TempDir Path home;
  private OperatorStore store;
  private final List<Properties> tried = new ArrayList<>();
  private final List<Map<String, String>> saved = new ArrayList<>();
  private SettingsModel model;

  @BeforeEach
  void setUp() throws Exception {
    store =
        OperatorStore.in(
            home, Clock.systemUTC(), new AuditLog(home.resolve("audit.log"), Clock.systemUTC()));
    Properties written = new Properties();
    written.setProperty("station.name", "CART-1");
    model =
        new SettingsModel(
            written,
            (what, edited, samples) -> {
              tried.add(edited);
              return List.of(new StationCheck.Finding(what.name(), true, "tried"));
            },
            (edited, sample) -> new StationCheck.Finding(sample, true, edited.toString()),
            (changes, who) -> saved.add(changes),
            store,
            DIRECT,
            DIRECT);
  }

  @Test
  void testsTryTheValuesAsEditedAndSaveWritesOnlyWhatChanged() {
    model.test(
        SettingsModel.Test.ARCHIVES,
        Map.of("station.name", "CART-1", "archive.1", "dicom://PACS@pacs:104"),
        null);

    assertThat(tried).hasSize(1);
    assertThat(tried.get(0))
        .containsEntry("station.name", "CART-1")
        .containsEntry("archive.1", "dicom://PACS@pacs:104");
    assertThat(model.value("archive.1")).as("nothing saved by a test").isEmpty();

    model.save(Map.of("station.name", "CART-1", "archive.1", "dicom://PACS@pacs:104"), "ida");

    assertThat(saved).containsExactly(Map.of("archive.1", "dicom://PACS@pacs:104"));
    assertThat(model.value("archive.1")).isEqualTo("dicom://PACS@pacs:104");
    model.save(Map.of("archive.1", "dicom://PACS@pacs:104"), "ida");
    assertThat(saved).hasSize(1);
    assertThat(model.savedProperty().get()).isEqualTo(Says.t("settings.nothingChanged"));
  }

  @Test
  void anInstallerAddsAndRemovesOperatorsWhoThenSignInWithTheirPin() throws Exception {
    char[] pin = "2468".toCharArray();
    model.addOperator("nina.k", "Zznurse", "Nina", Operator.Role.CAPTURE, pin, "Zzinstaller^Ida");

    assertThat(pin).as("the PIN handed over is wiped").containsOnly('\0');
    assertThat(model.operators()).extracting(Operator::user).containsExactly("nina.k");
    assertThat(store.signIn("nina.k", "2468".toCharArray())).isInstanceOf(SignIn.Accepted.class);

    model.addOperator(
        "nina.k",
        "Zznurse",
        "Nina",
        Operator.Role.CAPTURE,
        "2468".toCharArray(),
        "Zzinstaller^Ida");
    assertThat(model.operatorRefusedProperty().get()).contains("already an operator");
    model.addOperator(
        "x y", "", "", Operator.Role.CAPTURE, "2468".toCharArray(), "Zzinstaller^Ida");
    assertThat(model.operatorRefusedProperty().get()).isEqualTo(Says.t("operators.incomplete"));
    model.addOperator(
        "short.pin", "Zz", "", Operator.Role.CAPTURE, "12".toCharArray(), "Zzinstaller^Ida");
    assertThat(model.operatorRefusedProperty().get()).contains("4 to 12 digits");

    model.removeOperator("nina.k", "Zzinstaller^Ida");
    assertThat(model.operators()).isEmpty();
    assertThat(store.find("nina.k")).isEmpty();
    assertThat(java.nio.file.Files.readString(home.resolve("audit.log")))
        .contains("OPERATOR_ADDED operator=nina.k role=CAPTURE by=Zzinstaller^Ida")
        .contains("OPERATOR_REMOVED operator=nina.k by=Zzinstaller^Ida")
        .doesNotContain("2468");
  }
}
