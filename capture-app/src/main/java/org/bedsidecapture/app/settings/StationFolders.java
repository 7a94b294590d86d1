package org.bedsidecapture.app.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the station keeps what: the site's settings ({@code site.properties}, written by the site's
 * installer), this account's own settings (the operators and the keys), its data (the outbox, the
 * work folder, the audit log) and its logs.
 *
 * <p>An installed app uses each operating system's places for these (the launcher asks for them); a
 * developer's run, and any run given {@code BEDSIDE_CAPTURE_HOME}, keeps all in one folder.
 *
 * @param site the folder of {@code site.properties}
 * @param settings this account's settings: operators, keys, a one-time installer PIN
 * @param data the outbox, the work folder, the audit log, the one-app-per-station lock
 * @param logs the app's log files
 */
public record StationFolders(Path site, Path settings, Path data, Path logs) {
  /** All in one folder: the development default and {@code BEDSIDE_CAPTURE_HOME}. */
  public static final String HOME_ENV = "BEDSIDE_CAPTURE_HOME";

  /**
   * Where the site's settings are when not in the operating system's place (e.g. a test's temporary
   * root, or a folder the site's configuration management writes).
   */
  public static final String SITE_ENV = "BEDSIDE_CAPTURE_SITE_DIR";

  /** The system property the installed launcher sets to ask for the operating system's places. */
  public static final String LAYOUT_PROPERTY = "bedside.layout";

  /** The folder name under the operating system's places. */
  static final String NAME = "bedside-capture";

  /** Everything in {@code home}; the logs in {@code home/logs}. */
  public static StationFolders inOne(Path home) {
    return new StationFolders(home, home, home, home.resolve("logs"));
  }

  /** The site file, {@code site.properties} in {@link #site}. */
  public Path siteFile() {
    return site.resolve(SiteSettings.FILE_NAME);
  }

  /** The outbox folder. */
  public Path outbox() {
    return data.resolve("outbox");
  }

  /**
   * This process's folders: {@code BEDSIDE_CAPTURE_HOME} when set; the operating system's places
   * when the installed launcher asked for them ({@code -Dbedside.layout=installed}); else {@code
   * ~/.bedside-capture}.
   */
  public static StationFolders ofThisProcess() {
    return resolve(
        System.getenv(),
        System.getProperty(LAYOUT_PROPERTY, "development"),
        System.getProperty("os.name", ""),
        Path.of(System.getProperty("user.home")));
  }

  static StationFolders resolve(
      Map<String, String> env, String layout, String osName, Path userHome) {
    String home = env.get(HOME_ENV);
    if (home != null && !home.isBlank()) {
      return inOne(Path.of(home));
    }
    if (!layout.equals("installed")) {
      return inOne(userHome.resolve(".bedside-capture"));
    }
    StationFolders os = installed(env, osName, userHome);
    String site = env.get(SITE_ENV);
    return site == null || site.isBlank()
        ? os
        : new StationFolders(Path.of(site), os.settings, os.data, os.logs);
  }

  /**
   * The operating system's places: on Linux {@code /etc/bedside-capture} for the site and the XDG
   * base folders for the account; on Windows {@code %ProgramData%} and {@code %LOCALAPPDATA%}; on
   * macOS {@code /Library/Application Support} and the account's {@code Library}.
   */
  static StationFolders installed(Map<String, String> env, String osName, Path userHome) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      Path programData = Path.of(env.getOrDefault("ProgramData", "C:\\ProgramData"));
      Path local =
          Path.of(
              env.getOrDefault(
                  "LOCALAPPDATA", userHome.resolve("AppData").resolve("Local").toString()));
      Path mine = local.resolve("Bedside Capture");
      return new StationFolders(
          programData.resolve("Bedside Capture"),
          mine.resolve("Settings"),
          mine.resolve("Data"),
          mine.resolve("Logs"));
    }
    if (os.startsWith("mac")) {
      Path library = userHome.resolve("Library");
      Path support = library.resolve("Application Support").resolve("Bedside Capture");
      return new StationFolders(
          Path.of("/Library/Application Support/Bedside Capture"),
          support.resolve("Settings"),
          support.resolve("Data"),
          library.resolve("Logs").resolve("Bedside Capture"));
    }
    return new StationFolders(
        Path.of("/etc", NAME),
        xdg(env, "XDG_CONFIG_HOME", userHome.resolve(".config")).resolve(NAME),
        xdg(env, "XDG_DATA_HOME", userHome.resolve(".local").resolve("share")).resolve(NAME),
        xdg(env, "XDG_STATE_HOME", userHome.resolve(".local").resolve("state"))
            .resolve(NAME)
            .resolve("logs"));
  }

  /**
   * An XDG base folder: the variable when it names an absolute path (as the spec asks), else the
   * default.
   */
  private static Path xdg(Map<String, String> env, String variable, Path otherwise) {
    String value = env.get(variable);
    return value != null && value.startsWith("/") ? Path.of(value) : otherwise;
  }
}
