package org.bedsidecapture.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.bedsidecapture.app.settings.SiteSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsSetCommandTest {
  @TempDir Path home;
  private final CommandOutput printed = new CommandOutput();
  private final StringWriter out = printed.out;
  private final StringWriter err = printed.err;

  private int run(String... args) {
    return printed.run(home, args);
  }

  @Test
  void anInstallerChangesKeysAndTheChangeIsRecordedWithoutItsValues() throws Exception {
    assertThat(run("settings", "set", "ui.language=de", "session.idle-minutes=3")).isZero();

    assertThat(SiteSettings.load(home).idleTimeout()).hasMinutes(3);
    assertThat(out.toString()).contains("changed: ui.language, session.idle-minutes");
    assertThat(Files.readString(home.resolve("audit.log")))
        .contains("SETTINGS_CHANGED")
        .contains("ui.language by ");

    assertThat(run("settings", "set", "ui.language=")).isZero();
    assertThat(SiteSettings.load(home).language()).isNull();
  }

  @Test
  void aChangeThatWouldNotStartChangesNothing() throws Exception {
    assertThat(run("settings", "set", "capture.pedal-key=B")).isEqualTo(2);
    assertThat(run("settings", "set", "nonsense")).isEqualTo(2);

    assertThat(err.toString())
        .contains("capture.pedal-key: 'B' cannot be the shutter key")
        .contains("nothing changed")
        .contains("'nonsense' is not KEY=VALUE");
    assertThat(home.resolve(SiteSettings.FILE_NAME)).doesNotExist();
  }

  @Test
  void aPackageScriptValidatesASiteFileBeforeTakingItAndIsToldTheKey() throws Exception {
    Path good = home.resolve("good.properties");
    Files.writeString(good, "station.name=ED-CART-7\nui.language=de\n");
    Path bad = home.resolve("bad.properties");
    Files.writeString(bad, "station.name=ED-CART-7\nsession.idle-minutes=0\n");

    assertThat(run("settings", "validate", good.toString())).isZero();
    assertThat(run("settings", "validate", bad.toString())).isEqualTo(2);
    assertThat(run("settings", "validate", home.resolve("absent").toString())).isEqualTo(2);

    assertThat(out.toString()).contains("OK   " + good + ": valid");
    assertThat(err.toString())
        .contains(bad + ": session.idle-minutes")
        .contains("absent: cannot be read");
    assertThat(home.resolve(SiteSettings.FILE_NAME)).doesNotExist();
  }

  @Test
  void whereSaysWhereTheStationKeepsWhat() {
    assertThat(run("settings", "where")).isZero();

    assertThat(out.toString())
        .contains("site file: " + home.resolve(SiteSettings.FILE_NAME))
        .contains("outbox:    " + home.resolve("outbox"))
        .contains("logs:      " + home.resolve("logs"));
  }

  @Test
  void aChangeKeepsTheSiteFilesPermissionsSoTheAppsAccountsStillReadIt() throws Exception {
    Path file = home.resolve(SiteSettings.FILE_NAME);
    Files.writeString(file, "station.name=ED-CART-7\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThat(run("settings", "set", "ui.language=de")).isZero();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r--r--");
    assertThat(Files.readString(file)).contains("ui.language=de");
  }
}
