package org.bedsidecapture.app.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bedsidecapture.dicom.EncounterContext;
import org.bedsidecapture.dicom.Identifier;
import org.bedsidecapture.dicom.Institution;
import org.bedsidecapture.dicom.Issuer;
import org.bedsidecapture.dicom.PersonName;
import org.bedsidecapture.dicom.Sex;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;

/**
 * Maps FHIR R4 resources (Patient, Encounter, and optionally ServiceRequest, Organization,
 * Practitioner) to the neutral {@link EncounterContext}, following the checklist's FHIR-to-DICOM
 * table. It refuses rather than guesses: no patient identifier, no encounter identifier, several
 * candidates, or an encounter of another patient are errors.
 */
public final class FhirEncounterMapper {
  static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
  private static final String DICOM_UID_SYSTEM = "urn:dicom:uid";
  static final String PARTICIPATION_TYPE =
      "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
  private static final int LO_MAX = 64;

  /** Maps a Bundle that holds one Patient and one Encounter (and optionally the others). */
  public EncounterContext fromBundle(Bundle bundle) throws EncounterContextException {
    List<Resource> resources =
        bundle.getEntry().stream()
            .map(Bundle.BundleEntryComponent::getResource)
            .filter(r -> r != null)
            .toList();
    Patient patient = single(resources, Patient.class, "Patient", true);
    Encounter encounter = single(resources, Encounter.class, "Encounter", true);
    ServiceRequest order = single(resources, ServiceRequest.class, "ServiceRequest", false);
    BundleReferences references = new BundleReferences(bundle);
    requireSamePatient(references, patient, encounter.getSubject(), "Encounter");
    if (order != null) {
      requireSamePatient(references, patient, order.getSubject(), "ServiceRequest");
    }
    Organization organization =
        resolve(references, encounter.getServiceProvider(), Organization.class);
    Practitioner referrer =
        order == null ? null : resolve(references, order.getRequester(), Practitioner.class);
    if (referrer == null) {
      referrer = resolve(references, referrerOf(encounter), Practitioner.class);
    }
    return map(patient, encounter, order, organization, referrer);
  }

  /** Maps resources fetched one by one (the EHR lookup path). */
  public EncounterContext map(
      Patient patient,
      Encounter encounter,
      ServiceRequest order,
      Organization organization,
      Practitioner referrer)
      throws EncounterContextException {
    List<org.hl7.fhir.r4.model.Identifier> ids =
        patient.getIdentifier().stream().filter(i -> i.hasValue()).toList();
    if (ids.isEmpty()) {
      throw new EncounterContextException(
          "the Patient has no identifier: an image cannot be filed without the patient's MRN");
    }
    org.hl7.fhir.r4.model.Identifier primary = primaryPatientId(ids);
    List<Identifier> others = new ArrayList<>();
    for (org.hl7.fhir.r4.model.Identifier i : ids) {
      if (i != primary) {
        others.add(identifier(i));
      }
    }
    org.hl7.fhir.r4.model.Identifier visit =
        encounter.getIdentifier().stream()
            .filter(i -> i.hasValue() && "VN".equals(typeCode(i)))
            .findFirst()
            .or(() -> encounter.getIdentifier().stream().filter(i -> i.hasValue()).findFirst())
            .orElseThrow(
                () ->
                    new EncounterContextException(
                        "the Encounter has no identifier: its visit number is what files the"
                            + " images under this encounter"));
    Identifier accession = null;
    String studyUid = null;
    if (order != null) {
      accession =
          order.getIdentifier().stream()
              .filter(i -> i.hasValue() && "ACSN".equals(typeCode(i)))
              .findFirst()
              .map(FhirEncounterMapper::identifier)
              .orElse(null);
      studyUid =
          order.getIdentifier().stream()
              .filter(i -> DICOM_UID_SYSTEM.equals(i.getSystem()) && i.hasValue())
              .map(i -> i.getValue().replaceFirst("^urn:oid:", ""))
              .findFirst()
              .orElse(null);
    }
    return new EncounterContext(
        identifier(primary),
        others,
        name(officialName(patient.getName())),
        birthDate(patient),
        sex(patient),
        identifier(visit),
        accession,
        referrer == null ? null : name(officialName(referrer.getName())),
        institution(organization, encounter),
        studyUid,
        reason(encounter));
  }

  /** The birth date when known to the day; a year or month alone cannot fill a DICOM DA. */
  private static LocalDate birthDate(Patient patient) {
    DateType d = patient.getBirthDateElement();
    if (d == null || !d.hasValue() || d.getPrecision() != TemporalPrecisionEnum.DAY) {
      return null;
    }
    return LocalDate.of(d.getYear(), d.getMonth() + 1, d.getDay());
  }

  private static org.hl7.fhir.r4.model.Identifier primaryPatientId(
      List<org.hl7.fhir.r4.model.Identifier> ids) {
    return ids.stream()
        .filter(i -> "MR".equals(typeCode(i)))
        .findFirst()
        .or(
            () ->
                ids.stream()
                    .filter(
                        i ->
                            i.getUse() == org.hl7.fhir.r4.model.Identifier.IdentifierUse.USUAL
                                || i.getUse()
                                    == org.hl7.fhir.r4.model.Identifier.IdentifierUse.OFFICIAL)
                    .findFirst())
        .orElse(ids.get(0));
  }

  /**
   * A FHIR identifier as value + issuer: the assigner is the local name, the system the universal
   * id.
   */
  static Identifier identifier(org.hl7.fhir.r4.model.Identifier i) {
    String system = i.getSystem();
    String universal = null;
    Issuer.UniversalIdType type = null;
    if (system != null && system.startsWith("urn:oid:")) {
      universal = system.substring("urn:oid:".length());
      type = Issuer.UniversalIdType.ISO;
    } else if (system != null && system.startsWith("urn:uuid:")) {
      universal = system.substring("urn:uuid:".length());
      type = Issuer.UniversalIdType.UUID;
    } else if (system != null && !system.isBlank()) {
      universal = system;
      type = Issuer.UniversalIdType.URI;
    }
    String local = i.getAssigner().getDisplay();
    if ((local == null || local.isBlank()) && system != null && system.length() <= LO_MAX) {
      local = system;
    }
    return new Identifier(i.getValue(), new Issuer(local, universal, type), typeCode(i));
  }

  static String typeCode(org.hl7.fhir.r4.model.Identifier i) {
    return i.getType().getCoding().stream()
        .filter(c -> V2_0203.equals(c.getSystem()) && c.hasCode())
        .map(Coding::getCode)
        .findFirst()
        .orElse(null);
  }

  private static HumanName officialName(List<HumanName> names) {
    return names.stream()
        .filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL)
        .findFirst()
        .or(() -> names.stream().filter(n -> n.getUse() != HumanName.NameUse.OLD).findFirst())
        .orElse(null);
  }

  private static PersonName name(HumanName n) {
    if (n == null) {
      return null;
    }
    List<StringType> given = n.getGiven();
    String first = given.isEmpty() ? null : given.get(0).getValue();
    String middle =
        given.size() < 2
            ? null
            : given.subList(1, given.size()).stream()
                .map(StringType::getValue)
                .collect(Collectors.joining(" "));
    String family = n.getFamily();
    if (family == null && first == null && n.hasText()) {
      return PersonName.unstructured(n.getText());
    }
    return new PersonName(
        family,
        first,
        middle,
        n.getPrefix().isEmpty() ? null : n.getPrefixAsSingleString(),
        n.getSuffix().isEmpty() ? null : n.getSuffixAsSingleString());
  }

  private static Sex sex(Patient p) {
    if (!p.hasGender()) {
      return Sex.UNKNOWN;
    }
    return switch (p.getGender()) {
      case MALE -> Sex.MALE;
      case FEMALE -> Sex.FEMALE;
      case OTHER -> Sex.OTHER;
      default -> Sex.UNKNOWN;
    };
  }

  private static Institution institution(Organization org, Encounter encounter) {
    String department =
        encounter.getLocation().stream()
            .map(l -> l.getLocation().getDisplay())
            .filter(d -> d != null && !d.isBlank())
            .findFirst()
            .orElse(null);
    if (org == null) {
      String name = encounter.getServiceProvider().getDisplay();
      return name == null && department == null ? null : new Institution(name, null, department);
    }
    String address = org.getAddress().isEmpty() ? null : addressLine(org.getAddressFirstRep());
    return new Institution(org.getName(), address, department);
  }

  private static String addressLine(Address a) {
    if (a.hasText()) {
      return a.getText();
    }
    List<String> parts = new ArrayList<>();
    a.getLine().forEach(l -> parts.add(l.getValue()));
    Optional.ofNullable(a.getPostalCode()).ifPresent(parts::add);
    Optional.ofNullable(a.getCity()).ifPresent(parts::add);
    Optional.ofNullable(a.getCountry()).ifPresent(parts::add);
    return String.join(", ", parts);
  }

  private static String reason(Encounter e) {
    for (CodeableConcept c : e.getReasonCode()) {
      if (c.hasText()) {
        return c.getText();
      }
      for (Coding coding : c.getCoding()) {
        if (coding.hasDisplay()) {
          return coding.getDisplay();
        }
      }
    }
    return null;
  }

  /** The encounter's referring participant (v3 ParticipationType REF), when it names one. */
  static Reference referrerOf(Encounter encounter) {
    return encounter.getParticipant().stream()
        .filter(
            p ->
                p.getType().stream()
                    .flatMap(t -> t.getCoding().stream())
                    .anyMatch(
                        c -> PARTICIPATION_TYPE.equals(c.getSystem()) && "REF".equals(c.getCode())))
        .map(Encounter.EncounterParticipantComponent::getIndividual)
        .findFirst()
        .orElse(null);
  }

  /**
   * The encounter (or order) must be the Bundle's patient's: its subject has to resolve to that
   * very Patient entry. A subject that names another entry, or none in the Bundle, is a stop.
   */
  private static void requireSamePatient(
      BundleReferences references, Patient patient, Reference subject, String what)
      throws EncounterContextException {
    if (subject == null || !subject.hasReference()) {
      return;
    }
    if (references.resolve(subject).orElse(null) != patient) {
      throw new EncounterContextException(
          "the "
              + what
              + " belongs to another patient than the Patient in the Bundle: stop and"
              + " check the wristband");
    }
  }

  private static <T extends Resource> T single(
      List<Resource> resources, Class<T> type, String name, boolean required)
      throws EncounterContextException {
    List<T> found = resources.stream().filter(type::isInstance).map(type::cast).toList();
    if (found.size() > 1) {
      throw new EncounterContextException(
          "the Bundle holds "
              + found.size()
              + " "
              + name
              + " resources; exactly one is needed"
              + " so that the right one is never guessed");
    }
    if (found.isEmpty() && required) {
      throw new EncounterContextException("the Bundle holds no " + name);
    }
    return found.isEmpty() ? null : found.get(0);
  }

  private static <T extends Resource> T resolve(
      BundleReferences references, Reference reference, Class<T> type) {
    return references.resolve(reference).filter(type::isInstance).map(type::cast).orElse(null);
  }
}
