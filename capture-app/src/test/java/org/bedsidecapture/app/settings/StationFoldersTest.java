package org.bedsidecapture.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StationFoldersTest {
  private static final Path USER = Path.of("/home/nurse");

  @Test
  void aDevelopersRunKeepsEverythingInOneFolderInTheHome() {
    StationFolders f = StationFolders.resolve(Map.of(), "development", "Linux", USER);

    assertThat(f).isEqualTo(StationFolders.inOne(USER.resolve(".bedside-capture")));
    assertThat(f.siteFile()).isEqualTo(Path.of("/home/nurse/.bedside-capture/site.properties"));
    assertThat(f.outbox()).isEqualTo(Path.of("/home/nurse/.bedside-capture/outbox"));
    assertThat(f.logs()).isEqualTo(Path.of("/home/nurse/.bedside-capture/logs"));
  }

  @Test
  void theHomeVariableWinsEvenForAnInstalledApp() {
    StationFolders f =
        StationFolders.resolve(
            Map.of(StationFolders.HOME_ENV, "/srv/station"), "installed", "Linux", USER);

    assertThat(f).isEqualTo(StationFolders.inOne(Path.of("/srv/station")));
  }

  @Test
  void onLinuxTheSiteIsInEtcAndTheAccountsFoldersFollowXdg() {
    StationFolders f = StationFolders.resolve(Map.of(), "installed", "Linux", USER);

    assertThat(f.siteFile()).isEqualTo(Path.of("/etc/bedside-capture/site.properties"));
    assertThat(f.settings()).isEqualTo(Path.of("/home/nurse/.config/bedside-capture"));
    assertThat(f.outbox()).isEqualTo(Path.of("/home/nurse/.local/share/bedside-capture/outbox"));
    assertThat(f.logs()).isEqualTo(Path.of("/home/nurse/.local/state/bedside-capture/logs"));

    StationFolders moved =
        StationFolders.resolve(
            Map.of(
                "XDG_CONFIG_HOME",
                "/cfg",
                "XDG_DATA_HOME",
                "/data",
                "XDG_STATE_HOME",
                "relative/is/ignored",
                StationFolders.SITE_ENV,
                "/tmp/root/etc/bedside-capture"),
            "installed",
            "Linux",
            USER);
    assertThat(moved.site()).isEqualTo(Path.of("/tmp/root/etc/bedside-capture"));
    assertThat(moved.settings()).isEqualTo(Path.of("/cfg/bedside-capture"));
    assertThat(moved.data()).isEqualTo(Path.of("/data/bedside-capture"));
    assertThat(moved.logs()).isEqualTo(Path.of("/home/nurse/.local/state/bedside-capture/logs"));
  }

  @Test
  void onWindowsTheSiteIsInProgramDataAndTheAccountsInLocalAppData() {
    StationFolders f =
        StationFolders.resolve(
            Map.of("ProgramData", "D:\\PD", "LOCALAPPDATA", "C:\\Users\\nurse\\AppData\\Local"),
            "installed",
            "Windows 11",
            Path.of("C:\\Users\\nurse"));

    assertThat(f.site().toString()).contains("PD").endsWith("Bedside Capture");
    assertThat(f.data().toString()).contains("Local").contains("Bedside Capture");
  }

  @Test
  void onMacosTheSiteIsInTheLibraryAndTheAccountsInItsOwnLibrary() {
    StationFolders f =
        StationFolders.resolve(Map.of(), "installed", "Mac OS X", Path.of("/Users/nurse"));

    assertThat(f.site()).isEqualTo(Path.of("/Library/Application Support/Bedside Capture"));
    assertThat(f.data())
        .isEqualTo(Path.of("/Users/nurse/Library/Application Support/Bedside Capture/Data"));
    assertThat(f.logs()).isEqualTo(Path.of("/Users/nurse/Library/Logs/Bedside Capture"));
  }

  @Test
  void theOutboxKeyIsKeptInTheAccountsSettingsNotInTheSiteFolder() throws Exception {
    StationFolders f =
        StationFolders.resolve(Map.of(), "installed", "Linux", Path.of("/home/nurse"));

    SiteSettings s = SiteSettings.of(new java.util.Properties(), f);

    assertThat(s.outboxKeyFile())
        .isEqualTo(Path.of("/home/nurse/.config/bedside-capture/keys/outbox.key"));
  }
}
