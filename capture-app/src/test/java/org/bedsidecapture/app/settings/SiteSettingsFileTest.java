package org.bedsidecapture.app.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bedsidecapture.app.audit.AuditTrail;
import org.bedsidecapture.dicom.outbox.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteSettingsFileTest {
  @TempDir Path home;

  private AuditLog audit() {
    return new AuditLog(home.resolve("audit.log"), Clock.systemUTC());
  }

  @Test
  void aChangeKeepsTheFilesCommentsAndOrderAndThePreviousVersion() throws Exception {
    String before =
        """
        # Cart 3, ICU — set up by IT
        station.name=CART-ICU-3
        session.idle-minutes=5
        """;
    Files.writeString(home.resolve(SiteSettings.FILE_NAME), before);
    Map<String, String> changes = new LinkedHashMap<>();
    changes.put("session.idle-minutes", "3");
    changes.put("barcode.rule.1.kind", "mrn");
    changes.put("barcode.rule.1.system", "urn:oid:1.2.3");
    changes.put("barcode.rule.1.pattern", "M(\\d{8})");

    SiteSettings now =
        SiteSettingsFile.change(
            StationFolders.inOne(home), changes, "Zzinstaller^Ida", audit(), AuditTrail.none());

    assertThat(now.idleTimeout()).hasMinutes(3);
    assertThat(now.barcodeRules().resolve("M12345678").value()).isEqualTo("12345678");
    assertThat(Files.readString(home.resolve(SiteSettings.FILE_NAME)))
        .startsWith(
            "# Cart 3, ICU — set up by IT\nstation.name=CART-ICU-3\nsession.idle-minutes=3\n")
        .contains("barcode.rule.1.pattern=M(\\\\d{8})");
    assertThat(Files.readString(home.resolve(SiteSettingsFile.PREVIOUS))).isEqualTo(before);
    assertThat(SiteSettings.load(home).idleTimeout()).hasMinutes(3);
    String log = Files.readString(home.resolve("audit.log"));
    assertThat(log)
        .contains("SETTINGS_CHANGED")
        .contains("session.idle-minutes by Zzinstaller^Ida")
        .doesNotContain("urn:oid:1.2.3");
  }

  @Test
  void aChangeThatWouldNotStartIsRefusedByItsKeyAndNothingIsWritten() throws Exception {
    Files.writeString(home.resolve(SiteSettings.FILE_NAME), "session.idle-minutes=5\n");

    assertThatThrownBy(
            () ->
                SiteSettingsFile.change(
                    StationFolders.inOne(home),
                    Map.of("session.idle-minutes", "0"),
                    "Zzinstaller^Ida",
                    audit(),
                    AuditTrail.none()))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("session.idle-minutes");

    assertThat(Files.readString(home.resolve(SiteSettings.FILE_NAME)))
        .isEqualTo("session.idle-minutes=5\n");
    assertThat(home.resolve(SiteSettingsFile.PREVIOUS)).doesNotExist();
    assertThat(home.resolve("audit.log")).doesNotExist();
  }

  @Test
  void aBlankValueRemovesTheKey() throws Exception {
    Files.writeString(
        home.resolve(SiteSettings.FILE_NAME), "ui.language=de\nsession.idle-minutes=7\n");

    SiteSettings now =
        SiteSettingsFile.change(
            StationFolders.inOne(home),
            Map.of("ui.language", ""),
            "ida",
            audit(),
            AuditTrail.none());

    assertThat(now.language()).isNull();
    assertThat(Files.readString(home.resolve(SiteSettings.FILE_NAME)))
        .isEqualTo("session.idle-minutes=7\n");
  }
}
