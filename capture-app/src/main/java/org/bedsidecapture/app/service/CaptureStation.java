package org.bedsidecapture.app.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.bedsidecapture.app.audit.AuditTrail;
import org.bedsidecapture.app.settings.Archive;
import org.bedsidecapture.dicom.DicomFactory;
import org.bedsidecapture.dicom.EncounterContext;
import org.bedsidecapture.dicom.OwnerOnly;
import org.bedsidecapture.dicom.PersonName;
import org.bedsidecapture.dicom.StudySession;
import org.bedsidecapture.dicom.UidGenerator;
import org.bedsidecapture.dicom.outbox.AuditLog;
import org.bedsidecapture.dicom.outbox.Outbox;

/**
 * What every capture session of this station shares: how objects are made, the outbox they go into,
 * the archives they go to, a private folder for media on their way into the outbox, the station's
 * audit log and the site's audit trail, and the clock.
 */
public record CaptureStation(
    DicomFactory factory,
    UidGenerator uids,
    Outbox outbox,
    List<Archive> archives,
    Path workDir,
    AuditLog audit,
    AuditTrail trail,
    Clock clock) {

  public CaptureStation {
    archives = List.copyOf(archives);
    if (archives.isEmpty()) {
      throw new IllegalArgumentException(
          "no archive is set up: set archive.1 in the site settings");
    }
  }

  /**
   * Makes the private work folder and removes what a crash left in it: media whose capture never
   * made it into the outbox was never shown to anyone as taken.
   */
  public static Path workFolder(Path home) throws IOException {
    Path work = OwnerOnly.folder(home.resolve("work"));
    try (Stream<Path> left = Files.list(work)) {
      for (Path f : left.toList()) {
        Files.deleteIfExists(f);
      }
    }
    return work;
  }

  /**
   * Starts a capture session for a confirmed encounter, recorded in the audit log by its study UID
   * with how the patient was found (no patient data).
   *
   * @param operator who captures; may be null
   */
  public CaptureSession startSession(
      EncounterContext encounter, PersonName operator, EncounterFinder.FoundBy foundBy)
      throws IOException {
    StudySession study =
        new StudySession(uids, encounter.studyInstanceUid(), OffsetDateTime.now(clock));
    audit.record(
        "SESSION_STARTED",
        study.studyInstanceUid(),
        "found-by="
            + foundBy.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
            + (operator == null ? "" : " by " + operator.toDicom()));
    trail.patientConfirmed(encounter);
    return new CaptureSession(this, encounter, study, operator);
  }

  List<String> destinations() {
    return archives.stream().map(Archive::destination).toList();
  }
}
