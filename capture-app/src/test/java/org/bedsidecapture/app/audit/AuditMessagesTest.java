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
                WHEN))) {
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
}
