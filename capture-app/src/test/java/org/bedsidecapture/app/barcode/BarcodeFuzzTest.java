package org.bedsidecapture.app.barcode;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Coverage-guided fuzzing of what a scanner or the camera hands the site's barcode rules (GS1
 * element strings with their symbology identifiers and group separators, check digits, patterns):
 * each content is resolved or refused with its reason ({@link BarcodeRejectedException}), and a
 * refusal never shows the content whole nor runs longer than a line. Seeds and every finding, kept
 * as a regression, are in {@code BarcodeFuzzTestInputs/}.
 */
class BarcodeFuzzTest {
  private static final BarcodeRules SITE = CityRules.rules();

  private static final int LONGEST_MESSAGE = 300;

  /**
   * Whether the message gives the content away: its middle, which the mask hides, appears in it (a
   * content whose middle is stars anyway gives nothing away).
   */
  private static boolean showsWhole(String message, String content) {
    if (content.length() < 8) {
      return false;
    }
    String middle = content.substring(2, content.length() - 2);
    return !middle.chars().allMatch(c -> c == '*' || c == '.') && message.contains(content);
  }

  @FuzzTest
  void barcodesFromOutside(byte[] scanned) {
    String content = new String(scanned, StandardCharsets.UTF_8);
    for (BarcodeRules rules : List.of(SITE, BarcodeRules.demo())) {
      try {
        IdentifierQuery q = rules.resolve(content);
        if (q.value() == null || q.value().isEmpty()) {
          throw new AssertionError("resolved to an empty identifier by " + rules.name());
        }
      } catch (BarcodeRejectedException refused) {
        String message = refused.getMessage();
        if (message == null || message.length() > LONGEST_MESSAGE) {
          throw new AssertionError("a refusal must be one readable line: " + message);
        }
        if (showsWhole(message, content.strip())) {
          throw new AssertionError("a refusal showed the content whole: " + message);
        }
      }
    }
  }
}
