package org.bedsidecapture.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Every kind of audit message the station makes is valid against the DICOM Audit Message Schema
 * (PS3.15 A.5.1.1, RELAX NG compact, validated by Jing) and says what the profile asks of it.
 */
class AuditMessagesTest {
  private static final Instant WHEN = Instant.parse("2026-12-03T10:15:30Z");
  private final AuditMessages messages =
      new AuditMessages("EDCART7", "St. Example Hospital", "ed-cart-7.example.org");

  private static final AuditMessages.Patient PATIENT =
      new AuditMessages.Patient("12345678^^^GENERAL&1.2.3.4&ISO", "Zztest^Ada");
  private static final AuditMessages.Study STUDY =
      new AuditMessages.Study(
          "1.2.826.0.1.3680043.10.1",
          "bedside captures of visit V1",
          List.of(
              new AuditMessages.Instance("1.2.840.10008.5.1.4.1.1.77.1.4", "1.2.3.1"),
              new AuditMessages.Instance("1.2.840.10008.5.1.4.1.1.77.1.4", "1.2.3.2"),
              new AuditMessages.Instance("1.2.840.10008.5.1.4.1.1.77.1.4.1", "1.2.3.3")));

  /** The schema's complaints about {@code xml}; empty when it is valid. */
  static List<String> invalid(String xml) throws Exception {
    List<String> problems = new ArrayList<>();
    ErrorHandler collect =
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {}

          @Override
          public void error(SAXParseException e) {
            problems.add(e.getMessage());
          }

          @Override
          public void fatalError(SAXParseException e) {
            problems.add(e.getMessage());
          }
        };
    PropertyMapBuilder properties = new PropertyMapBuilder();
    properties.put(ValidateProperty.ERROR_HANDLER, collect);
    ValidationDriver driver =
        new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
    assertThat(
            driver.loadSchema(
                new InputSource(
                    AuditMessagesTest.class.getResource("audit-message.rnc").toExternalForm())))
        .as("the schema loads")
        .isTrue();
    driver.validate(new InputSource(new StringReader(xml)));
    return problems;
  }

  @Test
  void everyMessageIsValidAgainstTheDicomAuditMessageSchema() throws Exception {
    for (String xml :
        List.of(
            messages.applicationActivity(true, "nurse", WHEN),
            messages.applicationActivity(false, "nurse", WHEN),
            messages.userAuthentication(true, "ida", null, WHEN),
            messages.userAuthentication(true, "unknown", "wrong user name or PIN", WHEN),
            messages.userAuthentication(false, "ida", null, WHEN),
            messages.securityAlert(
                AuditMessages.Alert.EMERGENCY_OVERRIDE,
                "ida",
                "finished-encounter warning overridden",
                false,
                WHEN),
            messages.securityAlert(
                AuditMessages.Alert.NODE_AUTHENTICATION,
                "IMPOSTOR@10.0.0.9",
                "not an archive a report is awaited from",
                true,
                WHEN),
            messages.query(
                "ida",
                "https://ehr.example.org/fhir",
                "Patient?identifier=urn:mrn|123",
                PATIENT,
                null,
                WHEN),
            messages.query(
                null, "https://ehr.example.org/fhir", "Patient/7", null, "timed out", WHEN),
            messages.patientRecordRead("ida", PATIENT, WHEN),
            messages.stationLocked(true, "ida", WHEN),
            messages.stationLocked(false, "ida", WHEN),
            messages.instancesUpdated("ida", PATIENT, STUDY, "re-tagged in review", WHEN),
            messages.instancesAccessed(true, "ida", PATIENT, STUDY, null, WHEN),
            messages.instancesAccessed(false, "EDCART7", PATIENT, STUDY, "purged", WHEN),
            messages.transferBegun("ida", PATIENT, STUDY, List.of("PACS", "VNA"), WHEN),
            messages.instancesTransferred(
                "PACS", "pacs.example.org", PATIENT, STUDY, "stored and confirmed", null, WHEN),
            messages.instancesTransferred(
                "PACS", null, PATIENT, STUDY, null, "refused: A700 out of resources", WHEN))) {
      assertThat(invalid(xml)).as(xml).isEmpty();
    }
  }

  @Test
  void theSchemaCatchesAMessageThatDoesNotFollowIt() throws Exception {
    String broken =
        messages
            .userAuthentication(true, "ida", null, WHEN)
            .replace("EventOutcomeIndicator=\"0\"", "EventOutcomeIndicator=\"1\"");

    assertThat(invalid(broken)).isNotEmpty();
  }

  @Test
  void aLoginNamesTheOperatorAsRequestorAndTheStationAsApplicationAndSource() {
    String xml = messages.userAuthentication(true, "ida", null, WHEN);

    assertThat(xml)
        .contains("csd-code=\"110114\"")
        .contains("originalText=\"Login\"")
        .contains("EventDateTime=\"2026-12-03T10:15:30Z\"")
        .contains("EventOutcomeIndicator=\"0\"")
        .contains("UserID=\"ida\" UserIsRequestor=\"true\"")
        .contains("UserID=\"EDCART7\"")
        .contains("NetworkAccessPointID=\"ed-cart-7.example.org\"")
        .contains("AuditSourceID=\"EDCART7\"")
        .contains("AuditEnterpriseSiteID=\"St. Example Hospital\"");
  }

  @Test
  void aTransferNamesTheStationAsSourceTheArchiveAsDestinationThePatientAndEachObject() {
    String xml =
        messages.instancesTransferred(
            "PACS", "pacs.example.org", PATIENT, STUDY, "stored and confirmed", null, WHEN);

    assertThat(xml)
        .contains("csd-code=\"110104\"")
        .contains("EventActionCode=\"R\"")
        .contains("UserID=\"EDCART7\" UserIsRequestor=\"true\"")
        .contains("UserID=\"PACS\" UserIsRequestor=\"false\"")
        .contains("NetworkAccessPointID=\"pacs.example.org\"")
        .contains("ParticipantObjectID=\"1.2.826.0.1.3680043.10.1\"")
        .contains("<SOPClass UID=\"1.2.840.10008.5.1.4.1.1.77.1.4\" NumberOfInstances=\"2\">")
        .contains("<Instance UID=\"1.2.3.3\"/>")
        .contains(
            "ParticipantObjectID=\"12345678^^^GENERAL&amp;1.2.3.4&amp;ISO\""
                + " ParticipantObjectTypeCode=\"1\" ParticipantObjectTypeCodeRole=\"1\"")
        .contains("<ParticipantObjectName>Zztest^Ada</ParticipantObjectName>");
  }

  @Test
  void aQueryCarriesWhatWasAskedAndTheEhrAsDestination() {
    String xml =
        messages.query(
            "ida",
            "https://ehr.example.org/fhir",
            "Patient?identifier=urn:mrn|123",
            null,
            null,
            WHEN);

    assertThat(xml)
        .contains("csd-code=\"110112\"")
        .contains("UserID=\"ida\" UserIsRequestor=\"true\"")
        .contains("UserID=\"https://ehr.example.org/fhir\"")
        .contains("csd-code=\"ITI-78\"")
        .contains(
            "<ParticipantObjectQuery>"
                + java.util.Base64.getEncoder()
                    .encodeToString("Patient?identifier=urn:mrn|123".getBytes())
                + "</ParticipantObjectQuery>");
  }
}
