package org.bedsidecapture.app.settings;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.bedsidecapture.app.barcode.BarcodeRule;
import org.bedsidecapture.app.barcode.BarcodeRules;
import org.bedsidecapture.app.barcode.CheckDigit;
import org.bedsidecapture.app.barcode.IdentifierQuery;
import org.bedsidecapture.devices.barcode.KeyboardWedge;
import org.bedsidecapture.devices.spi.DeviceSettings;
import org.bedsidecapture.dicom.Institution;
import org.bedsidecapture.dicom.Station;
import org.bedsidecapture.dicom.UidGenerator;
import org.bedsidecapture.dicom.delivery.Tls;

/**
 * The site's settings that installers pre-seed in {@code site.properties} in the station's site
 * folder ({@link StationFolders}) folder; every key has a default, and a bad value stops the app
 * with a message naming the key.
 */
public record SiteSettings(
    String stationName,
    String stationSerial,
    String aeTitle,
    String uidRoot,
    Institution institution,
    Path outboxKeyFile,
    Duration dicomTimeout,
    int listenPort,
    String listenAddress,
    Duration commitmentTimeout,
    String dicomWebAuthorization,
    Tls tls,
    BarcodeRules barcodeRules,
    String fhirBaseUrl,
    Duration fhirTimeout,
    String fhirAuthorization,
    SmartClient fhirSmart,
    int fhirRetries,
    KeyboardWedge.Settings scanner,
    Duration clipMaxLength,
    String frameGrabberNames,
    boolean syntheticDevices,
    java.util.List<Archive> archives,
    Duration idleTimeout,
    String pedalKey,
    Locale language,
    String cameraName,
    String cameraMode,
    boolean highContrast,
    boolean sendWhenTakenOver,
    URI auditRepository,
    Directory directory) {

  /**
   * The site's directory (LDAP, Active Directory) operators sign in against, over TLS only: LDAPS,
   * or LDAP with StartTLS; null when the station's own operators are the only ones.
   *
   * @param url {@code ldaps://HOST[:PORT]} or {@code ldap://HOST[:PORT]} (then always StartTLS)
   * @param bindDn the station's own account for finding users and groups, or null (anonymous)
   * @param bindPasswordFile its password's file (the owner's only)
   * @param userBase where users are found
   * @param userFilter how a user is found, {@code {0}} standing for the user name typed
   * @param badgeAttribute the attribute holding a user's badge number, or null (badges stay local)
   * @param captureGroup the DN of the group whose members capture, or null
   * @param installerGroup the DN of the group whose members also open the settings, or null
   * @param localWhenDown whether the station's own operators may sign in while the directory cannot
   *     be reached
   */
  public record Directory(
      URI url,
      String bindDn,
      Path bindPasswordFile,
      String userBase,
      String userFilter,
      String badgeAttribute,
      String captureGroup,
      String installerGroup,
      boolean localWhenDown) {}

  /**
   * SMART Backend Services for the EHR: its token endpoint, the client id this station is
   * registered under, its private key (a JWK file) and the scopes it asks for.
   */
  public record SmartClient(URI tokenUrl, String clientId, Path privateKeyFile, String scope) {}

  static final String SMART_SCOPE =
      "system/Patient.read system/Encounter.read system/ServiceRequest.read"
          + " system/Organization.read system/Practitioner.read";

  public static final String FILE_NAME = "site.properties";
  static final Set<String> KEYS =
      Set.of(
          "station.name",
          "station.serial",
          "station.ae-title",
          "uid.root",
          "institution.name",
          "institution.address",
          "institution.department",
          "audit.repository",
          "directory.url",
          "directory.bind-dn",
          "directory.bind-password-file",
          "directory.user-base",
          "directory.user-filter",
          "directory.badge-attribute",
          "directory.capture-group",
          "directory.installer-group",
          "directory.when-down",
          "outbox.key-file",
          "dicom.timeout-seconds",
          "station.listen-port",
          "station.listen-address",
          "commitment.timeout-seconds",
          "dicomweb.basic-auth-file",
          "dicomweb.bearer-token-file",
          "tls.key-store",
          "tls.key-store-password-file",
          "tls.trusted-certificates",
          "barcode.rules",
          "fhir.base-url",
          "fhir.timeout-seconds",
          "fhir.retries",
          "scanner.prefix",
          "scanner.suffix",
          "scanner.max-key-gap-ms",
          "scanner.min-length",
          "clips.max-seconds",
          "devices.frame-grabber-names",
          "devices.synthetic",
          "fhir.basic-auth-file",
          "fhir.bearer-token-file",
          "fhir.smart.token-url",
          "fhir.smart.client-id",
          "fhir.smart.private-key-file",
          "fhir.smart.scope",
          "session.idle-minutes",
          "session.when-taken-over",
          "capture.pedal-key",
          "devices.camera",
          "devices.camera-mode",
          "ui.language",
          "ui.theme");

  /** A device mode as installers write it: width x height @ frames per second. */
  static final Pattern CAMERA_MODE = Pattern.compile("\\d{2,5}x\\d{2,5}@\\d{1,3}");

  /** The screens' themes: AtlantaFX's light theme, or black on white with heavy outlines. */
  public static final java.util.List<String> THEMES =
      java.util.List.of("standard", "high-contrast");

  /** The languages the screens are written in. */
  static final Set<String> LANGUAGES = Set.of("en", "de");

  /**
   * Keys a foot pedal may send for the shutter: keys nobody types into a search field and no
   * wristband scanner sends, so a pedal press never becomes part of a barcode or a name.
   */
  static final Pattern PEDAL_KEYS =
      Pattern.compile("F([1-9]|1[0-9]|2[0-4])|PAUSE|SCROLL_LOCK|INSERT|PAGE_UP|PAGE_DOWN");

  private static final Pattern ARCHIVE_KEY = Pattern.compile("archive\\.(\\d{1,2})(\\.commit)?");
  private static final Pattern BARCODE_RULE_KEY =
      Pattern.compile("barcode\\.rule\\.(\\d{1,3})\\.(kind|system|pattern|gs1-ai|check-digit)");

  /** Reads {@code home/site.properties}, all in one folder; a missing file means all defaults. */
  public static SiteSettings load(Path home) throws SettingsException {
    return load(StationFolders.inOne(home));
  }

  /** Reads the station's site file; a missing file means all defaults. */
  public static SiteSettings load(StationFolders folders) throws SettingsException {
    Path file = folders.siteFile();
    Properties p = new Properties();
    if (Files.exists(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException | IllegalArgumentException e) {
        throw new SettingsException(file + ": cannot be read: " + e.getMessage());
      }
    }
    return of(p, file, folders);
  }

  /**
   * The settings {@code p} makes, validated as at start-up; {@code file} is the site file in the
   * app's home, which holds all the station's folders (as in development), named in the messages.
   */
  public static SiteSettings of(Properties p, Path file) throws SettingsException {
    return of(p, file, StationFolders.inOne(file.toAbsolutePath().getParent()));
  }

  /** The settings {@code p} makes for the station's {@code folders}, validated as at start-up. */
  public static SiteSettings of(Properties p, StationFolders folders) throws SettingsException {
    return of(p, folders.siteFile(), folders);
  }

  /**
   * The settings {@code p} (read from {@code file}, named in the messages) would make for the
   * station's {@code folders}, validated as at start-up.
   */
  public static SiteSettings of(Properties p, Path file, StationFolders folders)
      throws SettingsException {
    for (String key : p.stringPropertyNames()) {
      if (!KEYS.contains(key)
          && !BARCODE_RULE_KEY.matcher(key).matches()
          && !ARCHIVE_KEY.matcher(key).matches()) {
        throw new SettingsException(file + ": unknown key '" + key + "' (known: " + KEYS + ")");
      }
    }
    String host = hostName();
    String stationName = p.getProperty("station.name", defaultStationName(host)).strip();
    check(file, "station.name", stationName, 16);
    String serial = p.getProperty("station.serial", host).strip();
    check(file, "station.serial", serial, 64);
    String ae = p.getProperty("station.ae-title", "BEDSIDE").strip();
    check(file, "station.ae-title", ae, 16);
    String root = p.getProperty("uid.root", UidGenerator.UUID_ROOT).strip();
    try {
      new UidGenerator(root);
    } catch (IllegalArgumentException e) {
      throw new SettingsException(file + ": uid.root: " + e.getMessage());
    }
    Institution institution =
        new Institution(
            p.getProperty("institution.name"),
            p.getProperty("institution.address"),
            p.getProperty("institution.department"));
    check(file, "institution.name", institution.name(), 64);
    check(file, "institution.department", institution.department(), 64);
    Path keyFile =
        Path.of(
            p.getProperty(
                "outbox.key-file",
                folders.settings().resolve("keys").resolve("outbox.key").toString()));
    if (keyFile
        .toAbsolutePath()
        .normalize()
        .startsWith(folders.outbox().toAbsolutePath().normalize())) {
      throw new SettingsException(
          file
              + ": outbox.key-file must not be inside the outbox folder, or a copy of the folder"
              + " would carry its own key");
    }
    ownerOnly(file, "outbox.key-file", keyFile);
    for (String key : SECRETS) {
      String name = p.getProperty(key);
      if (name != null && !name.isBlank()) {
        ownerOnly(file, key, Path.of(name.strip()));
      }
    }
    Duration timeout = Duration.ofSeconds(number(p, file, "dicom.timeout-seconds", 30, 1, 3600));
    int listenPort = number(p, file, "station.listen-port", 11112, 1, 65535);
    String listenAddress = p.getProperty("station.listen-address", "0.0.0.0").strip();
    Duration commitmentTimeout =
        Duration.ofSeconds(number(p, file, "commitment.timeout-seconds", 60, 1, 86400));
    String authorization = authorization(p, file, "dicomweb");
    String fhirAuthorization = authorization(p, file, "fhir");
    String fhirBase = p.getProperty("fhir.base-url");
    Duration fhirTimeout = Duration.ofSeconds(number(p, file, "fhir.timeout-seconds", 10, 1, 300));
    Tls tls = tls(p, file);
    java.util.List<Archive> archives = archives(p, file);
    if (reportsOverTls(archives) && p.getProperty("tls.key-store") == null) {
      throw new SettingsException(
          file
              + ": storage commitment from a dicom-tls:// archive brings its report over DICOM"
              + " TLS, for which this station shows its own certificate: set tls.key-store");
    }
    BarcodeRules barcodeRules = barcodeRules(p, file);
    return new SiteSettings(
        stationName,
        serial,
        ae,
        root,
        institution,
        keyFile,
        timeout,
        listenPort,
        listenAddress,
        commitmentTimeout,
        authorization,
        tls,
        barcodeRules,
        fhirBase == null ? null : fhirBase.strip(),
        fhirTimeout,
        fhirAuthorization,
        smart(p, file, fhirAuthorization != null),
        number(p, file, "fhir.retries", 1, 0, 5),
        scanner(p, file),
        Duration.ofSeconds(number(p, file, "clips.max-seconds", 300, 1, 3600)),
        frameGrabberNames(p, file),
        yesNo(p, file, "devices.synthetic", true),
        archives,
        Duration.ofMinutes(number(p, file, "session.idle-minutes", 5, 1, 240)),
        pedalKey(p, file),
        language(p, file),
        blankIsNull(p.getProperty("devices.camera")),
        cameraMode(p, file),
        highContrast(p, file),
        sendWhenTakenOver(p, file),
        auditRepository(p, file),
        directory(p, file));
  }

  /** {@code directory.*}: the directory operators sign in against, or null when none is set. */
  private static Directory directory(Properties p, Path file) throws SettingsException {
    URI u = uri(p, file, "directory.url");
    if (u == null) {
      return null;
    }
    if (!("ldaps".equals(u.getScheme()) || "ldap".equals(u.getScheme())) || u.getHost() == null) {
      throw new SettingsException(
          file
              + ": directory.url: '"
              + u
              + "' is not ldaps://HOST[:PORT] or ldap://HOST[:PORT] (which always uses StartTLS)");
    }
    String userBase = blankIsNull(p.getProperty("directory.user-base"));
    if (userBase == null) {
      throw new SettingsException(
          file + ": directory.user-base: where users are found must be set with directory.url");
    }
    String filter = p.getProperty("directory.user-filter", "(uid={0})").strip();
    if (!filter.contains("{0}")) {
      throw new SettingsException(
          file
              + ": directory.user-filter: '"
              + filter
              + "' must hold {0} where the user name goes, e.g. (uid={0}) or"
              + " (sAMAccountName={0})");
    }
    String capture = blankIsNull(p.getProperty("directory.capture-group"));
    String installer = blankIsNull(p.getProperty("directory.installer-group"));
    if (capture == null && installer == null) {
      throw new SettingsException(
          file
              + ": directory.capture-group: name the group (its DN) whose members may capture"
              + " here, and directory.installer-group for those who also set the station up");
    }
    String bindDn = blankIsNull(p.getProperty("directory.bind-dn"));
    String passwordFile = blankIsNull(p.getProperty("directory.bind-password-file"));
    if ((bindDn == null) != (passwordFile == null)) {
      throw new SettingsException(
          file
              + ": directory.bind-dn and directory.bind-password-file go together (the station's"
              + " own directory account and its password's file)");
    }
    String whenDown = p.getProperty("directory.when-down", "refuse").strip();
    if (!whenDown.equals("refuse") && !whenDown.equals("local")) {
      throw new SettingsException(
          file + ": directory.when-down: '" + whenDown + "' is not refuse or local");
    }
    return new Directory(
        u,
        bindDn,
        passwordFile == null ? null : Path.of(passwordFile.strip()),
        userBase.strip(),
        filter,
        blankIsNull(p.getProperty("directory.badge-attribute")),
        capture == null ? null : capture.strip(),
        installer == null ? null : installer.strip(),
        whenDown.equals("local"));
  }

  /**
   * {@code audit.repository}: the site's audit repository, {@code syslog-tls://HOST:PORT} (IHE
   * ATNA: RFC 5424 over RFC 5425 TLS); null when the site has none.
   */
  private static URI auditRepository(Properties p, Path file) throws SettingsException {
    URI u = uri(p, file, "audit.repository");
    if (u != null
        && (!"syslog-tls".equals(u.getScheme()) || u.getHost() == null || u.getPort() < 1)) {
      throw new SettingsException(
          file + ": audit.repository: '" + u + "' is not syslog-tls://HOST:PORT");
    }
    return u;
  }

  /** {@code key}'s value as a URI; null when it is not set. */
  private static URI uri(Properties p, Path file, String key) throws SettingsException {
    String text = blankIsNull(p.getProperty(key));
    if (text == null) {
      return null;
    }
    try {
      return new URI(text);
    } catch (java.net.URISyntaxException e) {
      throw new SettingsException(file + ": " + key + ": " + e.getMessage());
    }
  }

  /** {@code session.when-taken-over}: {@code keep} (the default) or {@code send}. */
  private static boolean sendWhenTakenOver(Properties p, Path file) throws SettingsException {
    String choice = blankIsNull(p.getProperty("session.when-taken-over"));
    if (choice != null && !choice.equals("keep") && !choice.equals("send")) {
      throw new SettingsException(
          file + ": session.when-taken-over: '" + choice + "' is not keep or send");
    }
    return "send".equals(choice);
  }

  private static String blankIsNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The mode the capture screen opens its device in ({@code devices.camera-mode}), or null. */
  private static String cameraMode(Properties p, Path file) throws SettingsException {
    String mode = blankIsNull(p.getProperty("devices.camera-mode"));
    if (mode != null && !CAMERA_MODE.matcher(mode).matches()) {
      throw new SettingsException(
          file
              + ": devices.camera-mode: '"
              + mode
              + "' is not WIDTHxHEIGHT@FPS, e.g. 1920x1080@30 (the device section of the"
              + " settings screen lists the device's modes)");
    }
    return mode;
  }

  private static boolean highContrast(Properties p, Path file) throws SettingsException {
    String theme = blankIsNull(p.getProperty("ui.theme"));
    if (theme != null && !THEMES.contains(theme)) {
      throw new SettingsException(
          file + ": ui.theme: '" + theme + "' is not one of " + String.join(", ", THEMES));
    }
    return "high-contrast".equals(theme);
  }

  /** The screens' language: {@code ui.language}, or else the station's own (null). */
  private static Locale language(Properties p, Path file) throws SettingsException {
    String tag = p.getProperty("ui.language");
    if (tag == null || tag.isBlank()) {
      return null;
    }
    String lang = tag.strip().toLowerCase(Locale.ROOT);
    if (!LANGUAGES.contains(lang)) {
      throw new SettingsException(
          file
              + ": ui.language: '"
              + tag.strip()
              + "' is not one of "
              + new java.util.TreeSet<>(LANGUAGES));
    }
    return Locale.forLanguageTag(lang);
  }

  private static String pedalKey(Properties p, Path file) throws SettingsException {
    String key = p.getProperty("capture.pedal-key", "F8").strip().toUpperCase(Locale.ROOT);
    if (!PEDAL_KEYS.matcher(key).matches()) {
      throw new SettingsException(
          file
              + ": capture.pedal-key: '"
              + key
              + "' cannot be the shutter key; use F1 to F24, PAUSE, SCROLL_LOCK, INSERT, PAGE_UP"
              + " or PAGE_DOWN (what the pedal is programmed to send)");
    }
    return key;
  }

  /**
   * The archives ({@code archive.N=URL}, {@code archive.N.commit=true|false}), in the order of N;
   * none when the site has not set any (the demo brings its own).
   */
  private static java.util.List<Archive> archives(Properties p, Path file)
      throws SettingsException {
    java.util.TreeMap<Integer, String> urls = new java.util.TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      java.util.regex.Matcher m = ARCHIVE_KEY.matcher(key);
      if (m.matches() && m.group(2) == null) {
        urls.put(Integer.parseInt(m.group(1)), p.getProperty(key));
      }
      if (m.matches() && m.group(2) != null && p.getProperty("archive." + m.group(1)) == null) {
        throw new SettingsException(
            file + ": " + key + " is set but archive." + m.group(1) + " is not");
      }
    }
    java.util.List<Archive> archives = new java.util.ArrayList<>();
    java.util.Set<String> destinations = new java.util.HashSet<>();
    for (var e : urls.entrySet()) {
      String key = "archive." + e.getKey();
      Archive a;
      try {
        a = Archive.parse(e.getValue(), yesNo(p, file, key + ".commit", false));
      } catch (IllegalArgumentException bad) {
        throw new SettingsException(file + ": " + key + ": " + bad.getMessage());
      }
      if (!destinations.add(a.destination())) {
        throw new SettingsException(file + ": " + key + ": the same archive is listed twice");
      }
      archives.add(a);
    }
    long committing = archives.stream().filter(Archive::commit).count();
    long overTls = archives.stream().filter(Archive::commit).filter(Archive::dicomTls).count();
    if (overTls > 0 && overTls < committing) {
      throw new SettingsException(
          file
              + ": the archives with storage commitment must be all dicom-tls:// or all dicom://:"
              + " their reports come to one listener, over DICOM TLS or not");
    }
    return java.util.List.copyOf(archives);
  }

  private static boolean reportsOverTls(java.util.List<Archive> archives) {
    return archives.stream().anyMatch(a -> a.commit() && a.dicomTls());
  }

  /**
   * Whether the archives' storage-commitment reports come over DICOM TLS (the archives with
   * commitment are {@code dicom-tls://}), to a listener that requires their certificates.
   */
  public boolean reportsOverTls() {
    return reportsOverTls(archives);
  }

  private static boolean yesNo(Properties p, Path file, String key, boolean fallback)
      throws SettingsException {
    String text = p.getProperty(key);
    if (text == null) {
      return fallback;
    }
    return switch (text.strip()) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new SettingsException(
              file + ": " + key + ": '" + text.strip() + "' is not true or false");
    };
  }

  /**
   * The site's pattern for frame grabbers' device names, checked now; null for the built-in one.
   */
  private static String frameGrabberNames(Properties p, Path file) throws SettingsException {
    String expression = p.getProperty("devices.frame-grabber-names");
    if (expression == null || expression.isBlank()) {
      return null;
    }
    try {
      java.util.regex.Pattern.compile(expression);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new SettingsException(
          file + ": devices.frame-grabber-names: not a regular expression: " + e.getDescription());
    }
    return expression.strip();
  }

  /**
   * What the device providers are told when they list devices: which device names are frame
   * grabbers, and whether the synthetic devices are listed.
   */
  public DeviceSettings devices() {
    return new DeviceSettings(frameGrabberNames, syntheticDevices);
  }

  /**
   * The keyboard-wedge scanner's set-up: an optional prefix it sends first (a control character is
   * written as in any properties file, e.g. {@code \\u0002}), its suffix ({@code enter} or {@code
   * tab}), the longest pause between its keys, and the shortest barcode.
   */
  private static KeyboardWedge.Settings scanner(Properties p, Path file) throws SettingsException {
    KeyboardWedge.Settings d = KeyboardWedge.Settings.defaults();
    String suffix = p.getProperty("scanner.suffix", "enter").strip();
    char c =
        switch (suffix) {
          case "enter" -> '\n';
          case "tab" -> '\t';
          default ->
              throw new SettingsException(
                  file + ": scanner.suffix must be enter or tab, not '" + suffix + "'");
        };
    return new KeyboardWedge.Settings(
        p.getProperty("scanner.prefix", d.prefix()),
        c,
        Duration.ofMillis(
            number(p, file, "scanner.max-key-gap-ms", (int) d.maxKeyGap().toMillis(), 5, 500)),
        number(p, file, "scanner.min-length", d.minLength(), 1, 100));
  }

  private static SmartClient smart(Properties p, Path file, boolean otherAuth)
      throws SettingsException {
    String url = p.getProperty("fhir.smart.token-url");
    String client = p.getProperty("fhir.smart.client-id");
    String key = p.getProperty("fhir.smart.private-key-file");
    if (url == null && client == null && key == null) {
      return null;
    }
    if (url == null || client == null || key == null) {
      throw new SettingsException(
          file
              + ": SMART Backend Services needs fhir.smart.token-url, fhir.smart.client-id and"
              + " fhir.smart.private-key-file together");
    }
    if (otherAuth) {
      throw new SettingsException(
          file + ": set SMART Backend Services or fhir basic/bearer credentials, not both");
    }
    try {
      return new SmartClient(
          URI.create(url.strip()),
          client.strip(),
          Path.of(key.strip()),
          p.getProperty("fhir.smart.scope", SMART_SCOPE).strip());
    } catch (IllegalArgumentException e) {
      throw new SettingsException(file + ": fhir.smart.token-url: " + e.getMessage());
    }
  }

  /**
   * The barcode rules: {@code barcode.rules} names the set, and {@code barcode.rule.N.*} give each
   * rule (kind mrn|visit|accession, system, pattern or gs1-ai, check-digit
   * none|gs1-mod10|luhn|mod11), tried in the order of N. Without them, the demo's rules.
   */
  private static BarcodeRules barcodeRules(Properties p, Path file) throws SettingsException {
    java.util.TreeMap<Integer, String> numbers = new java.util.TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      java.util.regex.Matcher m = BARCODE_RULE_KEY.matcher(key);
      if (m.matches()) {
        numbers.put(Integer.parseInt(m.group(1)), m.group(1));
      }
    }
    if (numbers.isEmpty()) {
      if (p.getProperty("barcode.rules") != null) {
        throw new SettingsException(file + ": barcode.rules is set but no barcode.rule.N.* is");
      }
      return BarcodeRules.demo();
    }
    java.util.List<BarcodeRule> rules = new java.util.ArrayList<>();
    for (String n : numbers.values()) {
      String k = "barcode.rule." + n + ".";
      String kind = p.getProperty(k + "kind", "").strip();
      String system = p.getProperty(k + "system", "").strip();
      String pattern = p.getProperty(k + "pattern");
      String ai = p.getProperty(k + "gs1-ai");
      String check = p.getProperty(k + "check-digit", "none").strip();
      try {
        rules.add(
            new BarcodeRule(
                n,
                switch (kind) {
                  case "mrn" -> IdentifierQuery.Kind.PATIENT_MRN;
                  case "visit" -> IdentifierQuery.Kind.ENCOUNTER_VISIT;
                  case "accession" -> IdentifierQuery.Kind.ACCESSION;
                  case "badge" -> IdentifierQuery.Kind.STAFF_BADGE;
                  default ->
                      throw new IllegalArgumentException(
                          k + "kind must be mrn, visit, accession or badge");
                },
                kind.equals("badge") && system.isEmpty()
                    ? BarcodeRules.BADGE_SYSTEM
                    : requireNonBlank(system, k + "system"),
                pattern == null ? null : Pattern.compile(pattern.strip()),
                ai == null ? null : ai.strip(),
                CheckDigit.valueOf(check.toUpperCase(java.util.Locale.ROOT).replace('-', '_'))));
      } catch (IllegalArgumentException e) {
        throw new SettingsException(file + ": barcode rule " + n + ": " + e.getMessage());
      }
    }
    return new BarcodeRules(p.getProperty("barcode.rules", "site").strip(), rules);
  }

  private static String requireNonBlank(String value, String key) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException(key + " is missing");
    }
    return value;
  }

  /**
   * TLS for dicom-tls and https archives: the station's key store (PKCS #12, its password in a
   * protected file) for archives that want a client certificate, and the authorities to trust (a
   * PEM file; the JDK's when not set).
   */
  private static Tls tls(Properties p, Path file) throws SettingsException {
    String keyStore = p.getProperty("tls.key-store");
    String passwordFile = p.getProperty("tls.key-store-password-file");
    String trusted = p.getProperty("tls.trusted-certificates");
    if ((keyStore == null) != (passwordFile == null)) {
      throw new SettingsException(
          file + ": set tls.key-store and tls.key-store-password-file together");
    }
    try {
      char[] password =
          passwordFile == null
              ? null
              : Files.readString(Path.of(passwordFile.strip()), StandardCharsets.UTF_8)
                  .strip()
                  .toCharArray();
      return Tls.configure(
          keyStore == null ? null : Path.of(keyStore.strip()),
          password,
          trusted == null ? null : Path.of(trusted.strip()));
    } catch (IOException e) {
      throw new SettingsException(file + ": TLS: " + e.getMessage());
    }
  }

  /** The station as the DICOM objects describe it. */
  public Station station(String softwareVersion) {
    return new Station(stationName, stationSerial, softwareVersion, institution);
  }

  /**
   * The Authorization header for DICOMweb or FHIR ({@code service}), from a file the installer
   * protects: {@code user:password} for basic, or a token for bearer. Secrets are never settings
   * values or command arguments.
   */
  private static String authorization(Properties p, Path file, String service)
      throws SettingsException {
    String basic = p.getProperty(service + ".basic-auth-file");
    String bearer = p.getProperty(service + ".bearer-token-file");
    if (basic != null && bearer != null) {
      throw new SettingsException(
          file
              + ": set "
              + service
              + ".basic-auth-file or "
              + service
              + ".bearer-token-file, not both");
    }
    String key = service + (basic != null ? ".basic-auth-file" : ".bearer-token-file");
    String name = basic != null ? basic : bearer;
    if (name == null) {
      return null;
    }
    String secret;
    try {
      secret =
          java.nio.file.Files.readString(Path.of(name.strip()), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new SettingsException(file + ": " + key + ": cannot read " + name + " (" + e + ")");
    }
    if (basic != null && !secret.contains(":")) {
      throw new SettingsException(file + ": " + key + ": the file must hold user:password");
    }
    return basic != null
        ? "Basic "
            + java.util.Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8))
        : "Bearer " + secret;
  }

  /** The settings that name a file holding a secret (besides the outbox key). */
  static final List<String> SECRETS =
      List.of(
          "tls.key-store",
          "tls.key-store-password-file",
          "dicomweb.basic-auth-file",
          "dicomweb.bearer-token-file",
          "fhir.basic-auth-file",
          "fhir.bearer-token-file",
          "fhir.smart.private-key-file",
          "directory.bind-password-file");

  /**
   * A secret's file must be its owner's only (where the file system has POSIX permissions): one
   * that other accounts can read or change is refused, naming the key and how to fix it. A file
   * that is not there yet is left to the code that reads it, which says so.
   */
  private static void ownerOnly(Path file, String key, Path secret) throws SettingsException {
    java.util.Set<java.nio.file.attribute.PosixFilePermission> mode;
    try {
      if (!Files.exists(secret) || !Files.getFileStore(secret).supportsFileAttributeView("posix")) {
        return;
      }
      mode = Files.getPosixFilePermissions(secret);
    } catch (IOException e) {
      throw new SettingsException(file + ": " + key + ": cannot check " + secret + " (" + e + ")");
    }
    String shown = java.nio.file.attribute.PosixFilePermissions.toString(mode);
    if (!shown.substring(3).equals("------")) {
      throw new SettingsException(
          file
              + ": "
              + key
              + ": "
              + secret
              + " can be read or changed by other accounts ("
              + shown
              + "); make it its owner's only: chmod 600 "
              + secret);
    }
  }

  private static int number(Properties p, Path file, String key, int fallback, int min, int max)
      throws SettingsException {
    String text = p.getProperty(key);
    if (text == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(text.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below, with the range
    }
    throw new SettingsException(
        file + ": " + key + " must be a whole number from " + min + " to " + max);
  }

  private static void check(Path file, String key, String value, int max) throws SettingsException {
    if (value != null && value.length() > max) {
      throw new SettingsException(
          file + ": " + key + " is " + value.length() + " characters; at most " + max);
    }
  }

  private static String defaultStationName(String host) {
    String name = host.toUpperCase(Locale.ROOT);
    return name.length() > 16 ? name.substring(0, 16) : name;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "BEDSIDE";
    }
  }
}
