package org.bedsidecapture.app.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.concurrent.CompletableFuture;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * The app's one FhirContext. Building HAPI's model of the resources the lookup reads takes about a
 * second and a half in a fresh JVM; {@link #warmInBackground()} pays it on a background thread at
 * app start, so that the first scan does not.
 */
public final class FhirContexts {
  private static CompletableFuture<FhirContext> warming;

  private FhirContexts() {}

  /** Starts warming the shared context, once; later calls return the same future. */
  public static synchronized CompletableFuture<FhirContext> warmInBackground() {
    if (warming == null) {
      warming = CompletableFuture.supplyAsync(() -> warm(FhirContext.forR4Cached()));
    }
    return warming;
  }

  /** The shared context, warmed (waits for the warm-up when it is still running). */
  public static FhirContext shared() {
    return warmInBackground().join();
  }

  /**
   * Makes HAPI build, now, what it otherwise builds at the first lookup: the model of every
   * resource type the lookup reads, the JSON parser and the client factory.
   */
  static FhirContext warm(FhirContext fhir) {
    Bundle b = new Bundle();
    for (var r :
        java.util.List.of(
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
