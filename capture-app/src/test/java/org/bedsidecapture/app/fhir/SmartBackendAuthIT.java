package org.bedsidecapture.app.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bedsidecapture.app.fhir.demo.DemoFhirServer;
import org.bedsidecapture.app.fhir.demo.SyntheticEhr;
import org.bedsidecapture.app.fhir.demo.SyntheticEncounters;
import org.bedsidecapture.dicom.delivery.Tls;
import org.bedsidecapture.dicom.testing.Storescp;
import org.bedsidecapture.dicom.testing.TestPki;
import org.bedsidecapture.dicom.testing.TlsFront;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SMART Backend Services flow against a token service that checks the signed assertion as an
 * EHR's does (signature with the registered public key, issuer, subject, audience, expiry, one use
 * of each jti) and a FHIR server that only answers with a token it issued.
 */
class SmartBackendAuthIT {
  private static final String CLIENT = "bedside-capture-station-7";
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private RSAKey stationKey;
  private HttpServer tokenService;
  private final Set<String> issued = ConcurrentHashMap.newKeySet();
  private final Set<String> usedJti = ConcurrentHashMap.newKeySet();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private DemoFhirServer ehr;
  private URI tokenUrl;

  @BeforeEach
  void start() throws Exception {
    stationKey = new RSAKeyGenerator(2048).keyID("station-7-2026").generate();
    tokenService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    tokenService.createContext(
        "/auth/token",
        exchange -> {
          tokenRequests.incrementAndGet();
          Map<String, String> form =
              form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          String answer;
          int status;
          String problem = check(form);
          if (problem == null) {
            String token = "tok-" + issued.size();
            issued.add(token);
            status = 200;
            answer =
                "{\"access_token\":\""
                    + token
                    + "\",\"token_type\":\"bearer\",\"expires_in\":300,\"scope\":\""
                    + form.get("scope")
                    + "\"}";
          } else {
            status = 401;
            answer = "{\"error\":\"invalid_client\",\"error_description\":\"" + problem + "\"}";
          }
          byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    tokenService.start();
    tokenUrl =
        URI.create("http://127.0.0.1:" + tokenService.getAddress().getPort() + "/auth/token");
    ehr = DemoFhirServer.start(FHIR, SyntheticEhr.resources(), List.of(new OnlyIssuedTokens()));
  }

  @AfterEach
  void stop() throws Exception {
    ehr.close();
    tokenService.stop(0);
  }

  private static Map<String, String> form(String body) {
    Map<String, String> m = new HashMap<>();
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      m.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return m;
  }

  /** Null when the request is what SMART Backend Services asks for, else why not. */
  private String check(Map<String, String> form) {
    try {
      if (!"client_credentials".equals(form.get("grant_type"))
          || !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
              .equals(form.get("client_assertion_type"))) {
        return "not a client-credentials request with a JWT assertion";
      }
      SignedJWT jwt = SignedJWT.parse(form.get("client_assertion"));
      if (!jwt.verify(new RSASSAVerifier(stationKey.toRSAPublicKey()))) {
        return "signature not valid";
      }
      var c = jwt.getJWTClaimsSet();
      if (!CLIENT.equals(c.getIssuer())
          || !CLIENT.equals(c.getSubject())
          || !c.getAudience().contains(tokenUrl.toString())
          || c.getExpirationTime().toInstant().isBefore(Instant.now())
          || !usedJti.add(c.getJWTID())) {
        return "claims not acceptable";
      }
      return null;
    } catch (Exception e) {
      return "assertion not readable";
    }
  }

  /** The EHR's resource server: answers only to tokens its token service issued. */
  public final class OnlyIssuedTokens {
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED)
    public void check(HttpServletRequest request) {
      String auth = String.valueOf(request.getHeader("Authorization"));
      if (!auth.startsWith("Bearer ") || !issued.contains(auth.substring(7))) {
        throw new AuthenticationException("no valid token");
      }
    }
  }

  /** A clock the test moves. */
  private static final class Moving extends Clock {
    Instant now = Instant.now();

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void aTokenIsFetchedWithASignedAssertionAndKeptUntilShortlyBeforeItExpires() throws Exception {
    Moving clock = new Moving();
    SmartBackendAuth auth =
        new SmartBackendAuth(
            tokenUrl,
            CLIENT,
            stationKey,
            "system/Patient.read system/Encounter.read",
            Duration.ofSeconds(5),
            clock,
            null);
    FhirEncounterLookup lookup =
        new FhirEncounterLookup(FHIR, ehr.baseUrl(), Duration.ofSeconds(5), auth);

    for (int i = 0; i < 3; i++) {
      assertThat(lookup.byPatientIdentifier(SyntheticEncounters.MRN_SYSTEM, "DEMO-000001"))
          .isInstanceOf(LookupResult.Found.class);
    }
    assertThat(tokenRequests.get()).as("one token for six requests").isEqualTo(1);

    clock.now = clock.now.plusSeconds(280);
    lookup.byPatientIdentifier(SyntheticEncounters.MRN_SYSTEM, "DEMO-000001");
    assertThat(tokenRequests.get()).as("renewed shortly before expiry").isEqualTo(2);
  }

  @Test
  void aKeyTheEhrDoesNotKnowIsRefusedWithTheTokenServicesReason() throws Exception {
    RSAKey other = new RSAKeyGenerator(2048).keyID("someone-else").generate();
    SmartBackendAuth auth =
        new SmartBackendAuth(
            tokenUrl,
            CLIENT,
            other,
            "system/Patient.read",
            Duration.ofSeconds(5),
            Clock.systemUTC(),
            null);
    FhirEncounterLookup lookup =
        new FhirEncounterLookup(FHIR, ehr.baseUrl(), Duration.ofSeconds(5), auth);

    assertThatThrownBy(
            () -> lookup.byPatientIdentifier(SyntheticEncounters.MRN_SYSTEM, "DEMO-000001"))
        .isInstanceOf(LookupException.class)
        .hasMessageContaining(
            "refused this station (HTTP 401, invalid_client: signature not valid)");
  }

  @Test
  void theKeyFileMustHoldAPrivateKeyWithItsKeyId(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
    java.nio.file.Path pub =
        java.nio.file.Files.writeString(
            dir.resolve("public.jwk"), stationKey.toPublicJWK().toJSONString());
    assertThatThrownBy(
            () -> SmartBackendAuth.load(tokenUrl, CLIENT, pub, "s", Duration.ofSeconds(1), null))
        .hasMessageContaining("must hold a private key with its key id");
  }

  /**
   * Both the token service and the EHR over https with certificates from the site's authority:
   * trusted through the station's TLS settings; a token service showing an impostor's certificate
   * is refused, saying why, before the station's signed assertion is sent to it.
   */
  @Test
  void overHttpsTheTokenServiceAndTheEhrAreTrustedThroughTheStationsAuthorities(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    TestPki pki = TestPki.create(dir.resolve("pki"));
    Tls station = Tls.configure(null, null, pki.authority());
    int tokenPort = tokenService.getAddress().getPort();
    int[] ports = Storescp.freePorts(3);
    try (TlsFront tokens =
            TlsFront.start(
                pki.serverCertificateAndKey(false),
                ports[0],
                tokenPort,
                dir.resolve("tokens.log"));
        TlsFront fhir =
            TlsFront.start(
                pki.serverCertificateAndKey(false),
                ports[1],
                URI.create(ehr.baseUrl()).getPort(),
                dir.resolve("fhir.log"));
        TlsFront impostor =
            TlsFront.start(
                pki.serverCertificateAndKey(true),
                ports[2],
                tokenPort,
                dir.resolve("impostor.log"))) {
      String site = "https://localhost:" + fhir.port() + "/fhir";
      tokenUrl = URI.create("https://localhost:" + tokens.port() + "/auth/token");
      SmartBackendAuth auth = overHttps(tokenUrl, station);

      assertThat(
              new FhirEncounterLookup(FHIR, site, Duration.ofSeconds(10), auth, 0, station)
                  .byPatientIdentifier(SyntheticEncounters.MRN_SYSTEM, "DEMO-000001"))
          .isInstanceOf(LookupResult.Found.class);
      assertThat(tokenRequests.get()).as("the token came over https").isEqualTo(1);

      SmartBackendAuth toImpostor =
          overHttps(URI.create("https://localhost:" + impostor.port() + "/auth/token"), station);
      assertThatThrownBy(
              () ->
                  new FhirEncounterLookup(
                          FHIR, site, Duration.ofSeconds(10), toImpostor, 0, station)
                      .byPatientIdentifier(SyntheticEncounters.MRN_SYSTEM, "DEMO-000001"))
          .isInstanceOf(LookupException.class)
          .hasMessageContaining("not signed by an authority this station trusts");
      assertThat(tokenRequests.get())
          .as("nothing reached the service behind the impostor")
          .isEqualTo(1);
    }
  }

  private SmartBackendAuth overHttps(URI tokens, Tls tls) {
    return new SmartBackendAuth(
        tokens,
        CLIENT,
        stationKey,
        "system/Patient.read",
        Duration.ofSeconds(10),
        Clock.systemUTC(),
        tls);
  }
}
