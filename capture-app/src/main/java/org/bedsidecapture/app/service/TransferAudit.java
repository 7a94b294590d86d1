package org.bedsidecapture.app.service;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bedsidecapture.app.audit.AuditMessages;
import org.bedsidecapture.app.audit.AuditTrail;
import org.bedsidecapture.app.settings.Archive;
import org.bedsidecapture.dicom.iod.Dataset;
import org.bedsidecapture.dicom.iod.Tags;
import org.bedsidecapture.dicom.outbox.Outbox;
import org.bedsidecapture.dicom.outbox.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to objects in the outbox, for the site's audit repository: a study's objects
 * confirmed by an archive (DICOM Instances Transferred) and their local copies purged, an object an
 * archive refused for good, an object removed unsent. The outbox keeps no patient data in clear, so
 * the patient each message names is read from the object's own header, once per study and event,
 * while its encrypted copy is still there.
 */
public final class TransferAudit implements Outbox.Events {
  private static final Logger LOG = LoggerFactory.getLogger(TransferAudit.class);

  private final AuditTrail trail;
  private final Outbox outbox;
  private final Map<String, Archive> archives = new LinkedHashMap<>();

  private TransferAudit(AuditTrail trail, Outbox outbox, List<Archive> archives) {
    this.trail = trail;
    this.outbox = outbox;
    for (Archive a : archives) {
      this.archives.put(a.destination(), a);
    }
  }

  /**
   * Reports {@code outbox}'s objects to {@code trail} (nothing when the site has no repository).
   */
  public static void attach(AuditTrail trail, Outbox outbox, List<Archive> archives) {
    if (trail.sends()) {
      outbox.addEvents(new TransferAudit(trail, outbox, archives));
    }
  }

  @Override
  public void confirmed(List<OutboxEntry> objects) {
    Map<String, List<OutboxEntry>> byStudy = new LinkedHashMap<>();
    for (OutboxEntry e : objects) {
      byStudy.computeIfAbsent(e.studyInstanceUid(), s -> new ArrayList<>()).add(e);
    }
    for (List<OutboxEntry> group : byStudy.values()) {
      Header h = header(group.get(0));
      if (h == null) {
        continue;
      }
      AuditMessages.Study study = study(h, group);
      for (String destination : group.get(0).deliveries().keySet()) {
        Archive a = archives.get(destination);
        trail.delivered(
            destination,
            host(destination),
            h.patient(),
            study,
            a != null && a.commit()
                ? "stored; the archive's storage commitment confirmed it holds them"
                : "stored: the archive answered each C-STORE or STOW-RS with success");
      }
      trail.removed(h.patient(), study, "local copies purged: the archives confirmed them");
    }
  }

  @Override
  public void quarantined(OutboxEntry object, String destination, String reason) {
    Header h = header(object);
    if (h != null) {
      trail.quarantined(
          destination, host(destination), h.patient(), study(h, List.of(object)), reason);
    }
  }

  @Override
  public void removed(OutboxEntry object, String why) {
    Header h = header(object);
    if (h != null) {
      trail.removed(h.patient(), study(h, List.of(object)), why);
    }
  }

  /** Where the archive the outbox names {@code destination} is (null: not a site archive). */
  private String host(String destination) {
    Archive a = archives.get(destination);
    return a == null ? null : URI.create(a.url()).getHost();
  }

  /** Whom an object is about, as its header says. */
  private record Header(AuditMessages.Patient patient, String studyName) {}

  private Header header(OutboxEntry e) {
    try {
      Dataset d = Dataset.readHeader(() -> outbox.read(e.sopInstanceUid())).dataset();
      String issuer = d.get(Tags.IssuerOfPatientID);
      String id = d.get(Tags.PatientID) + (issuer == null ? "" : "^^^" + issuer);
      String name = d.get(Tags.PatientName);
      return new Header(
          new AuditMessages.Patient(id, name == null ? "" : name),
          AuditTrail.studyName(d.get(Tags.AdmissionID)));
    } catch (IOException | RuntimeException x) {
      LOG.warn(
          "the audit repository is not told about {}: its copy cannot be read ({})",
          e.sopInstanceUid(),
          x.getMessage());
      return null;
    }
  }

  private static AuditMessages.Study study(Header h, List<OutboxEntry> objects) {
    return new AuditMessages.Study(
        objects.get(0).studyInstanceUid(),
        h.studyName(),
        objects.stream()
            .map(o -> new AuditMessages.Instance(o.sopClassUid(), o.sopInstanceUid()))
            .toList());
  }
}
