package org.bedsidecapture.app.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.bedsidecapture.app.fhir.demo.SyntheticEncounters;
import org.bedsidecapture.dicom.EncounterContext;
import org.bedsidecapture.dicom.Issuer;
import org.bedsidecapture.dicom.Sex;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FHIR R4 Bundles, written and parsed by HAPI, mapped to the encounter context. */
class FhirBundleReaderTest {
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private final FhirBundleReader reader = new FhirBundleReader(FHIR);
  @TempDir Path dir;

  private Path write(Bundle b) throws Exception {
    Path f = dir.resolve("bundle.json");
    Files.writeString(f, FHIR.newJsonParser().encodeResourceToString(b));
    return f;
  }

  private static Bundle demo() {
    return SyntheticEncounters.bundle(SyntheticEncounters.CASES.get(0));
  }

  private static <T> T only(Bundle b, Class<T> type) {
    return b.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void mapsPatientEncounterOrganizationAndReferrer() throws Exception {
    EncounterContext c = reader.read(write(demo()));

    assertThat(c.patientId().value()).isEqualTo("DEMO-000001");
    assertThat(c.patientId().typeCode()).isEqualTo("MR");
    assertThat(c.patientId().issuer())
        .isEqualTo(
            new Issuer(
                "DEMO-HOSPITAL", SyntheticEncounters.TEST_ROOT + ".1", Issuer.UniversalIdType.ISO));
    assertThat(c.patientName().toDicom()).isEqualTo("Zztest^Alice");
    assertThat(c.birthDate()).isEqualTo(LocalDate.of(1961, 4, 12));
    assertThat(c.sex()).isEqualTo(Sex.FEMALE);
    assertThat(c.admissionId().value()).isEqualTo("DEMO-V0001");
    assertThat(c.admissionId().issuer().localNamespace()).isEqualTo("DEMO-HOSPITAL-VISIT");
    assertThat(c.accession()).isNull();
    assertThat(c.institution().name()).isEqualTo("Demo General Hospital (synthetic)");
    assertThat(c.institution().address()).isEqualTo("1 Example Street, Testville");
    assertThat(c.institution().department()).isEqualTo("Emergency Department");
    assertThat(c.referringPhysician().toDicom()).isEqualTo("Zzdoctor^Rita^^Dr");
    assertThat(c.reasonForVisit()).isEqualTo("Wound assessment");
  }

  @Test
  void anOrderGivesAccessionStudyUidAndRequester() throws Exception {
    Bundle b = demo();
    ServiceRequest order = new ServiceRequest();
    order.setId("order-1");
    order.setSubject(new Reference("Patient/demo-000001"));
    order
        .addIdentifier()
        .setSystem("urn:oid:2.16.840.1.113883.3.9999.3")
        .setValue("ACC0001")
        .setType(new CodeableConcept(new Coding(FhirEncounterMapper.V2_0203, "ACSN", null)));
    order.addIdentifier().setSystem("urn:dicom:uid").setValue("urn:oid:2.25.1234");
    order.setRequester(new Reference("Practitioner/demo-referrer"));
    b.addEntry().setResource(order);

    EncounterContext c = reader.read(write(b));

    assertThat(c.accession().value()).isEqualTo("ACC0001");
    assertThat(c.accession().issuer().universalEntityId()).isEqualTo("2.16.840.1.113883.3.9999.3");
    assertThat(c.studyInstanceUid()).isEqualTo("2.25.1234");
    assertThat(c.referringPhysician().family()).isEqualTo("Zzdoctor");
  }

  @Test
  void anIdentifierTypeCodingWithoutACodeIsNoTypeAtAll() throws Exception {
    Bundle b = demo();
    Patient p = only(b, Patient.class);
    p.getIdentifierFirstRep().getType().getCodingFirstRep().setCode(null);

    EncounterContext c = reader.read(write(b));

    assertThat(c.patientId().value())
        .as("found by the fuzzer: this was a NullPointerException")
        .isEqualTo("DEMO-000001");
    assertThat(c.patientId().typeCode()).isNull();
  }

  @Test
  void jsonTheFhirParserChokesOnIsRefusedAsNotABundle() throws Exception {
    Path f = dir.resolve("odd.json");
    Files.writeString(
        f,
        "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":"
            + "{\"resourceType\":\"Patient\",\"\":[{\"text\":\"x\"}]}}]}");

    assertThatThrownBy(() -> reader.read(f))
        .as("found by the fuzzer: HAPI's parser threw StringIndexOutOfBoundsException")
        .isInstanceOf(EncounterContextException.class)
        .hasMessageContaining("not a FHIR R4 Bundle in JSON");
  }

  @Test
  void refusesWhatCouldFileAnImageUnderTheWrongPatient() throws Exception {
    Bundle noId = demo();
    only(noId, Patient.class).getIdentifier().clear();
    assertThatThrownBy(() -> reader.read(write(noId)))
        .isInstanceOf(EncounterContextException.class)
        .hasMessageContaining("the Patient has no identifier");

    Bundle noEncounter = demo();
    noEncounter.getEntry().removeIf(e -> e.getResource() instanceof Encounter);
    assertThatThrownBy(() -> reader.read(write(noEncounter)))
        .hasMessageContaining("the Bundle holds no Encounter");

    Bundle otherPatient = demo();
    only(otherPatient, Encounter.class).setSubject(new Reference("Patient/someone-else"));
    assertThatThrownBy(() -> reader.read(write(otherPatient)))
        .hasMessageContaining("belongs to another patient");

    Bundle twoPatients = demo();
    twoPatients
        .addEntry()
        .setResource(
            new Patient().addIdentifier(new org.hl7.fhir.r4.model.Identifier().setValue("X")));
    assertThatThrownBy(() -> reader.read(write(twoPatients)))
        .hasMessageContaining("2 Patient resources");

    Bundle noVisit = demo();
    only(noVisit, Encounter.class).getIdentifier().clear();
    assertThatThrownBy(() -> reader.read(write(noVisit)))
        .hasMessageContaining("the Encounter has no identifier");
  }

  @Test
  void refusesFilesThatAreNotBundles() throws Exception {
    Path garbage = Files.writeString(dir.resolve("g.json"), "{ this is not json");
    assertThatThrownBy(() -> reader.read(garbage))
        .isInstanceOf(EncounterContextException.class)
        .hasMessageContaining("not a FHIR R4 Bundle in JSON");
    Path patient =
        Files.writeString(
            dir.resolve("p.json"), FHIR.newJsonParser().encodeResourceToString(new Patient()));
    assertThatThrownBy(() -> reader.read(patient)).hasMessageContaining("not a FHIR R4 Bundle");
    assertThatThrownBy(() -> reader.read(dir.resolve("missing.json")))
        .hasMessageContaining("no such file");
  }
}
