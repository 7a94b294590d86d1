package org.bedsidecapture.app.barcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bedsidecapture.app.fhir.demo.SyntheticEncounters;
import org.junit.jupiter.api.Test;

class BarcodeRulesTest {
  private static final String GSRN = "123456789012345675";

  private final BarcodeRules site = CityRules.rules();

  @Test
  void theDemoRulesFitTheSyntheticEhr() throws Exception {
    BarcodeRules demo = BarcodeRules.demo();
    assertThat(demo.resolve("DEMO-000001"))
        .isEqualTo(
            new IdentifierQuery(
                IdentifierQuery.Kind.PATIENT_MRN, SyntheticEncounters.MRN_SYSTEM, "DEMO-000001"));
    assertThat(demo.resolve("DEMO-V0004B").kind()).isEqualTo(IdentifierQuery.Kind.ENCOUNTER_VISIT);
    assertThat(demo.resolve(" DEMOACC0001\n").kind()).isEqualTo(IdentifierQuery.Kind.ACCESSION);
    assertThat(demo.resolve("DEMO-BADGE-NURSE").kind())
        .as("a staff badge is told from a wristband")
        .isEqualTo(IdentifierQuery.Kind.STAFF_BADGE);
  }

  @Test
  void gs1ElementStringsAreReadByTheirApplicationIdentifier() throws Exception {
    String dataMatrix = "]d2" + "01" + "09506000134352" + "8018" + GSRN + "\u001D" + "21ABC";
    assertThat(site.resolve(dataMatrix).value()).isEqualTo(GSRN);
    assertThat(site.resolve("\u001D8018" + GSRN).system()).isEqualTo("urn:oid:1.2.3.4");
  }

  @Test
  void checkDigitsAreChecked() throws Exception {
    assertThat(site.resolve("M79927398713").value()).isEqualTo("79927398713");
    assertThat(site.resolve("9434765919").value()).isEqualTo("9434765919");
    assertThatThrownBy(() -> site.resolve("M79927398710"))
        .isInstanceOf(BarcodeRejectedException.class)
        .hasMessageContaining("looks like an MRN (rule 'mrn-luhn') but its check digit is wrong");
    assertThatThrownBy(() -> site.resolve("]d28018123456789012345670"))
        .hasMessageContaining("check digit is wrong");
    assertThatThrownBy(() -> site.resolve("9434765910")).hasMessageContaining("check digit");
  }

  @Test
  void garbageIsRejectedMaskedWithTheRuleSetNamed() {
    assertThatThrownBy(() -> site.resolve("PATIENT-SECRET-123"))
        .isInstanceOf(BarcodeRejectedException.class)
        .hasMessage(
            "barcode 'PA**************23' (18 characters) matches no rule of the rule set"
                + " 'CITY-2026': is it a wristband or encounter label of this hospital?");
    assertThatThrownBy(() -> site.resolve("abc")).hasMessageContaining("'***'");
    assertThatThrownBy(() -> site.resolve("X" + "9".repeat(19_998) + "Y"))
        .hasMessageStartingWith(
            "barcode 'X9****************...9Y' (20000 characters) matches no rule");
  }
}
