package org.bedsidecapture.app.service;

import java.time.LocalDate;
import org.bedsidecapture.app.audit.AuditTrail;
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
  private final AuditTrail trail;
  private final String ehr;

  /**
   * @param trail where each lookup is reported (the site's audit repository)
   * @param ehr the EHR as the reports name it (its base URL)
   */
  public EncounterFinder(BarcodeRules rules, LookupSource source, AuditTrail trail, String ehr) {
    this.rules = rules;
    this.source = source;
    this.trail = trail;
    this.ehr = ehr;
  }

  public EncounterFinder(BarcodeRules rules, LookupSource source) {
    this(rules, source, AuditTrail.none(), null);
  }

  private interface Lookup {
    LookupResult ask() throws LookupException;
  }

  /** Asks the EHR {@code query} (as FHIR searches it), reported with what it found. */
  private LookupResult audited(String query, Lookup lookup) throws LookupException {
    try {
      LookupResult r = lookup.ask();
      trail.lookedUp(ehr, query, r instanceof LookupResult.Found f ? f.context() : null, null);
      return r;
    } catch (LookupException | RuntimeException e) {
      trail.lookedUp(ehr, query, null, e.getMessage());
      throw e;
    }
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
    return byQuery(q, null);
  }

  /**
   * The encounter a resolved barcode leads to, checked against the patient of the wristband scanned
   * before it ({@code wristband}: its MRN; null: none).
   */
  public LookupResult byQuery(IdentifierQuery q, String wristband) throws LookupException {
    String identifier = "?identifier=" + q.system() + "|" + q.value();
    return switch (q.kind()) {
      case PATIENT_MRN ->
          audited(
              "Patient" + identifier,
              () -> source.lookup().byPatientIdentifier(q.system(), q.value()));
      case ENCOUNTER_VISIT ->
          audited(
              "Encounter" + identifier,
              () -> source.lookup().byEncounterIdentifier(q.system(), q.value(), wristband));
      case ACCESSION ->
          audited(
              "ServiceRequest" + identifier,
              () -> source.lookup().byAccession(q.system(), q.value(), wristband));
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
    return audited(
        "Patient?identifier=" + system + "|" + mrn.strip(),
        () -> source.lookup().byPatientIdentifier(system, mrn.strip()));
  }

  /** Manual search by family name (and given name, may be blank) and birth date. */
  public LookupResult byNameAndBirthDate(String family, String given, LocalDate born)
      throws LookupException {
    if (family == null || family.isBlank()) {
      throw new IllegalArgumentException("type the family name");
    }
    return audited(
        "Patient?family="
            + family.strip()
            + (given == null || given.isBlank() ? "" : "&given=" + given.strip())
            + (born == null ? "" : "&birthdate=" + born),
        () -> source.lookup().byNameAndBirthDate(family, given, born));
  }

  /** Goes on with the candidate the user chose. */
  public LookupResult chosen(LookupResult.Candidate candidate) throws LookupException {
    return candidate.encounterId() != null
        ? audited(
            "Encounter/" + candidate.encounterId(),
            () -> source.lookup().byEncounterId(candidate.encounterId()))
        : audited(
            "Patient/" + candidate.patientId(),
            () -> source.lookup().byPatientId(candidate.patientId()));
  }
}
