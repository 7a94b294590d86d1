package org.bedsidecapture.app.barcode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a GS1 element string (GS1-128, GS1 DataMatrix, GS1 QR) into its application identifiers.
 * Variable-length values end at the group separator (FNC1, ASCII 29) or at the end; fixed-length
 * ones are known from the GS1 General Specifications' table of predefined lengths, of which the AIs
 * met on patient wristbands and labels are kept here.
 */
final class Gs1 {
  static final char GROUP_SEPARATOR = '\u001D';

  /** AI → length of its value, for the fixed-length AIs met in healthcare. */
  private static final Map<String, Integer> FIXED =
      Map.ofEntries(
          Map.entry("00", 18),
          Map.entry("01", 14),
          Map.entry("02", 14),
          Map.entry("11", 6),
          Map.entry("17", 6),
          Map.entry("414", 13),
          Map.entry("8017", 18),
          Map.entry("8018", 18));

  /** AIs with a variable-length value that the table knows by their first digits. */
  private static final String[] VARIABLE = {"10", "21", "240", "241", "250", "253", "8019", "90"};

  private Gs1() {}

  /** True when the text looks like a GS1 element string (symbology identifier or FNC1 in front). */
  static boolean looksLike(String text) {
    return text.startsWith("]C1")
        || text.startsWith("]d2")
        || text.startsWith("]Q3")
        || (!text.isEmpty() && text.charAt(0) == GROUP_SEPARATOR);
  }

  /**
   * The element string's AIs and values, in order.
   *
   * @throws IllegalArgumentException when an AI is unknown or a fixed-length value is cut short
   */
  static Map<String, String> parse(String text) {
    String s = text;
    if (s.startsWith("]C1") || s.startsWith("]d2") || s.startsWith("]Q3")) {
      s = s.substring(3);
    }
    Map<String, String> elements = new LinkedHashMap<>();
    int i = 0;
    while (i < s.length()) {
      if (s.charAt(i) == GROUP_SEPARATOR) {
        i++;
        continue;
      }
      String ai = ai(s, i);
      int start = i + ai.length();
      Integer fixed = FIXED.get(ai);
      int end;
      if (fixed != null) {
        end = start + fixed;
        if (end > s.length()) {
          throw new IllegalArgumentException("GS1 AI (" + ai + ") is cut short");
        }
      } else {
        int gs = s.indexOf(GROUP_SEPARATOR, start);
        end = gs < 0 ? s.length() : gs;
      }
      elements.put(ai, s.substring(start, end));
      i = end;
    }
    return elements;
  }

  private static String ai(String s, int i) {
    for (String ai : FIXED.keySet()) {
      if (s.startsWith(ai, i)) {
        return ai;
      }
    }
    for (String ai : VARIABLE) {
      if (s.startsWith(ai, i)) {
        return ai;
      }
    }
    throw new IllegalArgumentException(
        "GS1 application identifier at position " + i + " is not one this app reads");
  }
}
