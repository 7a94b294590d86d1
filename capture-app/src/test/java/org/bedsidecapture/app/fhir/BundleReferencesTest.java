package org.bedsidecapture.app.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bedsidecapture.dicom.EncounterContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bundles that refer between their entries in each way FHIR R4 allows (bundle.html#references), as
 * EHR exports and transaction Bundles write them: every form finds the patient, the organisation
 * and the referrer, and a subject that is not the Bundle's patient is still a stop.
 */
class BundleReferencesTest {
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final String PATIENT_UUID = "urn:uuid:9a3c2b1e-5f4d-4c3b-8a2e-1d0f9e8c7b6a";
  private static final String ORG_UUID = "urn:uuid:4b1d2c3e-6a5f-4e7d-9c8b-0a1f2e3d4c5b";
  private static final String DOCTOR_UUID = "urn:uuid:7e6d5c4b-3a2f-4e1d-8c9b-6a5f4e3d2c1b";
  private static final String EHR = "https://ehr.example.org/fhir/";

  @TempDir Path dir;

  /**
   * A Bundle whose Patient, Organization and Practitioner entries have these {@code fullUrl}s and
   * ids (empty: none), and whose Encounter refers to them with these references.
   */
  private EncounterContext read(
      String patientFullUrl,
      String patientId,
      String subject,
      String orgFullUrl,
      String orgId,
      String provider,
      String doctorFullUrl,
      String doctorId,
      String referrer)
      throws Exception {
    String json =
        """
        {"resourceType": "Bundle", "type": "collection", "entry": [
          {%s"resource": {"resourceType": "Patient", %s
            "identifier": [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]},
                            "system": "urn:oid:2.16.840.1.113883.3.9999.1", "value": "DEMO-000009"}],
            "name": [{"family": "Zztest", "given": ["Uma"]}], "gender": "female", "birthDate": "1970-01-02"}},
          {"fullUrl": "urn:uuid:0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
           "resource": {"resourceType": "Encounter", "status": "in-progress",
            "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "EMER"},
            "identifier": [{"system": "urn:oid:2.16.840.1.113883.3.9999.2", "value": "V-9"}],
            "subject": {"reference": "%s"},
            "participant": [{"type": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "REF"}]}],
                             "individual": {"reference": "%s"}}],
            "serviceProvider": {"reference": "%s"}}},
          {%s"resource": {"resourceType": "Organization", %s "name": "Example Hospital"}},
          {%s"resource": {"resourceType": "Practitioner", %s "name": [{"family": "Zzdoctor", "given": ["Ray"]}]}}
        ]}
        """
            .formatted(
                fullUrl(patientFullUrl),
                id(patientId),
                subject,
                referrer,
                provider,
                fullUrl(orgFullUrl),
                id(orgId),
                fullUrl(doctorFullUrl),
                id(doctorId));
    Path file = dir.resolve("bundle.json");
    Files.writeString(file, json);
    return new FhirBundleReader(FHIR).read(file);
  }

  private static String fullUrl(String url) {
    return url.isEmpty() ? "" : "\"fullUrl\": \"" + url + "\", ";
  }

  private static String id(String id) {
    return id.isEmpty() ? "" : "\"id\": \"" + id + "\", ";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          urn:uuid, as EHR exports and transactions refer | %1$s | | %1$s | %2$s | | %2$s | %3$s | | %3$s
          urn:uuid entries that also carry ids, referred to by Type/id | %1$s | p1 | Patient/p1 | %2$s | o1 | Organization/o1 | %3$s | d1 | Practitioner/d1
          relative Type/id, no fullUrl | | p1 | Patient/p1 | | o1 | Organization/o1 | | d1 | Practitioner/d1
          relative Type/id against RESTful fullUrls | %4$sPatient/p1 | p1 | Patient/p1 | %4$sOrganization/o1 | o1 | Organization/o1 | %4$sPractitioner/d1 | d1 | Practitioner/d1
          absolute RESTful URLs | %4$sPatient/p1 | p1 | %4$sPatient/p1 | %4$sOrganization/o1 | o1 | %4$sOrganization/o1 | %4$sPractitioner/d1 | d1 | %4$sPractitioner/d1
          versioned references | %4$sPatient/p1 | p1 | %4$sPatient/p1/_history/3 | | o1 | Organization/o1/_history/2 | | d1 | Practitioner/d1/_history/7
          """)
  void everyFormOfReferenceFindsItsEntry(
      String form,
      String patientFullUrl,
      String patientId,
      String subject,
      String orgFullUrl,
      String orgId,
      String provider,
      String doctorFullUrl,
      String doctorId,
      String referrer)
      throws Exception {
    EncounterContext c =
        read(
            expand(patientFullUrl),
            expand(patientId),
            expand(subject),
            expand(orgFullUrl),
            expand(orgId),
            expand(provider),
            expand(doctorFullUrl),
            expand(doctorId),
            expand(referrer));

    assertThat(c.patientId().value()).isEqualTo("DEMO-000009");
    assertThat(c.admissionId().value()).isEqualTo("V-9");
    assertThat(c.institution().name()).as(form).isEqualTo("Example Hospital");
    assertThat(c.referringPhysician().toDicom()).as(form).isEqualTo("Zzdoctor^Ray");
  }

  private static String expand(String cell) {
    return cell == null ? "" : cell.formatted(PATIENT_UUID, ORG_UUID, DOCTOR_UUID, EHR);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          another urn:uuid | %1$s | | urn:uuid:11111111-2222-4333-8444-555555555555
          the organisation's urn:uuid | %1$s | | %2$s
          another id | | p1 | Patient/p2
          the same id on another server | %4$sPatient/p1 | p1 | https://other.example.org/fhir/Patient/p1
          the same id as another type | | p1 | Group/p1
          a relative reference against another server's fullUrl | https://other.example.org/fhir/Patient/p1 | p1 | Patient/p2
          """)
  void aSubjectThatIsNotTheBundlesPatientIsAStop(
      String form, String patientFullUrl, String patientId, String subject) {
    assertThatThrownBy(
            () ->
                read(
                    expand(patientFullUrl),
                    expand(patientId),
                    expand(subject),
                    ORG_UUID,
                    "",
                    ORG_UUID,
                    DOCTOR_UUID,
                    "",
                    DOCTOR_UUID))
        .as(form)
        .isInstanceOf(EncounterContextException.class)
        .hasMessageContaining("belongs to another patient than the Patient in the Bundle");
  }
}
