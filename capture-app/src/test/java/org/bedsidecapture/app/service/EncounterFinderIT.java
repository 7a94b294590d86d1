package org.bedsidecapture.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import org.bedsidecapture.app.barcode.BarcodeRejectedException;
import org.bedsidecapture.app.barcode.BarcodeRules;
import org.bedsidecapture.app.fhir.Fhir;
import org.bedsidecapture.app.fhir.LookupException;
import org.bedsidecapture.app.fhir.LookupResult;
import org.bedsidecapture.app.fhir.demo.DemoFhirServer;
import org.bedsidecapture.app.fhir.demo.SyntheticEhr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Finding the encounter by scan and by manual search, against a real HAPI FHIR server. */
class EncounterFinderIT {
  private static Fhir fhir;
  private static DemoFhirServer ehr;
  private static EncounterFinder finder;

  @BeforeAll
  static void startEhr() throws Exception {
    fhir = Fhir.warmingInBackground();
    ehr = fhir.startDemoEhr();
    finder =
        new EncounterFinder(
            BarcodeRules.demo(), () -> fhir.lookup(ehr.baseUrl(), Duration.ofSeconds(10)));
  }

  @AfterAll
  static void stopEhr() throws Exception {
    ehr.close();
  }

  @Test
  void aWristbandAnEncounterLabelAndAnOrderLabelEachFindTheirEncounter() throws Exception {
    assertThat(finder.byBarcode("DEMO-000001")).isInstanceOf(LookupResult.Found.class);
    assertThat(finder.byBarcode("DEMO-V0002\r\n"))
        .isInstanceOfSatisfying(
            LookupResult.Found.class,
            f -> assertThat(f.context().patientId().value()).isEqualTo("DEMO-000002"));
    assertThat(finder.byBarcode(SyntheticEhr.ACCESSION))
        .isInstanceOfSatisfying(
            LookupResult.Found.class,
            f -> assertThat(f.context().accession().value()).isEqualTo(SyntheticEhr.ACCESSION));
  }

  @Test
  void aBarcodeTheRulesDoNotKnowIsRefusedWithItsContentMasked() {
    assertThatThrownBy(() -> finder.byBarcode("SECRET-4711"))
        .isInstanceOf(BarcodeRejectedException.class)
        .hasMessageNotContaining("SECRET-4711");
  }

  @Test
  void theManualSearchByMrnFindsTheWristbandsPatient() throws Exception {
    assertThat(finder.byMrn(" DEMO-000003 "))
        .isInstanceOfSatisfying(
            LookupResult.Found.class,
            f -> assertThat(f.context().birthDate()).isEqualTo(LocalDate.parse("1975-01-05")));
    assertThat(finder.byMrn("DEMO-999999")).isInstanceOf(LookupResult.NotFound.class);
  }

  @Test
  void theManualSearchByNameAndBirthDateFindsOneOrOffersAChoice() throws Exception {
    assertThat(finder.byNameAndBirthDate("zzte", "", LocalDate.parse("1961-04-12")))
        .isInstanceOfSatisfying(
            LookupResult.Found.class,
            f -> assertThat(f.context().patientId().value()).isEqualTo("DEMO-000001"));
    assertThat(finder.byNameAndBirthDate("Zztest", "Alice", LocalDate.parse("1961-04-13")))
        .isInstanceOf(LookupResult.NotFound.class);

    LookupResult two = finder.byNameAndBirthDate("Zzmerged", null, LocalDate.parse("1942-07-01"));

    assertThat(two).isInstanceOf(LookupResult.Choose.class);
    LookupResult.Candidate merged =
        ((LookupResult.Choose) two)
            .candidates().stream()
                .filter(c -> c.shown().contains(SyntheticEhr.MERGED_MRN))
                .findFirst()
                .orElseThrow();
    assertThat(finder.chosen(merged))
        .isInstanceOfSatisfying(
            LookupResult.Found.class,
            f -> {
              assertThat(f.context().patientId().value()).isEqualTo(SyntheticEhr.SURVIVOR_MRN);
              assertThat(f.warnings()).singleElement().asString().contains("merged");
            });
  }

  @Test
  void aChosenEncounterOfAPatientWithTwoGoesOnToThatEncounter() throws Exception {
    LookupResult two = finder.byBarcode(SyntheticEhr.TWO_ENCOUNTERS_MRN);
    assertThat(two).isInstanceOf(LookupResult.Choose.class);
    LookupResult.Candidate icu = ((LookupResult.Choose) two).candidates().get(0);

    assertThat(finder.chosen(icu))
        .isInstanceOfSatisfying(
            LookupResult.Found.class,
            f -> assertThat(f.context().admissionId().value()).isEqualTo("DEMO-V0004B"));
  }

  @Test
  void anEhrThatCannotBeReachedIsALookupFailureNotACrash() throws Exception {
    int closed = org.bedsidecapture.dicom.testing.Storescp.freePort();
    EncounterFinder down =
        new EncounterFinder(
            BarcodeRules.demo(),
            () -> fhir.lookup("http://127.0.0.1:" + closed + "/fhir", Duration.ofSeconds(2)));
    assertThatThrownBy(() -> down.byBarcode("DEMO-000001")).isInstanceOf(LookupException.class);
  }
}
