package org.bedsidecapture.app.fhir;

import java.util.List;
import org.bedsidecapture.dicom.EncounterContext;

/**
 * What a barcode's lookup in the EHR came to. Only {@link Found} leads to capture, and only after
 * the user confirmed the patient by two identifiers; nothing is ever chosen for the user when
 * several records could be meant.
 */
public sealed interface LookupResult {

  /**
   * One patient and one encounter.
   *
   * @param warnings what the user must read before confirming (a merged record followed, …)
   * @param overrideNeeded the encounter is not current (finished, cancelled): capture only after
   *     the user explicitly overrides
   */
  record Found(EncounterContext context, List<String> warnings, boolean overrideNeeded, Visit visit)
      implements LookupResult {
    public Found {
      warnings = List.copyOf(warnings);
    }

    public Found(EncounterContext context, List<String> warnings, boolean overrideNeeded) {
      this(context, warnings, overrideNeeded, null);
    }

    /** The two identifiers the user confirms: name and birth date, and the MRN. */
    public String confirmation() {
      return context.patientName().toDicom().replace('^', ' ').strip()
          + ", born "
          + (context.birthDate() == null ? "unknown" : context.birthDate())
          + ", MRN "
          + context.patientId().value();
    }
  }

  /**
   * The encounter as the confirm screen shows it, each part null when the EHR did not say.
   *
   * @param kind its class (emergency, inpatient…)
   * @param location where the patient is
   * @param start when it began, as the EHR wrote it
   * @param order what the order asks for, when there is one
   */
  record Visit(String kind, String location, String start, String order) {}

  /**
   * Several candidates: patients sharing the identifier, or several current encounters of one
   * patient (newest first). The user picks one; {@link Candidate#encounterId()} continues the
   * lookup with {@link FhirEncounterLookup#byEncounterId}.
   */
  record Choose(String why, List<Candidate> candidates) implements LookupResult {
    public Choose {
      candidates = List.copyOf(candidates);
    }
  }

  /** One line to show for a candidate, and the FHIR ids to continue with (no PHI in the ids). */
  record Candidate(String shown, String patientId, String encounterId) {}

  /** Nothing matched: says what was searched. */
  record NotFound(String searched) implements LookupResult {}

  /** Capture must not go on (e.g. the encounter belongs to another patient than the wristband). */
  record Stop(String reason) implements LookupResult {}
}
