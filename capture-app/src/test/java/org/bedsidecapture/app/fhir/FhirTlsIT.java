package org.bedsidecapture.app.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bedsidecapture.app.fhir.demo.DemoFhirServer;
import org.bedsidecapture.app.fhir.demo.SyntheticEhr;
import org.bedsidecapture.app.fhir.demo.SyntheticEncounters;
import org.bedsidecapture.dicom.delivery.Tls;
import org.bedsidecapture.dicom.testing.Storescp;
import org.bedsidecapture.dicom.testing.TestPki;
import org.bedsidecapture.dicom.testing.TlsFront;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EHR over https, as a hospital serves it (a TLS proxy in front of the FHIR server, socat here,
 * with a certificate from the site's own authority): the lookup trusts the authorities of the
 * station's TLS settings — without them the same EHR is refused, as the JVM does not know that
 * authority — and an impostor's certificate is refused with a message that says it was TLS and why.
 */
class FhirTlsIT {
  @TempDir Path dir;

  private static LookupResult lookUp(FhirEncounterLookup lookup) throws LookupException {
    return lookup.byPatientIdentifier(SyntheticEncounters.MRN_SYSTEM, "DEMO-000001");
  }

  @Test
  void theEhrOverHttpsIsTrustedThroughTheStationsAuthoritiesAndAnImpostorIsRefused()
      throws Exception {
    TestPki pki = TestPki.create(dir.resolve("pki"));
    Tls station = Tls.configure(null, null, pki.authority());
    FhirContext fhir = FhirContext.forR4();
    int[] ports = Storescp.freePorts(2);
    try (DemoFhirServer ehr = DemoFhirServer.start(fhir, SyntheticEhr.resources(), List.of());
        TlsFront genuine =
            TlsFront.start(
                pki.serverCertificateAndKey(false),
                ports[0],
                URI.create(ehr.baseUrl()).getPort(),
                dir.resolve("genuine.log"));
        TlsFront impostor =
            TlsFront.start(
                pki.serverCertificateAndKey(true),
                ports[1],
                URI.create(ehr.baseUrl()).getPort(),
                dir.resolve("impostor.log"))) {
      String site = "https://localhost:" + genuine.port() + "/fhir";
      Duration timeout = Duration.ofSeconds(10);

      assertThat(lookUp(new FhirEncounterLookup(fhir, site, timeout, null, 0, station)))
          .isInstanceOf(LookupResult.Found.class);
      assertThatThrownBy(() -> lookUp(new FhirEncounterLookup(fhir, site, timeout, null, 0, null)))
          .as("without the station's authorities the JVM's own do not know the site's")
          .isInstanceOf(LookupException.class)
          .hasMessageContaining("not signed by an authority this station trusts");
      assertThatThrownBy(
              () ->
                  lookUp(
                      new FhirEncounterLookup(
                          fhir,
                          "https://localhost:" + impostor.port() + "/fhir",
                          timeout,
                          null,
                          0,
                          station)))
          .isInstanceOf(LookupException.class)
          .hasMessageContaining("cannot be used over TLS")
          .hasMessageContaining("not signed by an authority this station trusts");
    }
  }
}
