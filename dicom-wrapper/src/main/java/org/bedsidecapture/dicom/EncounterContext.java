package org.bedsidecapture.dicom;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything about the patient and the encounter that goes into each object, in neutral terms: the
 * FHIR-to-context mapping lives in the app, this module knows nothing about FHIR.
 *
 * @param patientId the primary patient identifier (the MRN), with its issuer
 * @param otherPatientIds further identifiers of the same patient
 * @param admissionId the encounter (visit) identifier, which is what makes the capture
 *     encounter-based
 * @param accession the order's accession number, or null when capturing without an order
 * @param referringPhysician may be null
 * @param institution may be null
 * @param studyInstanceUid the order's study UID when the ServiceRequest carries one, else null
 * @param reasonForVisit may be null
 */
public record EncounterContext(
    Identifier patientId,
    List<Identifier> otherPatientIds,
    PersonName patientName,
    LocalDate birthDate,
    Sex sex,
    Identifier admissionId,
    Identifier accession,
    PersonName referringPhysician,
    Institution institution,
    String studyInstanceUid,
    String reasonForVisit) {

  public EncounterContext {
    Objects.requireNonNull(patientId, "patient identifier");
    Objects.requireNonNull(admissionId, "admission (encounter) identifier");
    otherPatientIds = otherPatientIds == null ? List.of() : List.copyOf(otherPatientIds);
    patientName = patientName == null ? new PersonName(null, null, null, null, null) : patientName;
    sex = sex == null ? Sex.UNKNOWN : sex;
    studyInstanceUid = Text.blankToNull(studyInstanceUid);
    reasonForVisit = Text.blankToNull(reasonForVisit);
  }
}
