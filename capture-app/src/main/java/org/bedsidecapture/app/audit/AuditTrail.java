package org.bedsidecapture.app.audit;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.bedsidecapture.app.audit.AuditMessages.Study;
import org.bedsidecapture.dicom.EncounterContext;
import org.bedsidecapture.dicom.Identifier;
import org.bedsidecapture.dicom.Issuer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's events for the site's audit repository: each made into its DICOM audit message and
 * queued for delivery. A site without a repository has {@link #none()}, which sends nothing.
 */
public final class AuditTrail implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

  /** How long closing waits for the queue to be sent. */
  static final java.time.Duration LAST_SENDING = java.time.Duration.ofSeconds(3);

  private final AuditMessages messages;
  private final AuditDelivery delivery;
  private final Clock clock;
  private String operator;

  public AuditTrail(AuditMessages messages, AuditDelivery delivery, Clock clock) {
    this.messages = messages;
    this.delivery = delivery;
    this.clock = clock;
  }

  /** The trail of a site without an audit repository. */
  public static AuditTrail none() {
    return new AuditTrail(null, null, Clock.systemUTC());
  }

  /** Whether messages go anywhere: callers skip work done only for them when not. */
  public boolean sends() {
    return delivery != null;
  }

  public void applicationStarted(String user) {
    send(() -> messages.applicationActivity(true, user, clock.instant()));
  }

  public void applicationStopped(String user) {
    send(() -> messages.applicationActivity(false, user, clock.instant()));
  }

  public void signedIn(String operator) {
    send(() -> messages.userAuthentication(true, operator, null, clock.instant()));
  }

  public void signedOut(String operator) {
    send(() -> messages.userAuthentication(false, operator, null, clock.instant()));
  }

  /** A refused sign-in: who is not known (what was typed is never sent), only why. */
  public void signInRefused(String why) {
    send(() -> messages.userAuthentication(true, "unknown", why, clock.instant()));
  }

  /**
   * Who is signed in at the station now (null: nobody, or the command line's account), named in the
   * messages of what they asked for that the events themselves do not name.
   */
  public synchronized void operator(String operator) {
    this.operator = operator;
  }

  private synchronized String operatorNow() {
    return operator;
  }

  /** Who asked for what happens now: the operator signed in, else the station itself. */
  private String requestor() {
    String by = operatorNow();
    return by != null || messages == null ? by : messages.station();
  }

  /**
   * A lookup in the EHR at {@code ehr} with {@code query} (as FHIR searches it), by whoever is
   * signed in; {@code found} the patient it led to, or null; {@code failed} why it could not be
   * answered, or null.
   */
  public void lookedUp(String ehr, String query, EncounterContext found, String failed) {
    String by = operatorNow();
    send(
        () ->
            messages.query(
                by, ehr, query, found == null ? null : patient(found), failed, clock.instant()));
  }

  /** Whoever is signed in confirmed the patient by two identifiers. */
  public void patientConfirmed(EncounterContext patient) {
    String by = requestor();
    send(() -> messages.patientRecordRead(by, patient(patient), clock.instant()));
  }

  /** Whoever is signed in captured or imported {@code study}'s object(s) of {@code patient}. */
  public void captured(EncounterContext patient, Study study) {
    String by = requestor();
    send(
        () -> messages.instancesAccessed(true, by, patient(patient), study, null, clock.instant()));
  }

  /** Whoever is signed in re-tagged a capture of {@code study}: {@code what} it is now. */
  public void retagged(EncounterContext patient, Study study, String what) {
    String by = requestor();
    send(() -> messages.instancesUpdated(by, patient(patient), study, what, clock.instant()));
  }

  /** {@code operator} locked the station (or it locked itself on idle). */
  public void locked(String operator) {
    send(() -> messages.stationLocked(true, operator, clock.instant()));
  }

  /** {@code operator} unlocked the station they had locked. */
  public void unlocked(String operator) {
    send(() -> messages.stationLocked(false, operator, clock.instant()));
  }

  /** Whoever is signed in sent a session's captures on their way to {@code destinations}. */
  public void sent(EncounterContext patient, Study study, List<String> destinations) {
    String by = requestor();
    send(() -> messages.transferBegun(by, patient(patient), study, destinations, clock.instant()));
  }

  /**
   * The archive {@code destination} (at {@code host}) confirmed {@code study}'s objects: {@code
   * how} it did (stored, committed).
   */
  public void delivered(
      String destination, String host, AuditMessages.Patient patient, Study study, String how) {
    send(
        () ->
            messages.instancesTransferred(
                destination, host, patient, study, how, null, clock.instant()));
  }

  /** The archive {@code destination} refused {@code study}'s objects for good: {@code why}. */
  public void quarantined(
      String destination, String host, AuditMessages.Patient patient, Study study, String why) {
    send(
        () ->
            messages.instancesTransferred(
                destination, host, patient, study, null, why, clock.instant()));
  }

  /**
   * Copies of {@code study}'s objects were removed from the station, by whoever is signed in (a
   * capture deleted in review, an object given up) or by the station itself (purged once
   * confirmed): {@code why}.
   */
  public void removed(AuditMessages.Patient patient, Study study, String why) {
    String by = requestor();
    send(() -> messages.instancesAccessed(false, by, patient, study, why, clock.instant()));
  }

  /** How the messages name a study: by the encounter (visit) it belongs to. */
  public static String studyName(String visit) {
    return visit == null ? "bedside captures" : "bedside captures of visit " + visit;
  }

  /** A study of {@code patient}'s encounter and the objects an event touched. */
  public static Study study(
      String studyUid, EncounterContext patient, List<AuditMessages.Instance> objects) {
    return new Study(studyUid, studyName(patient.admissionId().value()), objects);
  }

  /** {@code who} changed the site settings: {@code what} (keys, never values of secrets). */
  public void settingsChanged(String who, String what) {
    send(
        () ->
            messages.securityAlert(
                AuditMessages.Alert.SOFTWARE_CONFIGURATION, who, what, false, clock.instant()));
  }

  /**
   * {@code who} changed the operators: {@code roles} an operator added or removed, else a PIN or
   * badge set; {@code what} says which.
   */
  public void operatorsChanged(String who, boolean roles, String what) {
    send(
        () ->
            messages.securityAlert(
                roles
                    ? AuditMessages.Alert.SECURITY_ROLES_CHANGED
                    : AuditMessages.Alert.USER_SECURITY_ATTRIBUTES_CHANGED,
                who,
                what,
                false,
                clock.instant()));
  }

  /** A peer ({@code peer}: its AE title and address) was refused: {@code why}. */
  public void peerRefused(String peer, String why) {
    send(
        () ->
            messages.securityAlert(
                AuditMessages.Alert.NODE_AUTHENTICATION, peer, why, true, clock.instant()));
  }

  /** The patient as the audit messages name it, from the context the objects carry. */
  public static AuditMessages.Patient patient(EncounterContext c) {
    return new AuditMessages.Patient(cx(c.patientId()), c.patientName().toDicom());
  }

  /** An identifier in HL7 v2's CX form, as IHE's audit messages carry patients' identifiers. */
  public static String cx(Identifier id) {
    Issuer i = id.issuer();
    StringBuilder s = new StringBuilder(id.value());
    if (!i.isEmpty()) {
      s.append("^^^").append(i.localNamespace() == null ? "" : i.localNamespace());
      if (i.universalEntityId() != null) {
        s.append('&').append(i.universalEntityId()).append('&').append(i.type().name());
      }
    }
    return s.toString();
  }

  /** {@code operator} overrode a warning ({@code what}), e.g. a finished encounter. */
  public void overridden(String operator, String what) {
    send(
        () ->
            messages.securityAlert(
                AuditMessages.Alert.EMERGENCY_OVERRIDE, operator, what, false, clock.instant()));
  }

  private interface Message {
    String make();
  }

  private void send(Message message) {
    if (delivery == null) {
      return;
    }
    try {
      delivery.audit(message.make());
    } catch (IOException e) {
      LOG.warn("an audit message cannot be queued: {}", e.getMessage());
    }
  }

  /**
   * Sends what is queued while the repository takes it, for at most {@link #LAST_SENDING}, then
   * stops; what is left is sent at the next start.
   */
  @Override
  public void close() throws InterruptedException {
    if (delivery != null) {
      delivery.drain(LAST_SENDING);
      delivery.close();
    }
  }
}
