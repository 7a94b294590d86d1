package org.bedsidecapture.app.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.interceptor.SimpleRequestHeaderInterceptor;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bedsidecapture.app.fhir.demo.DemoFhirServer;
import org.bedsidecapture.app.fhir.demo.SyntheticEhr;
import org.bedsidecapture.app.settings.SiteSettings;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * The app's FHIR side, made once per app by its context: HAPI's FhirContext, and what is made from
 * it — EHR lookups, the Bundle reader, the demo EHR. Building HAPI's model of the resources the
 * lookup reads takes about a second and a half in a fresh JVM; it is paid on a background thread as
 * the app starts, so that the first scan does not. Only this package touches HAPI's types.
 */
public final class Fhir {
  private final CompletableFuture<FhirContext> context;
  private volatile Duration warmUp;

  private Fhir() {
    long start = System.nanoTime();
    this.context =
        CompletableFuture.supplyAsync(
            () -> {
              FhirContext warmed = warm(FhirContext.forR4());
              warmUp = Duration.ofNanos(System.nanoTime() - start);
              return warmed;
            });
  }

  /** Starts building this app's FhirContext on a background thread. */
  public static Fhir warmingInBackground() {
    return new Fhir();
  }

  /** How long the warm-up took, in the background (waits for it; for the benchmark). */
  public Duration warmUp() {
    context.join();
    return warmUp;
  }

  /** The context, warmed (waits for the warm-up when it is still running). */
  FhirContext context() {
    return context.join();
  }

  public FhirBundleReader bundleReader() {
    return new FhirBundleReader(context());
  }

  /**
   * A lookup against the site's EHR, or {@code baseUrl} when given, with the site's timeout,
   * retries and credentials (SMART Backend Services, or a basic or bearer header).
   *
   * @throws IOException when the credentials cannot be read
   */
  public FhirEncounterLookup lookup(SiteSettings settings, String baseUrl) throws IOException {
    return new FhirEncounterLookup(
        context(),
        baseUrl,
        settings.fhirTimeout(),
        auth(settings),
        settings.fhirRetries(),
        settings.tls());
  }

  /** A lookup without credentials (the demo EHR, benchmarks). */
  public FhirEncounterLookup lookup(String baseUrl, Duration timeout) {
    return new FhirEncounterLookup(context(), baseUrl, timeout, null);
  }

  /** The demo EHR with its synthetic patients, on a free loopback port. */
  public DemoFhirServer startDemoEhr() throws Exception {
    return DemoFhirServer.start(context(), SyntheticEhr.resources(), List.of());
  }

  /** The demo's first encounter, with its order, as a FHIR Bundle in JSON (what `wrap` reads). */
  public String demoEncounterBundle() {
    return context()
        .newJsonParser()
        .setPrettyPrint(true)
        .encodeResourceToString(SyntheticEhr.firstCaseWithItsOrder());
  }

  private static IClientInterceptor auth(SiteSettings settings) throws IOException {
    SiteSettings.SmartClient smart = settings.fhirSmart();
    if (smart != null) {
      return SmartBackendAuth.load(
          smart.tokenUrl(),
          smart.clientId(),
          smart.privateKeyFile(),
          smart.scope(),
          settings.fhirTimeout(),
          settings.tls());
    }
    return settings.fhirAuthorization() == null
        ? null
        : new SimpleRequestHeaderInterceptor("Authorization", settings.fhirAuthorization());
  }

  /**
   * Makes HAPI build, now, what it otherwise builds at the first lookup: the model of every
   * resource type the lookup reads, the JSON parser and the client classes.
   */
  static FhirContext warm(FhirContext fhir) {
    Bundle b = new Bundle();
    for (var r :
        List.of(
            new Patient(),
            new Encounter(),
            new ServiceRequest(),
            new Organization(),
            new Practitioner())) {
      b.addEntry().setResource(r);
    }
    var parser = fhir.newJsonParser();
    parser.parseResource(Bundle.class, parser.encodeResourceToString(b));
    fhir.getRestfulClientFactory();
    return fhir;
  }
}
