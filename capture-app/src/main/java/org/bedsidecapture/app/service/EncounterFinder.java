package org.bedsidecapture.app.service;

import java.time.LocalDate;
import org.bedsidecapture.app.barcode.BarcodeRejectedException;
import org.bedsidecapture.app.barcode.BarcodeRule;
import org.bedsidecapture.app.barcode.BarcodeRules;
import org.bedsidecapture.app.barcode.IdentifierQuery;
import org.bedsidecapture.app.fhir.FhirEncounterLookup;
import org.bedsidecapture.app.fhir.LookupException;
import org.bedsidecapture.app.fhir.LookupResult;

/**
 * Finds the encounter to capture for: from a scanned barcode (wristband, encounter or order label)
 * through the site's rules and the EHR, or by the manual search that is the fallback when nothing
 * can be scanned. What it finds still has to be confirmed by the user.
 */
public final class EncounterFinder {
  /** How the patient was found, recorded with the session. */
  public enum FoundBy {
    BARCODE,
    MANUAL_SEARCH
  }

  /** Gives the EHR's lookup when first needed (building it is not free). */
  public interface LookupSource {
    FhirEncounterLookup lookup() throws LookupException;
  }

  private final BarcodeRules rules;
  private final LookupSource source;

  public EncounterFinder(BarcodeRules rules, LookupSource source) {
    this.rules = rules;
    this.source = source;
  }

  /**
   * What a scanned barcode leads to.
   *
   * @throws BarcodeRejectedException when the site's rules do not recognise it (said with it
   *     masked)
   * @throws LookupException when the EHR cannot be asked
   */
  public LookupResult byBarcode(String content) throws BarcodeRejectedException, LookupException {
    return byQuery(resolve(content));
  }

  /**
   * What a barcode identifies by the site's rules, without asking the EHR (fast: the screens call
   * it before showing a lookup under way).
   */
  public IdentifierQuery resolve(String content) throws BarcodeRejectedException {
    return rules.resolve(content);
  }

  /** What a staff badge scanned for a patient is told. */
  public static final String NOT_A_PATIENT =
      "this is a staff badge, not a wristband: to sign in with it, press Lock and scan it there";

  /** The encounter a resolved barcode leads to. */
  public LookupResult byQuery(IdentifierQuery q) throws LookupException {
    FhirEncounterLookup lookup = source.lookup();
    return switch (q.kind()) {
      case PATIENT_MRN -> lookup.byPatientIdentifier(q.system(), q.value());
      case ENCOUNTER_VISIT -> lookup.byEncounterIdentifier(q.system(), q.value(), null);
      case ACCESSION -> lookup.byAccession(q.system(), q.value(), null);
      case STAFF_BADGE -> throw new LookupException(NOT_A_PATIENT);
    };
  }

  /** Manual search by MRN, in the identifier system of the site's wristbands. */
  public LookupResult byMrn(String mrn) throws LookupException {
    String system =
        rules.rules().stream()
            .filter(r -> r.kind() == IdentifierQuery.Kind.PATIENT_MRN)
            .map(BarcodeRule::system)
            .findFirst()
            .orElseThrow(
                () ->
                    new LookupException(
                        "the site's barcode rules name no MRN system: search by name and birth"
                            + " date"));
    return source.lookup().byPatientIdentifier(system, mrn.strip());
  }

  /** Manual search by family name (and given name, may be blank) and birth date. */
  public LookupResult byNameAndBirthDate(String family, String given, LocalDate born)
      throws LookupException {
    if (family == null || family.isBlank()) {
      throw new IllegalArgumentException("type the family name");
    }
    return source.lookup().byNameAndBirthDate(family, given, born);
  }

  /** Goes on with the candidate the user chose. */
  public LookupResult chosen(LookupResult.Candidate candidate) throws LookupException {
    FhirEncounterLookup lookup = source.lookup();
    return candidate.encounterId() != null
        ? lookup.byEncounterId(candidate.encounterId())
        : lookup.byPatientId(candidate.patientId());
  }
}
