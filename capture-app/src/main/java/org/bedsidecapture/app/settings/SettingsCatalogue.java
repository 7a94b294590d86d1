package org.bedsidecapture.app.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Every key of {@code site.properties}, in the sections an installer thinks in (site identity,
 * archives, EHR, devices, barcodes, use at the bedside), each with the kind of value it takes, so
 * that the settings screen offers all of them and never a free-text field for a secret: secrets are
 * files, chosen as files. Numbered keys (archives, barcode rules) are offered as the site has them,
 * plus one free slot (archives: at least three slots).
 */
public final class SettingsCatalogue {
  /** The kind of value a key takes. */
  public enum Kind {
    TEXT,
    NUMBER,
    FLAG,
    CHOICE,
    /** A path to a file; for secrets, the secret is in the file and never shown. */
    FILE
  }

  /**
   * One key.
   *
   * @param number the N of a numbered key (archive.N, barcode.rule.N.*), else 0
   */
  public record Key(String name, Kind kind, List<String> choices, int number) {
    static Key text(String name) {
      return new Key(name, Kind.TEXT, List.of(), 0);
    }

    static Key number(String name) {
      return new Key(name, Kind.NUMBER, List.of(), 0);
    }

    static Key flag(String name) {
      return new Key(name, Kind.FLAG, List.of("true", "false"), 0);
    }

    static Key file(String name) {
      return new Key(name, Kind.FILE, List.of(), 0);
    }

    static Key choice(String name, List<String> choices) {
      return new Key(name, Kind.CHOICE, List.copyOf(choices), 0);
    }

    Key numbered(int n) {
      return new Key(name.replace("N", Integer.toString(n)), kind, choices, n);
    }

    /** The key's name with its number as N: what its label is looked up by. */
    public String pattern() {
      return number == 0 ? name : name.replaceFirst("\\." + number + "(\\.|$)", ".N$1");
    }
  }

  /** One section of the screen. */
  public record Section(String id, List<Key> keys) {}

  private SettingsCatalogue() {}

  /** The sections, with the numbered keys {@code current} has and one free slot of each. */
  public static List<Section> sections(Properties current) {
    List<Key> archives = new ArrayList<>(List.of(Key.text("station.ae-title")));
    for (int n : numbers(current, "archive\\.(\\d{1,2})(\\.commit)?", ARCHIVE_SLOTS)) {
      archives.add(Key.text("archive.N").numbered(n));
      archives.add(Key.flag("archive.N.commit").numbered(n));
    }
    archives.addAll(
        List.of(
            Key.text("station.listen-address"),
            Key.number("station.listen-port"),
            Key.number("commitment.timeout-seconds"),
            Key.number("dicom.timeout-seconds"),
            Key.file("dicomweb.basic-auth-file"),
            Key.file("dicomweb.bearer-token-file"),
            Key.file("tls.key-store"),
            Key.file("tls.key-store-password-file"),
            Key.file("tls.trusted-certificates")));
    List<Key> barcodes = new ArrayList<>(List.of(Key.text("barcode.rules")));
    for (int n :
        numbers(
            current, "barcode\\.rule\\.(\\d{1,3})\\.(kind|system|pattern|gs1-ai|check-digit)", 1)) {
      barcodes.add(
          Key.choice("barcode.rule.N.kind", List.of("mrn", "visit", "accession", "badge"))
              .numbered(n));
      barcodes.add(Key.text("barcode.rule.N.system").numbered(n));
      barcodes.add(Key.text("barcode.rule.N.pattern").numbered(n));
      barcodes.add(Key.text("barcode.rule.N.gs1-ai").numbered(n));
      barcodes.add(
          Key.choice("barcode.rule.N.check-digit", List.of("none", "gs1-mod10", "luhn", "mod11"))
              .numbered(n));
    }
    barcodes.addAll(
        List.of(
            Key.text("scanner.prefix"),
            Key.text("scanner.suffix"),
            Key.number("scanner.max-key-gap-ms"),
            Key.number("scanner.min-length")));
    return List.of(
        new Section(
            "site",
            List.of(
                Key.text("station.name"),
                Key.text("station.serial"),
                Key.text("uid.root"),
                Key.text("institution.name"),
                Key.text("institution.department"),
                Key.text("institution.address"),
                Key.text("audit.repository"))),
        new Section("archives", archives),
        new Section(
            "ehr",
            List.of(
                Key.text("fhir.base-url"),
                Key.number("fhir.timeout-seconds"),
                Key.number("fhir.retries"),
                Key.file("fhir.basic-auth-file"),
                Key.file("fhir.bearer-token-file"),
                Key.text("fhir.smart.token-url"),
                Key.text("fhir.smart.client-id"),
                Key.file("fhir.smart.private-key-file"),
                Key.text("fhir.smart.scope"))),
        new Section(
            "devices",
            List.of(
                Key.text("devices.camera"),
                Key.text("devices.camera-mode"),
                Key.flag("devices.synthetic"),
                Key.text("devices.frame-grabber-names"),
                Key.number("clips.max-seconds"),
                Key.choice(
                    "capture.pedal-key",
                    List.of("F8", "F9", "F10", "F11", "F12", "PAUSE", "SCROLL_LOCK", "INSERT")))),
        new Section("barcodes", barcodes),
        new Section(
            "bedside",
            List.of(
                Key.number("session.idle-minutes"),
                Key.choice("session.when-taken-over", List.of("keep", "send")),
                Key.choice("ui.language", List.of("", "en", "de")),
                Key.choice("ui.theme", SiteSettings.THEMES),
                Key.file("outbox.key-file"))),
        new Section(
            "directory",
            List.of(
                Key.text("directory.url"),
                Key.text("directory.user-base"),
                Key.text("directory.user-filter"),
                Key.text("directory.capture-group"),
                Key.text("directory.installer-group"),
                Key.text("directory.bind-dn"),
                Key.file("directory.bind-password-file"),
                Key.text("directory.badge-attribute"),
                Key.choice("directory.when-down", List.of("refuse", "local")))));
  }

  /** Archive slots a site without archives is offered (most sites send to one or two). */
  private static final int ARCHIVE_SLOTS = 3;

  /**
   * The numbers {@code current} uses in keys matching {@code regex} (group 1) and the next; at
   * least {@code atLeast} of them.
   */
  private static List<Integer> numbers(Properties current, String regex, int atLeast) {
    TreeSet<Integer> used = new TreeSet<>();
    java.util.regex.Pattern p = java.util.regex.Pattern.compile(regex);
    for (String key : current.stringPropertyNames()) {
      Matcher m = p.matcher(key);
      if (m.matches()) {
        used.add(Integer.parseInt(m.group(1)));
      }
    }
    List<Integer> numbers = new ArrayList<>(used);
    do {
      numbers.add(numbers.isEmpty() ? 1 : numbers.get(numbers.size() - 1) + 1);
    } while (numbers.size() < atLeast);
    return numbers;
  }
}
