package org.bedsidecapture.app.barcode;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bedsidecapture.app.fhir.demo.SyntheticEhr;
import org.bedsidecapture.app.fhir.demo.SyntheticEncounters;

/**
 * The site's rule set: tried in order, the first rule that recognises a barcode decides what it
 * identifies. A barcode no rule recognises, or whose check digit is wrong, is rejected with its
 * content masked (it may be a patient identifier) and the rule set named.
 */
public record BarcodeRules(String name, List<BarcodeRule> rules) {

  /**
   * Spaces and line ends a scanner adds; not {@link String#strip()}, which would also remove the
   * GS1 group separator (Java counts ASCII 28–31 as white space).
   */
  private static final Pattern EDGE_SPACE = Pattern.compile("^[ \\t\\r\\n]+|[ \\t\\r\\n]+$");

  /** The identifier system of staff badges where a site's rule names none. */
  public static final String BADGE_SYSTEM = "urn:bedside-capture:staff-badge";

  /** The most stars a masked barcode shows. */
  private static final int MASK_STARS = 16;

  public BarcodeRules {
    rules = List.copyOf(rules);
  }

  /** The demo's rules, which fit the synthetic EHR: used until a site sets its own. */
  public static BarcodeRules demo() {
    return new BarcodeRules(
        "demo",
        List.of(
            new BarcodeRule(
                "badge",
                IdentifierQuery.Kind.STAFF_BADGE,
                BADGE_SYSTEM,
                Pattern.compile("DEMO-BADGE-[A-Z]+"),
                null,
                CheckDigit.NONE),
            new BarcodeRule(
                "visit",
                IdentifierQuery.Kind.ENCOUNTER_VISIT,
                SyntheticEncounters.VISIT_SYSTEM,
                Pattern.compile("DEMO-V\\d{4}[A-Z]?"),
                null,
                CheckDigit.NONE),
            new BarcodeRule(
                "mrn",
                IdentifierQuery.Kind.PATIENT_MRN,
                SyntheticEncounters.MRN_SYSTEM,
                Pattern.compile("DEMO-\\d{6}"),
                null,
                CheckDigit.NONE),
            new BarcodeRule(
                "accession",
                IdentifierQuery.Kind.ACCESSION,
                SyntheticEhr.ACCESSION_SYSTEM,
                Pattern.compile("DEMOACC\\d{4}"),
                null,
                CheckDigit.NONE)));
  }

  /**
   * What the barcode identifies.
   *
   * @throws BarcodeRejectedException when no rule recognises it or its check digit is wrong
   */
  public IdentifierQuery resolve(String content) throws BarcodeRejectedException {
    String trimmed = EDGE_SPACE.matcher(content).replaceAll("");
    for (BarcodeRule rule : rules) {
      Optional<String> value = rule.read(trimmed);
      if (value.isEmpty()) {
        continue;
      }
      if (!rule.checkDigit().accepts(value.get())) {
        throw new BarcodeRejectedException(
            "barcode "
                + mask(trimmed)
                + " looks like "
                + what(rule.kind())
                + " (rule '"
                + rule.name()
                + "') but its check digit is wrong: scan it again, or type the number");
      }
      return new IdentifierQuery(rule.kind(), rule.system(), value.get());
    }
    throw new BarcodeRejectedException(
        "barcode "
            + mask(trimmed)
            + " matches no rule of the rule set '"
            + name
            + "': is it a wristband or encounter label of this hospital?");
  }

  /** The first rule that recognises {@code content} (as {@link #resolve} tries them), if any. */
  public Optional<BarcodeRule> ruleFor(String content) {
    String trimmed = EDGE_SPACE.matcher(content).replaceAll("");
    return rules.stream().filter(r -> r.read(trimmed).isPresent()).findFirst();
  }

  /**
   * Shows the length and the first and last two characters, never the whole identifier; however
   * long the content, the mask stays short enough to read.
   */
  static String mask(String content) {
    if (content.length() <= 4) {
      return "'" + "*".repeat(content.length()) + "'";
    }
    int hidden = content.length() - 4;
    return "'"
        + printable(content.substring(0, 2))
        + (hidden <= MASK_STARS ? "*".repeat(hidden) : "*".repeat(MASK_STARS) + "...")
        + printable(content.substring(content.length() - 2))
        + "' ("
        + content.length()
        + " characters)";
  }

  private static String printable(String s) {
    return s.replace(Gs1.GROUP_SEPARATOR, '|');
  }

  private static String what(IdentifierQuery.Kind kind) {
    return switch (kind) {
      case PATIENT_MRN -> "an MRN";
      case ENCOUNTER_VISIT -> "a visit number";
      case ACCESSION -> "an accession number";
      case STAFF_BADGE -> "a staff badge";
    };
  }
}
