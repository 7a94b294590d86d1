package org.bedsidecapture.app.fhir.demo;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Synthetic patients and encounters for the demo and tests: clearly fake names (family name
 * starting with "Zz"), identifiers under a test namespace that no hospital issues.
 */
public final class SyntheticEncounters {
  /** An OID arc reserved for examples and tests (HL7's 2.16.840.1.113883.3.9999 test branch). */
  public static final String TEST_ROOT = "2.16.840.1.113883.3.9999";

  public static final String MRN_SYSTEM = "urn:oid:" + TEST_ROOT + ".1";
  public static final String VISIT_SYSTEM = "urn:oid:" + TEST_ROOT + ".2";
  private static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";

  /** One synthetic patient with a current emergency encounter. */
  public record Case(
      String mrn,
      String visitNumber,
      String family,
      String given,
      String birthDate,
      Enumerations.AdministrativeGender gender) {}

  public static final List<Case> CASES =
      List.of(
          new Case(
              "DEMO-000001",
              "DEMO-V0001",
              "Zztest",
              "Alice",
              "1961-04-12",
              Enumerations.AdministrativeGender.FEMALE),
          new Case(
              "DEMO-000002",
              "DEMO-V0002",
              "Zzexample",
              "Bruno",
              "1984-09-30",
              Enumerations.AdministrativeGender.MALE),
          new Case(
              "DEMO-000003",
              "DEMO-V0003",
              "Zzπαράδειγμα",
              "Ελένη",
              "1975-01-05",
              Enumerations.AdministrativeGender.FEMALE));

  private SyntheticEncounters() {}

  /**
   * A Bundle (collection): the case's Patient and Encounter, the demo Organization and referrer.
   */
  public static Bundle bundle(Case c) {
    Organization org = new Organization();
    org.setId("demo-org");
    org.setName("Demo General Hospital (synthetic)");
    org.addAddress().setText("1 Example Street, Testville");

    Patient patient = new Patient();
    patient.setId(c.mrn().toLowerCase(java.util.Locale.ROOT));
    patient
        .addIdentifier()
        .setSystem(MRN_SYSTEM)
        .setValue(c.mrn())
        .setType(type("MR"))
        .setAssigner(new Reference().setDisplay("DEMO-HOSPITAL"));
    patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(c.family()).addGiven(c.given());
    patient.setBirthDateElement(new DateType(c.birthDate()));
    patient.setGender(c.gender());

    Encounter encounter = new Encounter();
    encounter.setId(c.visitNumber().toLowerCase(java.util.Locale.ROOT));
    encounter.setStatus(Encounter.EncounterStatus.INPROGRESS);
    encounter.setClass_(
        new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "EMER", "emergency"));
    encounter
        .addIdentifier()
        .setSystem(VISIT_SYSTEM)
        .setValue(c.visitNumber())
        .setType(type("VN"))
        .setAssigner(new Reference().setDisplay("DEMO-HOSPITAL-VISIT"));
    encounter.setSubject(new Reference("Patient/" + patient.getIdElement().getIdPart()));
    encounter.setServiceProvider(new Reference("Organization/demo-org"));
    encounter.addLocation().setLocation(new Reference().setDisplay("Emergency Department"));
    encounter
        .addParticipant()
        .addType(
            new CodeableConcept(
                new Coding(
                    "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "REF", null)))
        .setIndividual(new Reference("Practitioner/demo-referrer"));

    Practitioner referrer = new Practitioner();
    referrer.setId("demo-referrer");
    referrer.addName().setFamily("Zzdoctor").addGiven("Rita").addPrefix("Dr");
    encounter.addReasonCode().setText("Wound assessment");

    Bundle bundle = new Bundle();
    bundle.setType(Bundle.BundleType.COLLECTION);
    for (Resource r : List.of(patient, encounter, org, referrer)) {
      bundle
          .addEntry()
          .setFullUrl(r.fhirType() + "/" + r.getIdElement().getIdPart())
          .setResource(r);
    }
    return bundle;
  }

  private static CodeableConcept type(String code) {
    return new CodeableConcept(new Coding(V2_0203, code, null));
  }
}
