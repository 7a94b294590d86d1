package org.bedsidecapture.dicom.testing;

import java.time.LocalDate;
import java.util.List;
import org.bedsidecapture.dicom.EncounterContext;
import org.bedsidecapture.dicom.Identifier;
import org.bedsidecapture.dicom.Institution;
import org.bedsidecapture.dicom.Issuer;
import org.bedsidecapture.dicom.PersonName;
import org.bedsidecapture.dicom.Sex;
import org.bedsidecapture.dicom.Station;

/** Synthetic encounter contexts (clearly fake people, test namespaces). */
public final class Contexts {
  private Contexts() {}

  public static final Issuer MRN_ISSUER =
      new Issuer("TESTHOSP", "2.16.840.1.113883.3.9999.1", Issuer.UniversalIdType.ISO);
  public static final Issuer VISIT_ISSUER =
      new Issuer("TESTHOSP-VISIT", "2.16.840.1.113883.3.9999.2", Issuer.UniversalIdType.ISO);
  public static final Issuer ACCESSION_ISSUER =
      new Issuer("TESTHOSP-RIS", "2.16.840.1.113883.3.9999.3", Issuer.UniversalIdType.ISO);

  public static EncounterContext withName(PersonName name) {
    return new EncounterContext(
        new Identifier("MRN0042", MRN_ISSUER, "MR"),
        List.of(new Identifier("NHS9990001", Issuer.named("TESTNATIONAL"), "NI")),
        name,
        LocalDate.of(1961, 4, 12),
        Sex.FEMALE,
        new Identifier("V20260001", VISIT_ISSUER, "VN"),
        new Identifier("ACC7700001", ACCESSION_ISSUER, "ACSN"),
        PersonName.of("Referrer", "Testa"),
        null,
        null,
        "Pressure ulcer review");
  }

  public static EncounterContext typical() {
    return withName(new PersonName("Testpatient", "Alice", "Q", null, null));
  }

  /** A factory as a station configured by {@link #station()} has it, at a fixed clock. */
  public static org.bedsidecapture.dicom.DicomFactory factory(java.time.Clock clock) {
    return factory(station(), clock);
  }

  public static org.bedsidecapture.dicom.DicomFactory factory(
      Station station, java.time.Clock clock) {
    return new org.bedsidecapture.dicom.DicomFactory(
        station,
        org.bedsidecapture.dicom.UidGenerator.uuidDerived(),
        new org.bedsidecapture.dicom.iod.Part10Writer("BEDSIDE_0_1", "BEDSIDE"),
        clock);
  }

  /**
   * An outbox in {@code dir/outbox}, its key in {@code dir/keys}, its audit log {@code
   * dir/audit.log}, with the standard retry policy.
   */
  public static org.bedsidecapture.dicom.outbox.Outbox outbox(
      java.nio.file.Path dir, java.time.Clock clock) throws java.io.IOException {
    return org.bedsidecapture.dicom.outbox.Outbox.open(
        dir.resolve("outbox"),
        org.bedsidecapture.dicom.outbox.OutboxKey.openOrCreate(dir.resolve("keys/outbox.key")),
        clock,
        org.bedsidecapture.dicom.outbox.RetryPolicy.standard(),
        new org.bedsidecapture.dicom.outbox.AuditLog(dir.resolve("audit.log"), clock));
  }

  /** Flips one byte in the middle of an object's encrypted copy, as a failing disk might. */
  public static void damageOutboxCopy(java.nio.file.Path outboxDir, String sopInstanceUid)
      throws java.io.IOException {
    java.nio.file.Path blob = outboxDir.resolve(sopInstanceUid + ".dcm.enc");
    byte[] b = java.nio.file.Files.readAllBytes(blob);
    b[b.length / 2] ^= 1;
    java.nio.file.Files.write(blob, b);
  }

  /** Wraps {@code count} small synthetic photos of one site for one context, in one session. */
  public static java.util.List<org.bedsidecapture.dicom.WrappedObject> wrappedPhotos(
      java.nio.file.Path dir,
      EncounterContext context,
      String snomedSite,
      org.bedsidecapture.dicom.Laterality side,
      int count)
      throws Exception {
    java.time.Clock clock = java.time.Clock.systemUTC();
    org.bedsidecapture.dicom.DicomFactory factory = factory(clock);
    org.bedsidecapture.dicom.StudySession session = session(clock);
    java.nio.file.Path wrapped = java.nio.file.Files.createDirectories(dir.resolve("wrapped"));
    org.bedsidecapture.dicom.BodySite site =
        org.bedsidecapture.dicom.BodySiteCatalogue.standard().bySnomedId(snomedSite).orElseThrow();
    java.util.List<org.bedsidecapture.dicom.WrappedObject> objects = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      java.nio.file.Path media = TestMedia.write(dir, "p" + i + ".jpg", TestMedia.jpeg(160, 120));
      objects.add(
          factory.wrap(
              context,
              session,
              new org.bedsidecapture.dicom.Capture(
                  media, null, site, side, PersonName.of("Nurse", "Nora"), null),
              wrapped));
    }
    return objects;
  }

  /** A capture session that started at the clock's now. */
  public static org.bedsidecapture.dicom.StudySession session(java.time.Clock clock) {
    return new org.bedsidecapture.dicom.StudySession(
        org.bedsidecapture.dicom.UidGenerator.uuidDerived(),
        null,
        java.time.OffsetDateTime.now(clock));
  }

  public static Station station() {
    return new Station(
        "CART-ED-07",
        "SN-CART-0007",
        "Bedside Capture 0.1.0",
        new Institution("Test General Hospital", "1 Test Street, Testville", "Emergency"));
  }
}
