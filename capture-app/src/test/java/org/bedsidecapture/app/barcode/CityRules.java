package org.bedsidecapture.app.barcode;

import java.util.List;
import java.util.regex.Pattern;

/** A hospital's rule set for tests: GS1 GSRN wristbands, Luhn and mod-11 MRNs, visit labels. */
final class CityRules {
  private CityRules() {}

  static BarcodeRules rules() {
    return new BarcodeRules(
        "CITY-2026",
        List.of(
            new BarcodeRule(
                "gs1-patient",
                IdentifierQuery.Kind.PATIENT_MRN,
                "urn:oid:1.2.3.4",
                null,
                "8018",
                CheckDigit.GS1_MOD10),
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
  }
}
