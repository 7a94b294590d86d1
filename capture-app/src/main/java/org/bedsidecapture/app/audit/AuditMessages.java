package org.bedsidecapture.app.audit;

import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The station's events as DICOM audit messages (PS3.15 A.5: the XML an IHE ATNA audit repository
 * takes): the app started and stopped, an operator signed in or out or was refused, objects sent to
 * an archive, copies purged, a security alert (a peer refused, a warning overridden, the settings
 * or the operators changed). Each message names this station as its audit source and the people and
 * systems taking part; those about a patient's objects name the patient, as the profile asks —
 * these messages go to the site's audit repository, never to a log.
 */
public final class AuditMessages {
  /** A coded value: the code, its system, and its meaning as the standard words it. */
  public record Code(String code, String system, String meaning) {
    static Code dcm(String code, String meaning) {
      return new Code(code, "DCM", meaning);
    }
  }

  /**
   * The patient a message is about: the identifier in HL7 v2's CX form ({@code
   * value^^^namespace&universal-id&type}, as IHE asks) and the name in DICOM's form.
   */
  public record Patient(String id, String name) {}

  /** One object of a study: its SOP Class UID and SOP Instance UID. */
  public record Instance(String sopClassUid, String sopInstanceUid) {}

  /**
   * The study a message is about: its UID, the words that name it for a reader (the encounter it
   * belongs to), and the objects of it the event touched.
   */
  public record Study(String uid, String name, List<Instance> instances) {
    public Study {
      instances = List.copyOf(instances);
    }
  }

  /**
   * The kinds of security alert the station reports (PS3.16 CID 403 Security Alert Type): a warning
   * overridden at the bedside, a peer that failed to authenticate, the site settings changed, an
   * operator's PIN or badge changed, operators added or removed.
   */
  public enum Alert {
    EMERGENCY_OVERRIDE(Code.dcm("110127", "Emergency Override Started")),
    NODE_AUTHENTICATION(Code.dcm("110126", "Node Authentication")),
    SOFTWARE_CONFIGURATION(Code.dcm("110131", "Software Configuration")),
    USER_SECURITY_ATTRIBUTES_CHANGED(Code.dcm("110137", "User security Attributes Changed")),
    SECURITY_ROLES_CHANGED(Code.dcm("110136", "Security Roles Changed"));

    final Code code;

    Alert(Code code) {
      this.code = code;
    }
  }

  private static final Code APPLICATION_ACTIVITY = Code.dcm("110100", "Application Activity");
  private static final Code SECURITY_ALERT = Code.dcm("110113", "Security Alert");
  private static final Code USER_AUTHENTICATION = Code.dcm("110114", "User Authentication");
  private static final Code QUERY = Code.dcm("110112", "Query");
  private static final Code PATIENT_RECORD = Code.dcm("110110", "Patient Record");
  private static final Code INSTANCES_ACCESSED = Code.dcm("110103", "DICOM Instances Accessed");
  private static final Code BEGIN_TRANSFERRING =
      Code.dcm("110102", "Begin Transferring DICOM Instances");
  private static final Code INSTANCES_TRANSFERRED =
      Code.dcm("110104", "DICOM Instances Transferred");
  private static final Code APPLICATION = Code.dcm("110150", "Application");
  private static final Code LAUNCHER = Code.dcm("110151", "Application Launcher");
  private static final Code DESTINATION = Code.dcm("110152", "Destination Role ID");
  private static final Code SOURCE = Code.dcm("110153", "Source Role ID");
  private static final Code PATIENT_NUMBER = new Code("2", "RFC-3881", "Patient Number");
  private static final Code STUDY_UID = Code.dcm("110180", "Study Instance UID");
  private static final Code PATIENT_QUERY =
      new Code("ITI-78", "IHE Transactions", "Mobile Patient Demographics Query");

  private final String station;
  private final String site;
  private final String host;

  /**
   * @param station the audit source: this station's name (its AE title where it has one)
   * @param site the enterprise site, e.g. the institution; null when none
   * @param host this station's host name or address, where the network sees it
   */
  public AuditMessages(String station, String site, String host) {
    this.station = station;
    this.site = site;
    this.host = host;
  }

  /** The audit source: this station. */
  public String station() {
    return station;
  }

  /** The app started ({@code started}) or stopped, launched by {@code user}. */
  public String applicationActivity(boolean started, String user, Instant when) {
    return message(
        m -> {
          event(
              m,
              APPLICATION_ACTIVITY,
              started
                  ? Code.dcm("110120", "Application Start")
                  : Code.dcm("110121", "Application Stop"),
              "E",
              when,
              true,
              null);
          participant(m, station, null, false, host, APPLICATION);
          participant(m, user, null, true, null, LAUNCHER);
          source(m);
        });
  }

  /** An operator signed in ({@code login}) or out; {@code refused}: the sign-in failed, and why. */
  public String userAuthentication(boolean login, String user, String refused, Instant when) {
    return userAuthentication(login, user, refused == null, refused, when);
  }

  /**
   * The station locked ({@code locked}: a logout, the operator's session kept behind the lock) or
   * unlocked by the same operator (a login).
   */
  public String stationLocked(boolean locked, String user, Instant when) {
    return userAuthentication(
        !locked, user, true, locked ? "station locked" : "station unlocked", when);
  }

  private String userAuthentication(
      boolean login, String user, boolean succeeded, String outcome, Instant when) {
    return message(
        m -> {
          event(
              m,
              USER_AUTHENTICATION,
              login ? Code.dcm("110122", "Login") : Code.dcm("110123", "Logout"),
              "E",
              when,
              succeeded,
              outcome);
          participant(m, user, null, true, null, null);
          participant(m, station, null, false, host, APPLICATION);
          source(m);
        });
  }

  /**
   * A security alert of {@code kind}: {@code user} (an operator, or a peer such as an archive's AE
   * title) did or met what {@code detail} says; {@code failed}: it was refused.
   */
  public String securityAlert(
      Alert kind, String user, String detail, boolean failed, Instant when) {
    return message(
        m -> {
          event(m, SECURITY_ALERT, kind.code, "E", when, !failed, detail);
          participant(m, user, null, true, null, null);
          participant(m, station, null, false, host, APPLICATION);
          source(m);
        });
  }

  /**
   * A lookup in the EHR: {@code operator} (null: none signed in, e.g. the command line's account in
   * {@code station}'s place) asked the EHR at {@code ehr} with {@code query}; {@code found}: the
   * patient it led to, or null; {@code failed}: why it could not be answered, or null.
   */
  public String query(
      String operator, String ehr, String query, Patient found, String failed, Instant when) {
    return message(
        m -> {
          event(m, QUERY, null, "E", when, failed == null, failed);
          if (operator != null) {
            participant(m, operator, null, true, null, null);
          }
          participant(m, station, null, operator == null, host, SOURCE);
          participant(m, ehr, null, false, ehr, DESTINATION);
          source(m);
          participantObject(m, "Patient", "2", "24", PATIENT_QUERY);
          m.writeStartElement("ParticipantObjectQuery");
          m.writeCharacters(
              Base64.getEncoder().encodeToString(query.getBytes(StandardCharsets.UTF_8)));
          m.writeEndElement();
          m.writeEndElement();
          if (found != null) {
            patient(m, found);
          }
        });
  }

  /** {@code operator} confirmed the patient's record found in the EHR (read at the bedside). */
  public String patientRecordRead(String operator, Patient patient, Instant when) {
    return message(
        m -> {
          event(m, PATIENT_RECORD, null, "R", when, true, null);
          participant(m, operator, null, true, null, null);
          participant(m, station, null, false, host, APPLICATION);
          source(m);
          patient(m, patient);
        });
  }

  /**
   * {@code operator} made ({@code created}) or deleted objects of a patient's study at the station:
   * a capture taken or imported, a capture deleted in review, a local copy purged after the archive
   * confirmed it ({@code operator} then the station itself).
   */
  public String instancesAccessed(
      boolean created, String operator, Patient patient, Study study, String why, Instant when) {
    return instancesAccessed(created ? "C" : "D", operator, patient, study, why, when);
  }

  /**
   * {@code operator} changed an object of a patient's study (its body site re-tagged in review).
   */
  public String instancesUpdated(
      String operator, Patient patient, Study study, String what, Instant when) {
    return instancesAccessed("U", operator, patient, study, what, when);
  }

  private String instancesAccessed(
      String action, String operator, Patient patient, Study study, String why, Instant when) {
    return message(
        m -> {
          event(m, INSTANCES_ACCESSED, null, action, when, true, why);
          participant(m, operator, null, true, operator.equals(station) ? host : null, null);
          if (!operator.equals(station)) {
            participant(m, station, null, false, host, APPLICATION);
          }
          source(m);
          study(m, study);
          patient(m, patient);
        });
  }

  /** {@code operator} sent a session's objects on their way to {@code destinations}. */
  public String transferBegun(
      String operator, Patient patient, Study study, List<String> destinations, Instant when) {
    return message(
        m -> {
          event(m, BEGIN_TRANSFERRING, null, "E", when, true, null);
          participant(m, operator, null, true, null, null);
          participant(m, station, null, false, host, SOURCE);
          for (String d : destinations) {
            participant(m, d, null, false, null, DESTINATION);
          }
          source(m);
          study(m, study);
          patient(m, patient);
        });
  }

  /**
   * The station sent a study's objects to the archive {@code destination} (its AE title or URL, at
   * {@code destinationHost}): {@code failed} null when the archive confirmed them, else why it
   * refused them for good.
   */
  public String instancesTransferred(
      String destination,
      String destinationHost,
      Patient patient,
      Study study,
      String outcome,
      String failed,
      Instant when) {
    return message(
        m -> {
          event(
              m,
              INSTANCES_TRANSFERRED,
              null,
              "R",
              when,
              failed == null,
              failed == null ? outcome : failed);
          participant(m, station, null, true, host, SOURCE);
          participant(m, destination, null, false, destinationHost, DESTINATION);
          source(m);
          study(m, study);
          patient(m, patient);
        });
  }

  /**
   * Opens a participant object (the caller writes its name or query and closes it): its id, type (1
   * person, 2 system object), role (1 patient, 3 report, 24 query) and the kind of its id.
   */
  private static void participantObject(
      XMLStreamWriter m, String id, String type, String role, Code idType)
      throws XMLStreamException {
    m.writeStartElement("ParticipantObjectIdentification");
    m.writeAttribute("ParticipantObjectID", id);
    m.writeAttribute("ParticipantObjectTypeCode", type);
    m.writeAttribute("ParticipantObjectTypeCodeRole", role);
    coded(m, "ParticipantObjectIDTypeCode", idType);
  }

  private static void patient(XMLStreamWriter m, Patient p) throws XMLStreamException {
    participantObject(m, p.id(), "1", "1", PATIENT_NUMBER);
    m.writeStartElement("ParticipantObjectName");
    m.writeCharacters(p.name());
    m.writeEndElement();
    m.writeEndElement();
  }

  private static void study(XMLStreamWriter m, Study s) throws XMLStreamException {
    participantObject(m, s.uid(), "2", "3", STUDY_UID);
    m.writeStartElement("ParticipantObjectName");
    m.writeCharacters(s.name());
    m.writeEndElement();
    m.writeStartElement("ParticipantObjectDescription");
    Map<String, List<String>> byClass = new LinkedHashMap<>();
    for (Instance i : s.instances()) {
      byClass.computeIfAbsent(i.sopClassUid(), c -> new ArrayList<>()).add(i.sopInstanceUid());
    }
    for (Map.Entry<String, List<String>> c : byClass.entrySet()) {
      m.writeStartElement("SOPClass");
      m.writeAttribute("UID", c.getKey());
      m.writeAttribute("NumberOfInstances", Integer.toString(c.getValue().size()));
      for (String uid : c.getValue()) {
        m.writeEmptyElement("Instance");
        m.writeAttribute("UID", uid);
      }
      m.writeEndElement();
    }
    m.writeEndElement();
    m.writeEndElement();
  }

  private interface Body {
    void write(XMLStreamWriter m) throws XMLStreamException;
  }

  private static String message(Body body) {
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter m = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      m.writeStartDocument("UTF-8", "1.0");
      m.writeStartElement("AuditMessage");
      body.write(m);
      m.writeEndElement();
      m.writeEndDocument();
      m.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("an audit message cannot be written: " + e.getMessage(), e);
    }
    return text.toString();
  }

  private static void event(
      XMLStreamWriter m,
      Code id,
      Code type,
      String action,
      Instant when,
      boolean succeeded,
      String outcome)
      throws XMLStreamException {
    m.writeStartElement("EventIdentification");
    m.writeAttribute("EventActionCode", action);
    m.writeAttribute("EventDateTime", when.atOffset(ZoneOffset.UTC).toString());
    m.writeAttribute("EventOutcomeIndicator", succeeded ? "0" : "4");
    coded(m, "EventID", id);
    if (type != null) {
      coded(m, "EventTypeCode", type);
    }
    if (outcome != null) {
      m.writeStartElement("EventOutcomeDescription");
      m.writeCharacters(outcome);
      m.writeEndElement();
    }
    m.writeEndElement();
  }

  private static void participant(
      XMLStreamWriter m, String user, String name, boolean requestor, String accessPoint, Code role)
      throws XMLStreamException {
    m.writeStartElement("ActiveParticipant");
    m.writeAttribute("UserID", user);
    if (name != null) {
      m.writeAttribute("UserName", name);
    }
    m.writeAttribute("UserIsRequestor", Boolean.toString(requestor));
    if (accessPoint != null) {
      m.writeAttribute("NetworkAccessPointID", accessPoint);
      m.writeAttribute("NetworkAccessPointTypeCode", isAddress(accessPoint) ? "2" : "1");
    }
    if (role != null) {
      coded(m, "RoleIDCode", role);
    }
    m.writeEndElement();
  }

  private void source(XMLStreamWriter m) throws XMLStreamException {
    m.writeStartElement("AuditSourceIdentification");
    if (site != null) {
      m.writeAttribute("AuditEnterpriseSiteID", site);
    }
    m.writeAttribute("AuditSourceID", station);
    m.writeEmptyElement("AuditSourceTypeCode");
    m.writeAttribute("csd-code", "2");
    m.writeEndElement();
  }

  private static void coded(XMLStreamWriter m, String element, Code c) throws XMLStreamException {
    m.writeEmptyElement(element);
    m.writeAttribute("csd-code", c.code());
    m.writeAttribute("codeSystemName", c.system());
    m.writeAttribute("originalText", c.meaning());
  }

  private static boolean isAddress(String accessPoint) {
    return accessPoint.matches("[0-9.]+") || accessPoint.contains(":");
  }

  /** This machine's host name, for the messages' network access point. */
  public static String thisHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "localhost";
    }
  }
}
