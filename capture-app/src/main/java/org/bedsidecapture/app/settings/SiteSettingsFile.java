package org.bedsidecapture.app.settings;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.bedsidecapture.app.audit.AuditTrail;
import org.bedsidecapture.dicom.OwnerOnly;
import org.bedsidecapture.dicom.outbox.AuditLog;

/**
 * Changes {@code site.properties} the way an installer's change must go: the whole result is
 * validated as the app's start validates it before anything is written; the file as it was is kept
 * as {@code site.properties.previous}; the new one is written whole and flushed under a temporary
 * name and moved into place, with the permissions the file had (an installed station's site file is
 * readable by the accounts that run the app; a new one is the owner's only); each changed key is
 * recorded in the audit log with who changed it, never its value. The file keeps its comments and
 * order: a changed key's line is replaced, a new key is appended, a removed key's line goes.
 */
public final class SiteSettingsFile {
  public static final String PREVIOUS = SiteSettings.FILE_NAME + ".previous";

  private SiteSettingsFile() {}

  /** The site file's keys as written (none when there is no file). */
  public static Properties read(StationFolders folders) throws IOException {
    Path file = folders.siteFile();
    Properties p = new Properties();
    if (Files.exists(file)) {
      try (java.io.Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    }
    return p;
  }

  /**
   * Applies {@code changes} (a blank value removes the key) and returns the settings they make; the
   * keys changed (never their values) are recorded in {@code audit} and reported to {@code trail}.
   *
   * @throws SettingsException naming the key, when the result would not start; nothing is written
   */
  public static SiteSettings change(
      StationFolders folders,
      Map<String, String> changes,
      String who,
      AuditLog audit,
      AuditTrail trail)
      throws SettingsException, IOException {
    Path file = folders.siteFile();
    String before = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    List<String> lines = new ArrayList<>(before.isEmpty() ? List.of() : before.lines().toList());
    Map<String, String> left = new LinkedHashMap<>(changes);
    for (int i = lines.size() - 1; i >= 0; i--) {
      String key = keyOf(lines.get(i));
      if (key == null || !left.containsKey(key)) {
        continue;
      }
      String value = left.remove(key);
      if (value == null || value.isBlank()) {
        lines.remove(i);
      } else {
        lines.set(i, key + "=" + escape(value.strip()));
      }
    }
    left.forEach(
        (key, value) -> {
          if (value != null && !value.isBlank()) {
            lines.add(key + "=" + escape(value.strip()));
          }
        });
    String after = String.join("\n", lines) + "\n";
    Properties p = new Properties();
    p.load(new StringReader(after));
    SiteSettings settings = SiteSettings.of(p, folders);
    java.util.Set<PosixFilePermission> mode = null;
    if (Files.exists(file)) {
      Files.copy(file, folders.site().resolve(PREVIOUS), StandardCopyOption.REPLACE_EXISTING);
      if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
        mode = Files.getPosixFilePermissions(file);
      }
    }
    OwnerOnly.replace(file, after.getBytes(StandardCharsets.UTF_8));
    if (mode != null) {
      Files.setPosixFilePermissions(file, mode);
    }
    for (String key : changes.keySet()) {
      audit.record("SETTINGS_CHANGED", SiteSettings.FILE_NAME, key + " by " + who);
    }
    trail.settingsChanged(who, "site settings changed: " + String.join(", ", changes.keySet()));
    return settings;
  }

  /** The key a line sets, or null for a comment, a blank line or a continuation. */
  private static String keyOf(String line) {
    String l = line.stripLeading();
    if (l.isEmpty() || l.startsWith("#") || l.startsWith("!")) {
      return null;
    }
    java.util.regex.Matcher m = KEY.matcher(l);
    return m.lookingAt() ? m.group(1) : null;
  }

  private static final Pattern KEY = Pattern.compile("([A-Za-z0-9._-]+)\\s*[=:\\s]");

  /** A value as a properties file writes it: backslashes and line ends escaped. */
  private static String escape(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
