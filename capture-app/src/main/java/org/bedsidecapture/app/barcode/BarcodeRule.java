package org.bedsidecapture.app.barcode;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One site rule: which barcodes it recognises (a regular expression whose first group, or whole
 * match, is the identifier; or a GS1 application identifier), what they identify, in which
 * identifier system, and the check digit the identifier carries.
 */
public record BarcodeRule(
    String name,
    IdentifierQuery.Kind kind,
    String system,
    Pattern pattern,
    String gs1Ai,
    CheckDigit checkDigit) {

  public BarcodeRule {
    if ((pattern == null) == (gs1Ai == null)) {
      throw new IllegalArgumentException(
          "barcode rule " + name + ": give a pattern or a GS1 AI, one of the two");
    }
  }

  /** The identifier this rule reads from the barcode, if the rule recognises it. */
  Optional<String> read(String content) {
    if (gs1Ai != null) {
      if (!Gs1.looksLike(content)) {
        return Optional.empty();
      }
      Map<String, String> elements;
      try {
        elements = Gs1.parse(content);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      return Optional.ofNullable(elements.get(gs1Ai));
    }
    Matcher m = pattern.matcher(content);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group());
  }
}
