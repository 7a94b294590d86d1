package org.bedsidecapture.app.audit;

import java.io.StringWriter;
import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneOffset;
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
   * The kinds of security alert the station reports (PS3.16 CID 403 Security Alert Type): a warning
   * overridden at the bedside.
   */
  public enum Alert {
    EMERGENCY_OVERRIDE(Code.dcm("110127", "Emergency Override Started"));

    final Code code;

    Alert(Code code) {
      this.code = code;
    }
  }

  private static final Code APPLICATION_ACTIVITY = Code.dcm("110100", "Application Activity");
  private static final Code SECURITY_ALERT = Code.dcm("110113", "Security Alert");
  private static final Code USER_AUTHENTICATION = Code.dcm("110114", "User Authentication");
  private static final Code APPLICATION = Code.dcm("110150", "Application");
  private static final Code LAUNCHER = Code.dcm("110151", "Application Launcher");

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
    return message(
        m -> {
          event(
              m,
              USER_AUTHENTICATION,
              login ? Code.dcm("110122", "Login") : Code.dcm("110123", "Logout"),
              "E",
              when,
              refused == null,
              refused);
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
