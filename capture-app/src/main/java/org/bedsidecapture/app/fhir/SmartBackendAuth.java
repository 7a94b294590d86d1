package org.bedsidecapture.app.fhir;

import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bedsidecapture.dicom.delivery.Tls;

/**
 * SMART Backend Services authorisation, what EHRs ask of a system app: the station proves who it is
 * with a JWT signed by its private key (RS384 or ES384; the EHR holds the public key), gets an
 * access token with the client-credentials grant, and uses it until shortly before it expires. One
 * token serves every lookup meanwhile; it is asked for again only when needed.
 */
public final class SmartBackendAuth implements IClientInterceptor {
  private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);
  private static final Duration RENEW_BEFORE = Duration.ofSeconds(30);

  private final URI tokenUrl;
  private final String clientId;
  private final JWK key;
  private final String scope;
  private final Duration timeout;
  private final Clock clock;
  private final HttpClient http;
  private String token;
  private Instant expires = Instant.MIN;

  /**
   * @param privateKeyFile the station's private key as a JWK (JSON) with its {@code kid}, as
   *     registered with the EHR
   */
  public static SmartBackendAuth load(
      URI tokenUrl, String clientId, Path privateKeyFile, String scope, Duration timeout, Tls tls)
      throws IOException {
    JWK key;
    try {
      key = JWK.parse(Files.readString(privateKeyFile, StandardCharsets.UTF_8));
    } catch (ParseException e) {
      throw new IOException(privateKeyFile + " is not a JWK: " + e.getMessage(), e);
    }
    if (!key.isPrivate() || key.getKeyID() == null) {
      throw new IOException(privateKeyFile + " must hold a private key with its key id (kid)");
    }
    return new SmartBackendAuth(tokenUrl, clientId, key, scope, timeout, Clock.systemUTC(), tls);
  }

  /**
   * @param tls for an https token endpoint, as for the EHR; null for the JDK's defaults
   */
  SmartBackendAuth(
      URI tokenUrl,
      String clientId,
      JWK key,
      String scope,
      Duration timeout,
      Clock clock,
      Tls tls) {
    this.tokenUrl = tokenUrl;
    this.clientId = clientId;
    this.key = key;
    this.scope = scope;
    this.timeout = timeout;
    this.clock = clock;
    HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(timeout);
    if (tls != null) {
      http.sslContext(tls.context()).sslParameters(tls.parameters());
    }
    this.http = http.build();
  }

  @Override
  public void interceptRequest(IHttpRequest request) {
    request.addHeader("Authorization", "Bearer " + token());
  }

  @Override
  public void interceptResponse(IHttpResponse response) {
    if (response.getStatus() == 401) {
      synchronized (this) {
        expires = Instant.MIN;
      }
    }
  }

  /** The current access token, asked for when there is none or it is about to expire. */
  synchronized String token() {
    if (token != null && clock.instant().isBefore(expires.minus(RENEW_BEFORE))) {
      return token;
    }
    Map<String, String> form =
        Map.of(
            "grant_type",
            "client_credentials",
            "scope",
            scope,
            "client_assertion_type",
            "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            "client_assertion",
            assertion());
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpResponse<String> answer;
    try {
      answer =
          http.send(
              HttpRequest.newBuilder(tokenUrl)
                  .timeout(timeout)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Accept", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      String tls = Tls.explain(e);
      throw new SmartAuthException(
          tls != null
              ? "the EHR's token service (" + tokenUrl + ") cannot be used over TLS: " + tls
              : "the EHR's token service (" + tokenUrl + ") cannot be reached: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SmartAuthException("interrupted while asking the EHR for a token");
    }
    JsonObject json;
    try {
      json = JsonParser.parseString(answer.body()).getAsJsonObject();
    } catch (RuntimeException e) {
      json = new JsonObject();
    }
    if (answer.statusCode() != 200 || !json.has("access_token")) {
      String error = json.has("error") ? json.get("error").getAsString() : "no token";
      String detail =
          json.has("error_description") ? ": " + json.get("error_description").getAsString() : "";
      throw new SmartAuthException(
          "the EHR's token service refused this station (HTTP "
              + answer.statusCode()
              + ", "
              + error
              + detail
              + "): check the client id and key registered with the EHR (fhir.smart.* settings)");
    }
    token = json.get("access_token").getAsString();
    long seconds = json.has("expires_in") ? json.get("expires_in").getAsLong() : 300;
    expires = clock.instant().plusSeconds(seconds);
    return token;
  }

  /** The signed client assertion: who we are (iss, sub), for whom (aud), once (jti), briefly. */
  private String assertion() {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(clientId)
            .subject(clientId)
            .audience(tokenUrl.toString())
            .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    try {
      JWSAlgorithm alg;
      JWSSigner signer;
      if (key instanceof RSAKey rsa) {
        alg = JWSAlgorithm.RS384;
        signer = new RSASSASigner(rsa);
      } else if (key instanceof ECKey ec) {
        alg = JWSAlgorithm.ES384;
        signer = new ECDSASigner(ec);
      } else {
        throw new SmartAuthException("the station's key must be RSA or EC (P-384)");
      }
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(alg).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
              claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new SmartAuthException("the client assertion cannot be signed: " + e.getMessage());
    }
  }

  /** Getting a token failed; the message says why and what to check. */
  public static final class SmartAuthException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SmartAuthException(String message) {
      super(message);
    }
  }
}
