package org.bedsidecapture.app.barcode;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing of what a scanner or the camera hands the site's barcode rules (GS1
 * element strings with their symbology identifiers and group separators, check digits, patterns):
 * each content is resolved or refused with its reason ({@link BarcodeRejectedException}), and a
 * refusal never shows the content whole nor runs longer than a line. Seeds and every finding, kept
 * as a regression, are in {@code BarcodeFuzzTestInputs/}.
 */
class BarcodeFuzzTest {
  private static final BarcodeRules SITE =
      new BarcodeRules(
          "FUZZ",
          List.of(
              new BarcodeRule(
                  "gs1-patient",
                  IdentifierQuery.Kind.PATIENT_MRN,
                  "urn:oid:1.2.3.4",
                  null,
                  "8018",
                  CheckDigit.GS1_MOD10),
              new BarcodeRule(
                  "gs1-accession",
                  IdentifierQuery.Kind.ACCESSION,
                  "urn:oid:1.2.3.7",
                  null,
                  "8004",
                  CheckDigit.NONE),
              new BarcodeRule(
                  "mrn-luhn",
                  IdentifierQuery.Kind.PATIENT_MRN,
                  "urn:oid:1.2.3.5",
                  Pattern.compile("M(\\d{11})"),
                  null,
                  CheckDigit.LUHN),
              new BarcodeRule(
                  "nhs",
                  IdentifierQuery.Kind.PATIENT_MRN,
                  "https://fhir.nhs.uk/Id/nhs-number",
                  Pattern.compile("\\d{10}"),
                  null,
                  CheckDigit.MOD11),
              new BarcodeRule(
                  "visit",
                  IdentifierQuery.Kind.ENCOUNTER_VISIT,
                  "urn:oid:1.2.3.6",
                  Pattern.compile("V-(\\d+)"),
                  null,
                  CheckDigit.NONE)));

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
