package org.bedsidecapture.app.fhir;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bedsidecapture.app.fhir.demo.DemoFhirServer;
import org.bedsidecapture.app.fhir.demo.SyntheticEhr;
import org.bedsidecapture.app.fhir.demo.SyntheticEncounters;
import org.bedsidecapture.dicom.testing.Storescp;
import org.bedsidecapture.dicom.testing.TestPki;
import org.bedsidecapture.dicom.testing.TlsFront;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EHR over https, as a hospital serves it (a TLS proxy in front of the FHIR server, socat
 * here): a certificate the station does not trust is refused, and the lookup says it was TLS and
 * why, not that the network is down.
 */
class FhirTlsIT {
  @TempDir Path dir;

  @Test
  void anEhrWhoseCertificateTheStationDoesNotTrustIsRefusedSayingWhy() throws Exception {
    TestPki pki = TestPki.create(dir.resolve("pki"));
    FhirContext fhir = FhirContext.forR4Cached();
    try (DemoFhirServer ehr = DemoFhirServer.start(fhir, SyntheticEhr.resources(), List.of());
        TlsFront impostor =
            TlsFront.start(
                pki.serverCertificateAndKey(true),
                Storescp.freePort(),
                URI.create(ehr.baseUrl()).getPort(),
                dir.resolve("impostor.log"))) {
      FhirEncounterLookup lookup =
          new FhirEncounterLookup(
              fhir, "https://localhost:" + impostor.port() + "/fhir", Duration.ofSeconds(10), null);

      assertThatThrownBy(
              () -> lookup.byPatientIdentifier(SyntheticEncounters.MRN_SYSTEM, "DEMO-000001"))
          .isInstanceOf(LookupException.class)
          .hasMessageContaining("cannot be used over TLS")
          .hasMessageContaining("not signed by an authority this station trusts");
    }
  }
}
