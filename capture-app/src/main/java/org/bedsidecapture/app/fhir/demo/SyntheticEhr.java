package org.bedsidecapture.app.fhir.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bedsidecapture.app.demo.WristbandSheet;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * The demo EHR's content: the synthetic {@link SyntheticEncounters#CASES} (the first with an order
 * and its accession number), and the records that make capture at a bedside hard — a patient with
 * two current encounters, a record merged into another, a patient whose only encounter is finished,
 * and an MRN that two records share. All names start with "Zz" and all identifiers live under the
 * test OID {@link SyntheticEncounters#TEST_ROOT}.
 */
public final class SyntheticEhr {
  public static final String ACCESSION_SYSTEM = "urn:oid:" + SyntheticEncounters.TEST_ROOT + ".3";

  /** Two current encounters (emergency, then intensive care). */
  public static final String TWO_ENCOUNTERS_MRN = "DEMO-000004";

  /** Merged: inactive, replaced by {@link #SURVIVOR_MRN}. */
  public static final String MERGED_MRN = "DEMO-000005";

  public static final String SURVIVOR_MRN = "DEMO-000006";

  /** Only a finished encounter. */
  public static final String DISCHARGED_MRN = "DEMO-000007";

  /** Carried by two different records. */
  public static final String SHARED_MRN = "DEMO-000008";

  public static final String ACCESSION = "DEMOACC0001";

  /** The visit number of the finished encounter. */
  public static final String FINISHED_VISIT = "DEMO-V0007";

  private SyntheticEhr() {}

  /**
   * The first case's Bundle as the demo EHR knows it: with its order (accession {@link
   * #ACCESSION}), as the demo's captures are made for it.
   */
  public static Bundle firstCaseWithItsOrder() {
    Bundle bundle = SyntheticEncounters.bundle(SyntheticEncounters.CASES.get(0));
    ServiceRequest order = firstOrder();
    bundle.addEntry().setFullUrl("ServiceRequest/" + order.getIdPart()).setResource(order);
    return bundle;
  }

  /** The order for wound photography in the first case's encounter. */
  private static ServiceRequest firstOrder() {
    ServiceRequest order = new ServiceRequest();
    order.setId("demo-order-1");
    order.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
    order.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    order
        .addIdentifier()
        .setSystem(ACCESSION_SYSTEM)
        .setValue(ACCESSION)
        .setType(new CodeableConcept(new Coding(V2_0203, "ACSN", null)));
    order.setSubject(new Reference("Patient/demo-000001"));
    order.setEncounter(new Reference("Encounter/demo-v0001"));
    order.setRequester(new Reference("Practitioner/demo-referrer"));
    order.setCode(new CodeableConcept().setText("Wound photography"));
    return order;
  }

  /** The wristbands of the demo EHR's active patients with a current encounter. */
  public static List<WristbandSheet.Label> wristbands() {
    List<Resource> ehr = resources();
    List<WristbandSheet.Label> labels = new ArrayList<>();
    for (Resource r : ehr) {
      if (r instanceof Patient p && (!p.hasActive() || p.getActive())) {
        String ref = "Patient/" + p.getIdPart();
        String visit =
            ehr.stream()
                .filter(e -> e instanceof Encounter)
                .map(e -> (Encounter) e)
                .filter(e -> ref.equals(e.getSubject().getReference()))
                .filter(e -> e.getStatus() == Encounter.EncounterStatus.INPROGRESS)
                .map(e -> e.getIdentifierFirstRep().getValue())
                .findFirst()
                .orElse(null);
        labels.add(
            new WristbandSheet.Label(
                p.getNameFirstRep().getNameAsSingleString(),
                p.getBirthDateElement().getValueAsString(),
                p.getIdentifierFirstRep().getValue(),
                visit));
      }
    }
    return labels;
  }

  public static List<Resource> resources() {
    Map<String, Resource> all = new LinkedHashMap<>();
    for (SyntheticEncounters.Case c : SyntheticEncounters.CASES) {
      for (Bundle.BundleEntryComponent e : SyntheticEncounters.bundle(c).getEntry()) {
        all.put(e.getFullUrl(), e.getResource());
      }
    }
    all.put("ServiceRequest/demo-order-1", firstOrder());

    List<Resource> extra = new ArrayList<>();
    Patient twice = patient("DEMO-000004", "Zztwice", "Carla", "1950-02-17");
    extra.add(twice);
    extra.add(
        encounter("DEMO-V0004A", twice, "EMER", "Emergency Department", "2026-11-22T08:00:00Z"));
    extra.add(
        encounter("DEMO-V0004B", twice, "ACUTE", "Intensive Care Unit", "2026-11-23T06:30:00Z"));

    Patient survivor = patient(SURVIVOR_MRN, "Zzmerged", "Dora", "1942-07-01");
    Patient merged = patient(MERGED_MRN, "Zzmerged", "Dora", "1942-07-01");
    merged.setActive(false);
    merged
        .addLink()
        .setType(Patient.LinkType.REPLACEDBY)
        .setOther(new Reference("Patient/" + survivor.getIdPart()));
    extra.add(survivor);
    extra.add(merged);
    extra.add(
        encounter("DEMO-V0006", survivor, "EMER", "Emergency Department", "2026-11-23T07:10:00Z"));

    Patient discharged = patient(DISCHARGED_MRN, "Zzhome", "Emil", "1990-12-24");
    Encounter finished =
        encounter(
            FINISHED_VISIT, discharged, "EMER", "Emergency Department", "2026-11-20T10:00:00Z");
    finished.setStatus(Encounter.EncounterStatus.FINISHED);
    extra.add(discharged);
    extra.add(finished);

    Patient one = patient(SHARED_MRN, "Zzsame", "Finn", "1970-03-03");
    Patient other = patient(SHARED_MRN, "Zzother", "Greta", "1988-08-08");
    other.setId("demo-000008-b");
    extra.add(one);
    extra.add(other);

    for (Resource r : extra) {
      all.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
    }
    return List.copyOf(all.values());
  }

  private static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";

  private static Patient patient(String mrn, String family, String given, String birthDate) {
    Patient p = new Patient();
    p.setId(mrn.toLowerCase(java.util.Locale.ROOT));
    p.setActive(true);
    p.addIdentifier()
        .setSystem(SyntheticEncounters.MRN_SYSTEM)
        .setValue(mrn)
        .setType(new CodeableConcept(new Coding(V2_0203, "MR", null)))
        .setAssigner(new Reference().setDisplay("DEMO-HOSPITAL"));
    p.addName().setFamily(family).addGiven(given);
    p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(birthDate));
    p.setGender(Enumerations.AdministrativeGender.UNKNOWN);
    return p;
  }

  private static Encounter encounter(
      String visit, Patient patient, String classCode, String location, String start) {
    Encounter e = new Encounter();
    e.setId(visit.toLowerCase(java.util.Locale.ROOT));
    e.setStatus(Encounter.EncounterStatus.INPROGRESS);
    e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", classCode, null));
    e.addIdentifier()
        .setSystem(SyntheticEncounters.VISIT_SYSTEM)
        .setValue(visit)
        .setType(new CodeableConcept(new Coding(V2_0203, "VN", null)))
        .setAssigner(new Reference().setDisplay("DEMO-HOSPITAL-VISIT"));
    e.setSubject(new Reference("Patient/" + patient.getIdPart()));
    e.setServiceProvider(new Reference("Organization/demo-org"));
    e.addLocation().setLocation(new Reference().setDisplay(location));
    e.getPeriod().setStartElement(new DateTimeType(start));
    return e;
  }
}
