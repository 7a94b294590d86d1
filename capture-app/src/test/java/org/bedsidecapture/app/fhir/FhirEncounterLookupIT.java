package org.bedsidecapture.app.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.bedsidecapture.app.fhir.demo.DemoFhirServer;
import org.bedsidecapture.app.fhir.demo.SyntheticEhr;
import org.bedsidecapture.app.fhir.demo.SyntheticEncounters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every lookup path and guard against a real HAPI FHIR RESTful server in this process (the demo's
 * EHR), over HTTP on loopback; and the failures an EHR can give, from the same server made to fail.
 */
class FhirEncounterLookupIT {
  private static final String MRN = SyntheticEncounters.MRN_SYSTEM;
  private static final String VISIT = SyntheticEncounters.VISIT_SYSTEM;
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static DemoFhirServer ehr;
  private static FhirEncounterLookup lookup;
  private static final Count REQUESTS = new Count();

  @BeforeAll
  static void start() throws Exception {
    ehr = DemoFhirServer.start(FHIR, SyntheticEhr.resources(), List.of(REQUESTS));
    lookup = new FhirEncounterLookup(FHIR, ehr.baseUrl(), Duration.ofSeconds(5), null);
  }

  @AfterAll
  static void stop() throws Exception {
    ehr.close();
  }

  @Test
  void aWristbandGivesThePatientsCurrentEncounterWithOrderAndReferrer() throws Exception {
    int before = REQUESTS.n.get();
    LookupResult r = lookup.byPatientIdentifier(MRN, "DEMO-000001");

    assertThat(REQUESTS.n.get() - before).as("round trips").isEqualTo(2);
    assertThat(r).isInstanceOf(LookupResult.Found.class);
    LookupResult.Found f = (LookupResult.Found) r;
    assertThat(f.confirmation()).isEqualTo("Zztest Alice, born 1961-04-12, MRN DEMO-000001");
    assertThat(f.context().admissionId().value()).isEqualTo("DEMO-V0001");
    assertThat(f.context().accession().value()).isEqualTo(SyntheticEhr.ACCESSION);
    assertThat(f.context().referringPhysician().family()).isEqualTo("Zzdoctor");
    assertThat(f.context().institution().name()).isEqualTo("Demo General Hospital (synthetic)");
    assertThat(f.warnings()).isEmpty();
    assertThat(f.overrideNeeded()).isFalse();
  }

  @Test
  void anEncounterBarcodeGivesItsContextAndChecksItAgainstTheWristband() throws Exception {
    int before = REQUESTS.n.get();
    LookupResult same = lookup.byEncounterIdentifier(VISIT, "DEMO-V0002", "DEMO-000002");
    assertThat(REQUESTS.n.get() - before).as("round trips").isEqualTo(1);
    assertThat(same).isInstanceOf(LookupResult.Found.class);
    assertThat(((LookupResult.Found) same).context().patientId().value()).isEqualTo("DEMO-000002");

    LookupResult other = lookup.byEncounterIdentifier(VISIT, "DEMO-V0002", "DEMO-000001");
    assertThat(other).isInstanceOf(LookupResult.Stop.class);
    assertThat(((LookupResult.Stop) other).reason())
        .contains("belongs to another patient than the wristband");
  }

  @Test
  void nothingFoundSaysWhatWasSearched() throws Exception {
    LookupResult r = lookup.byPatientIdentifier(MRN, "NOPE-1");
    assertThat(r).isInstanceOf(LookupResult.NotFound.class);
    assertThat(((LookupResult.NotFound) r).searched()).contains("NOPE-1").contains(MRN);
  }

  @Test
  void anMrnThatTwoRecordsCarryIsNeverResolvedForTheUser() throws Exception {
    LookupResult r = lookup.byPatientIdentifier(MRN, SyntheticEhr.SHARED_MRN);
    assertThat(r).isInstanceOf(LookupResult.Choose.class);
    LookupResult.Choose c = (LookupResult.Choose) r;
    assertThat(c.why()).contains("2 patients carry MRN");
    assertThat(c.candidates())
        .extracting(LookupResult.Candidate::shown)
        .anyMatch(s -> s.contains("Zzsame"))
        .anyMatch(s -> s.contains("Zzother"));
  }

  @Test
  void twoCurrentEncountersAreOfferedNewestFirstAndTheChoiceContinues() throws Exception {
    LookupResult r = lookup.byPatientIdentifier(MRN, SyntheticEhr.TWO_ENCOUNTERS_MRN);
    assertThat(r).isInstanceOf(LookupResult.Choose.class);
    List<LookupResult.Candidate> c = ((LookupResult.Choose) r).candidates();
    assertThat(c).hasSize(2);
    assertThat(c.get(0).shown()).contains("Intensive Care Unit");

    LookupResult chosen = lookup.byEncounterId(c.get(0).encounterId());
    assertThat(((LookupResult.Found) chosen).context().admissionId().value())
        .isEqualTo("DEMO-V0004B");
  }

  @Test
  void aMergedRecordIsFollowedToTheSurvivorAndSaidSo() throws Exception {
    LookupResult r = lookup.byPatientIdentifier(MRN, SyntheticEhr.MERGED_MRN);
    assertThat(r).isInstanceOf(LookupResult.Found.class);
    LookupResult.Found f = (LookupResult.Found) r;
    assertThat(f.context().patientId().value()).isEqualTo(SyntheticEhr.SURVIVOR_MRN);
    assertThat(f.warnings())
        .singleElement()
        .asString()
        .contains("was merged into the record with MRN " + SyntheticEhr.SURVIVOR_MRN);
  }

  @Test
  void aFinishedEncounterNeedsAnOverrideAndAPatientWithoutACurrentOneIsNotGuessed()
      throws Exception {
    LookupResult byVisit = lookup.byEncounterIdentifier(VISIT, SyntheticEhr.FINISHED_VISIT, null);
    assertThat(byVisit).isInstanceOf(LookupResult.Found.class);
    assertThat(((LookupResult.Found) byVisit).overrideNeeded()).isTrue();
    assertThat(((LookupResult.Found) byVisit).warnings().get(0)).contains("finished, not current");

    LookupResult byWristband = lookup.byPatientIdentifier(MRN, SyntheticEhr.DISCHARGED_MRN);
    assertThat(byWristband).isInstanceOf(LookupResult.NotFound.class);
    assertThat(((LookupResult.NotFound) byWristband).searched()).contains("no current encounter");
  }

  @Test
  void twoLookupsOnOneContextKeepTheirOwnTimeouts() throws Exception {
    try (DemoFhirServer slow =
        DemoFhirServer.start(FHIR, SyntheticEhr.resources(), List.of(new Slow()))) {
      FhirEncounterLookup impatient =
          new FhirEncounterLookup(FHIR, slow.baseUrl(), Duration.ofMillis(500), null);
      FhirEncounterLookup patient =
          new FhirEncounterLookup(FHIR, slow.baseUrl(), Duration.ofSeconds(60), null);

      assertThatThrownBy(() -> impatient.byPatientIdentifier(MRN, "DEMO-000001"))
          .as("the lookup built first keeps its 0.5 s")
          .hasMessageContaining("did not answer in time");
      assertThat(patient.byPatientIdentifier(MRN, "DEMO-000001"))
          .as("the lookup built second keeps its 60 s")
          .isInstanceOf(LookupResult.Found.class);
    }
  }

  @Test
  void everyFailureOfTheEhrIsAClearMessage() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    FhirEncounterLookup down =
        new FhirEncounterLookup(
            FHIR, "http://127.0.0.1:" + closed + "/fhir", Duration.ofSeconds(2), null);
    assertThatThrownBy(() -> down.byPatientIdentifier(MRN, "DEMO-000001"))
        .isInstanceOf(LookupException.class)
        .hasMessageContaining("cannot be reached");

    try (DemoFhirServer locked =
        DemoFhirServer.start(FHIR, SyntheticEhr.resources(), List.of(new RequireToken("s3cret")))) {
      FhirEncounterLookup noToken =
          new FhirEncounterLookup(FHIR, locked.baseUrl(), Duration.ofSeconds(5), null);
      assertThatThrownBy(() -> noToken.byPatientIdentifier(MRN, "DEMO-000001"))
          .hasMessageContaining("refused our credentials (HTTP 401)");
      FhirEncounterLookup withToken =
          new FhirEncounterLookup(
              FHIR,
              locked.baseUrl(),
              Duration.ofSeconds(5),
              new BearerTokenAuthInterceptor("s3cret"));
      assertThat(withToken.byPatientIdentifier(MRN, "DEMO-000001"))
          .isInstanceOf(LookupResult.Found.class);
    }

    try (DemoFhirServer broken =
        DemoFhirServer.start(FHIR, SyntheticEhr.resources(), List.of(new Fail()))) {
      FhirEncounterLookup failing =
          new FhirEncounterLookup(FHIR, broken.baseUrl(), Duration.ofSeconds(5), null);
      assertThatThrownBy(() -> failing.byPatientIdentifier(MRN, "DEMO-000001"))
          .hasMessageContaining("failed (HTTP 500)");
    }

    try (DemoFhirServer slow =
        DemoFhirServer.start(FHIR, SyntheticEhr.resources(), List.of(new Slow()))) {
      FhirEncounterLookup impatient =
          new FhirEncounterLookup(FHIR, slow.baseUrl(), Duration.ofMillis(500), null);
      assertThatThrownBy(() -> impatient.byPatientIdentifier(MRN, "DEMO-000001"))
          .hasMessageContaining("did not answer in time");
    }

    try (DemoFhirServer flaky =
        DemoFhirServer.start(FHIR, SyntheticEhr.resources(), List.of(new FailFirst()))) {
      FhirEncounterLookup retrying =
          new FhirEncounterLookup(FHIR, flaky.baseUrl(), Duration.ofSeconds(5), null);
      assertThat(retrying.byPatientIdentifier(MRN, "DEMO-000001"))
          .as("a 503 is tried again once")
          .isInstanceOf(LookupResult.Found.class);
    }

    try (DemoFhirServer garbled =
        DemoFhirServer.start(FHIR, SyntheticEhr.resources(), List.of(new NotFhir()))) {
      FhirEncounterLookup confused =
          new FhirEncounterLookup(FHIR, garbled.baseUrl(), Duration.ofSeconds(5), null);
      assertThatThrownBy(() -> confused.byPatientIdentifier(MRN, "DEMO-000001"))
          .hasMessageContaining("not valid FHIR");
    }

    FhirEncounterLookup wrongPath =
        new FhirEncounterLookup(FHIR, ehr.baseUrl() + "/nothing-here", Duration.ofSeconds(5), null);
    assertThatThrownBy(() -> wrongPath.byPatientIdentifier(MRN, "DEMO-000001"))
        .isInstanceOf(LookupException.class)
        .hasMessageContaining("HTTP 404");

    try (DemoFhirServer forbidding =
        DemoFhirServer.start(FHIR, SyntheticEhr.resources(), List.of(new Forbid()))) {
      FhirEncounterLookup notAllowed =
          new FhirEncounterLookup(FHIR, forbidding.baseUrl(), Duration.ofSeconds(5), null);
      assertThatThrownBy(() -> notAllowed.byPatientIdentifier(MRN, "DEMO-000001"))
          .hasMessageContaining("does not allow this station to read patients (HTTP 403)");
    }
  }

  /** Counts the requests the server gets. */
  public static final class Count {
    final java.util.concurrent.atomic.AtomicInteger n =
        new java.util.concurrent.atomic.AtomicInteger();

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED)
    public void count() {
      n.incrementAndGet();
    }
  }

  /** The server side of a bearer token check, as an EHR's gateway does it. */
  public static final class RequireToken {
    private final String token;

    RequireToken(String token) {
      this.token = token;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED)
    public void check(HttpServletRequest request) {
      if (!("Bearer " + token).equals(request.getHeader("Authorization"))) {
        throw new AuthenticationException("token required");
      }
    }
  }

  /** An EHR that knows the station but does not let it read patients. */
  public static final class Forbid {
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED)
    public void forbid() {
      throw new ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException("no access");
    }
  }

  /** An EHR with an internal error. */
  public static final class Fail {
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED)
    public void fail() {
      throw new InternalErrorException("database unavailable");
    }
  }

  /** An EHR whose gateway is unavailable for the first request only. */
  public static final class FailFirst {
    private final java.util.concurrent.atomic.AtomicBoolean failed =
        new java.util.concurrent.atomic.AtomicBoolean();

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED)
    public void failOnce() {
      if (failed.compareAndSet(false, true)) {
        throw new ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException(
            503, "gateway busy");
      }
    }
  }

  /** A proxy in front of the EHR that answers with something that is not FHIR. */
  public static final class NotFhir {
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
    public boolean answer(
        HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
        throws java.io.IOException {
      response.setStatus(200);
      response.setContentType("application/fhir+json");
      response.getWriter().write("{\"resourceType\": \"Bundle\", \"entry\": 7 <html>");
      return false;
    }
  }

  /** An EHR that answers after 2 s. */
  public static final class Slow {
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED)
    public void slow() throws InterruptedException {
      Thread.sleep(2000);
    }
  }
}
