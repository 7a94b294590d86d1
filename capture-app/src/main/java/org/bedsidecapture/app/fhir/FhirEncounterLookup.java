package org.bedsidecapture.app.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.client.apache.ApacheHttpRequest;
import ca.uhn.fhir.rest.client.apache.ApacheRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.gclient.IQuery;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.apache.http.client.config.RequestConfig;
import org.bedsidecapture.dicom.delivery.Tls;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Turns what a barcode identifies (a patient's MRN, or an encounter's visit number) into an
 * encounter context from the EHR's FHIR R4 API, in as few round trips as it can ({@code _include}
 * and {@code _revinclude}): two for a wristband, one for an encounter barcode. It never picks for
 * the user: several matching patients, or several current encounters, come back as a choice; a
 * merged record is followed and said so; an encounter that is not current needs an override; an
 * encounter of another patient than the wristband's is a hard stop.
 */
public final class FhirEncounterLookup {
  /** Encounter statuses that count as "the patient is here now". */
  static final Set<EncounterStatus> CURRENT =
      Set.of(
          EncounterStatus.INPROGRESS,
          EncounterStatus.ARRIVED,
          EncounterStatus.TRIAGED,
          EncounterStatus.ONLEAVE);

  private final IGenericClient client;
  private final String server;
  private final int retries;
  private final Tls tls;
  private final Duration timeout;
  private final FhirEncounterMapper mapper = new FhirEncounterMapper();

  /**
   * @param fhir the app's one FhirContext (expensive to build; see {@code FhirContexts})
   * @param auth adds the Authorization header; null for none
   */
  public FhirEncounterLookup(
      FhirContext fhir, String baseUrl, Duration timeout, IClientInterceptor auth) {
    this(fhir, baseUrl, timeout, auth, 1, null);
  }

  /**
   * @param timeout for connecting and for each answer; this lookup's own, whatever other lookups on
   *     the same context use
   * @param retries how many times a read is tried again after the EHR could not be reached or
   *     answered 502, 503 or 504 (reads are safe to repeat)
   * @param tls for an https EHR: the authorities the station trusts, its own certificate where the
   *     EHR wants one, BCP 195's protocols and suites; null for the JDK's defaults
   */
  public FhirEncounterLookup(
      FhirContext fhir,
      String baseUrl,
      Duration timeout,
      IClientInterceptor auth,
      int retries,
      Tls tls) {
    this.retries = retries;
    this.tls = tls;
    this.timeout = timeout;
    if (tls != null) {
      routeTls(fhir);
    }
    ApacheRestfulClientFactory factory = new ApacheRestfulClientFactory(fhir);
    factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
    this.client = factory.newGenericClient(baseUrl);
    client.registerInterceptor(new Timeouts(timeout));
    if (auth != null) {
      client.registerInterceptor(auth);
    }
    this.server = baseUrl;
  }

  /**
   * This lookup's timeouts, set on each of its requests. HAPI takes every request's HTTP client
   * from the context's one client factory, whose timeouts would be every lookup's; a request's own
   * configuration overrides them for that request only.
   */
  private static final class Timeouts implements IClientInterceptor {
    private final RequestConfig config;

    Timeouts(Duration timeout) {
      int millis = (int) timeout.toMillis();
      this.config =
          RequestConfig.custom()
              .setConnectTimeout(millis)
              .setConnectionRequestTimeout(millis)
              .setSocketTimeout(millis)
              .build();
    }

    @Override
    public void interceptRequest(IHttpRequest request) {
      if (request instanceof ApacheHttpRequest apache) {
        apache.getApacheRequest().setConfig(config);
      }
    }

    @Override
    public void interceptResponse(IHttpResponse response) {}
  }

  /** A wristband: the patient by MRN, then their current encounter. */
  public LookupResult byPatientIdentifier(String system, String value) throws LookupException {
    Bundle found =
        call(
            () ->
                client
                    .search()
                    .forResource(Patient.class)
                    .where(Patient.IDENTIFIER.exactly().systemAndIdentifier(system, value))
                    .revInclude(Encounter.INCLUDE_SUBJECT)
                    .returnBundle(Bundle.class)
                    .execute());
    List<Patient> patients = matches(found, Patient.class);
    if (patients.isEmpty()) {
      return new LookupResult.NotFound("no patient with MRN " + value + " (" + system + ")");
    }
    if (patients.size() > 1) {
      List<LookupResult.Candidate> candidates = new ArrayList<>();
      for (Patient p : patients) {
        candidates.add(new LookupResult.Candidate(shown(p), p.getIdPart(), null));
      }
      return new LookupResult.Choose(
          patients.size()
              + " patients carry MRN "
              + value
              + ": check the wristband and choose, or ask registration",
          candidates);
    }
    return forPatient(patients.get(0), all(found, Encounter.class), value);
  }

  /**
   * A chosen patient (a {@link LookupResult.Candidate} without an encounter): their current
   * encounter, as for a wristband.
   */
  public LookupResult byPatientId(String patientId) throws LookupException {
    Bundle found =
        call(
            () ->
                client
                    .search()
                    .forResource(Patient.class)
                    .where(Patient.RES_ID.exactly().code(patientId))
                    .revInclude(Encounter.INCLUDE_SUBJECT)
                    .returnBundle(Bundle.class)
                    .execute());
    List<Patient> patients = matches(found, Patient.class);
    if (patients.isEmpty()) {
      return new LookupResult.NotFound("the chosen patient is no longer in the EHR");
    }
    Patient patient = patients.get(0);
    return forPatient(patient, all(found, Encounter.class), mrnOf(patient));
  }

  /**
   * The manual search: patients by family name (starting with), given name (starting with, may be
   * blank) and birth date. One match goes on as a wristband would; several are offered to choose
   * from; the search is never widened on its own.
   */
  public LookupResult byNameAndBirthDate(String family, String given, java.time.LocalDate born)
      throws LookupException {
    Bundle found =
        call(
            () -> {
              var query =
                  client
                      .search()
                      .forResource(Patient.class)
                      .where(Patient.FAMILY.matches().value(family.strip()))
                      .and(Patient.BIRTHDATE.exactly().day(born.toString()));
              if (given != null && !given.isBlank()) {
                query = query.and(Patient.GIVEN.matches().value(given.strip()));
              }
              return query
                  .revInclude(Encounter.INCLUDE_SUBJECT)
                  .returnBundle(Bundle.class)
                  .execute();
            });
    List<Patient> patients = matches(found, Patient.class);
    String searched =
        "no patient named "
            + family.strip()
            + (given == null || given.isBlank() ? "" : ", " + given.strip())
            + " born "
            + born;
    if (patients.isEmpty()) {
      return new LookupResult.NotFound(searched);
    }
    if (patients.size() > 1) {
      List<LookupResult.Candidate> candidates = new ArrayList<>();
      for (Patient p : patients) {
        candidates.add(new LookupResult.Candidate(shown(p), p.getIdPart(), null));
      }
      return new LookupResult.Choose(
          patients.size() + " patients match: compare the MRN with the wristband and choose",
          candidates);
    }
    Patient patient = patients.get(0);
    return forPatient(patient, all(found, Encounter.class), mrnOf(patient));
  }

  private LookupResult forPatient(Patient patient, List<Encounter> encounters, String value)
      throws LookupException {
    List<String> warnings = new ArrayList<>();
    Reference survivor = replacedBy(patient);
    boolean inactive = patient.hasActive() && !patient.getActive();
    if (inactive || survivor != null) {
      if (survivor == null) {
        return new LookupResult.Stop(
            "the record with MRN "
                + value
                + " is inactive and names no record that replaced it: ask registration");
      }
      String survivorId = survivor.getReferenceElement().getIdPart();
      Patient kept = call(() -> client.read().resource(Patient.class).withId(survivorId).execute());
      warnings.add(
          "the record with MRN "
              + value
              + " was merged into the record with MRN "
              + mrnOf(kept)
              + ": the images go to that record");
      patient = kept;
      String id = kept.getIdPart();
      encounters =
          all(
              call(
                  () ->
                      client
                          .search()
                          .forResource(Encounter.class)
                          .where(Encounter.PATIENT.hasId(id))
                          .returnBundle(Bundle.class)
                          .execute()),
              Encounter.class);
    }
    List<Encounter> current =
        encounters.stream()
            .filter(e -> CURRENT.contains(e.getStatus()))
            .sorted(Comparator.comparing(FhirEncounterLookup::started).reversed())
            .toList();
    if (current.isEmpty()) {
      return new LookupResult.NotFound(
          "no current encounter (in progress, arrived, triaged or on leave) for MRN "
              + mrnOf(patient)
              + ": scan the encounter barcode, or ask registration");
    }
    if (current.size() > 1) {
      List<LookupResult.Candidate> candidates = new ArrayList<>();
      for (Encounter e : current) {
        candidates.add(
            new LookupResult.Candidate(
                shown(patient) + " — " + shown(e), patient.getIdPart(), e.getIdPart()));
      }
      return new LookupResult.Choose(
          current.size() + " current encounters for this patient: choose one", candidates);
    }
    LookupResult result = byEncounterId(current.get(0).getIdPart());
    if (result instanceof LookupResult.Found f && !warnings.isEmpty()) {
      List<String> all = new ArrayList<>(warnings);
      all.addAll(f.warnings());
      return new LookupResult.Found(f.context(), all, f.overrideNeeded(), f.visit());
    }
    return result;
  }

  /**
   * An encounter barcode: the encounter by visit number with its patient, organisation,
   * participants and orders in one round trip.
   *
   * @param wristbandMrn the MRN of the wristband scanned before, or null: an encounter of another
   *     patient is then a hard stop
   */
  public LookupResult byEncounterIdentifier(String system, String value, String wristbandMrn)
      throws LookupException {
    Bundle found =
        call(
            () ->
                withContext(
                        client
                            .search()
                            .forResource(Encounter.class)
                            .where(
                                Encounter.IDENTIFIER.exactly().systemAndIdentifier(system, value)))
                    .returnBundle(Bundle.class)
                    .execute());
    List<Encounter> encounters = matches(found, Encounter.class);
    if (encounters.isEmpty()) {
      return new LookupResult.NotFound(
          "no encounter with visit number " + value + " (" + system + ")");
    }
    if (encounters.size() > 1) {
      List<LookupResult.Candidate> candidates = new ArrayList<>();
      for (Encounter e : encounters) {
        Patient p = resolve(found, e.getSubject(), Patient.class);
        candidates.add(
            new LookupResult.Candidate(
                (p == null ? "unknown patient" : shown(p)) + " — " + shown(e),
                p == null ? null : p.getIdPart(),
                e.getIdPart()));
      }
      return new LookupResult.Choose(
          encounters.size() + " encounters carry visit number " + value + ": choose one",
          candidates);
    }
    return context(found, encounters.get(0), wristbandMrn);
  }

  /**
   * An order's label: the order by accession number, then its encounter's context (two round
   * trips).
   */
  public LookupResult byAccession(String system, String value, String wristbandMrn)
      throws LookupException {
    Bundle found =
        call(
            () ->
                client
                    .search()
                    .forResource(ServiceRequest.class)
                    .where(ServiceRequest.IDENTIFIER.exactly().systemAndIdentifier(system, value))
                    .returnBundle(Bundle.class)
                    .execute());
    List<ServiceRequest> orders = matches(found, ServiceRequest.class);
    if (orders.isEmpty()) {
      return new LookupResult.NotFound(
          "no order with accession number " + value + " (" + system + ")");
    }
    if (orders.size() > 1) {
      return new LookupResult.Stop(
          orders.size() + " orders carry accession number " + value + ": ask the department");
    }
    Reference encounter = orders.get(0).getEncounter();
    if (encounter == null || !encounter.hasReference()) {
      return new LookupResult.NotFound(
          "the order with accession number " + value + " names no encounter: scan the wristband");
    }
    LookupResult result = byEncounterId(encounter.getReferenceElement().getIdPart());
    if (result instanceof LookupResult.Found f
        && wristbandMrn != null
        && !wristbandMrn.equals(f.context().patientId().value())
        && f.context().otherPatientIds().stream().noneMatch(i -> wristbandMrn.equals(i.value()))) {
      return new LookupResult.Stop(
          "this order belongs to another patient than the wristband scanned (MRN "
              + wristbandMrn
              + "): do not capture; check the patient and the order");
    }
    return result;
  }

  /** Continues with an encounter the user chose (its FHIR id), in one round trip. */
  public LookupResult byEncounterId(String encounterId) throws LookupException {
    Bundle found =
        call(
            () ->
                withContext(
                        client
                            .search()
                            .forResource(Encounter.class)
                            .where(Resource.RES_ID.exactly().code(encounterId)))
                    .returnBundle(Bundle.class)
                    .execute());
    List<Encounter> encounters = matches(found, Encounter.class);
    if (encounters.isEmpty()) {
      return new LookupResult.NotFound("encounter " + encounterId + " is no longer there");
    }
    return context(found, encounters.get(0), null);
  }

  /** Adds what an encounter's context needs: patient, organisation, participants, orders. */
  private static IQuery<IBaseBundle> withContext(IQuery<IBaseBundle> q) {
    return q.include(Encounter.INCLUDE_SUBJECT)
        .include(Encounter.INCLUDE_SERVICE_PROVIDER)
        .include(Encounter.INCLUDE_PARTICIPANT)
        .revInclude(ServiceRequest.INCLUDE_ENCOUNTER);
  }

  private LookupResult context(Bundle found, Encounter encounter, String wristbandMrn)
      throws LookupException {
    Patient patient = resolve(found, encounter.getSubject(), Patient.class);
    if (patient == null) {
      return new LookupResult.Stop(
          "the encounter names no patient the EHR returned: ask registration");
    }
    if (wristbandMrn != null
        && patient.getIdentifier().stream().noneMatch(i -> wristbandMrn.equals(i.getValue()))) {
      return new LookupResult.Stop(
          "this encounter belongs to another patient than the wristband scanned (MRN "
              + wristbandMrn
              + "): do not capture; check the patient and the encounter paperwork");
    }
    List<String> warnings = new ArrayList<>();
    boolean overrideNeeded = false;
    EncounterStatus status = encounter.getStatus();
    if (status == EncounterStatus.ENTEREDINERROR) {
      return new LookupResult.Stop("this encounter was entered in error: ask registration");
    }
    if (!CURRENT.contains(status)) {
      overrideNeeded = true;
      warnings.add(
          "this encounter is "
              + (status == null ? "without a status" : status.getDisplay().toLowerCase())
              + ", not current: capture only if you mean to add images to it");
    }
    List<ServiceRequest> orders =
        all(found, ServiceRequest.class).stream()
            .filter(sr -> sr.getStatus() == ServiceRequest.ServiceRequestStatus.ACTIVE)
            .toList();
    ServiceRequest order = orders.size() == 1 ? orders.get(0) : null;
    if (orders.size() > 1) {
      warnings.add(
          orders.size()
              + " active orders on this encounter: the images are filed without an accession"
              + " number");
    }
    Organization organization = resolve(found, encounter.getServiceProvider(), Organization.class);
    Practitioner referrer =
        order == null ? null : resolve(found, order.getRequester(), Practitioner.class);
    if (referrer == null) {
      referrer = resolve(found, FhirEncounterMapper.referrerOf(encounter), Practitioner.class);
    }
    try {
      return new LookupResult.Found(
          mapper.map(patient, encounter, order, organization, referrer),
          warnings,
          overrideNeeded,
          visit(encounter, order));
    } catch (EncounterContextException e) {
      throw new LookupException(e.getMessage(), e);
    }
  }

  private static LookupResult.Visit visit(Encounter e, ServiceRequest order) {
    String kind =
        e.getClass_().hasDisplay()
            ? e.getClass_().getDisplay()
            : e.getClass_().hasCode() ? e.getClass_().getCode() : null;
    String location =
        e.getLocation().isEmpty() ? null : e.getLocationFirstRep().getLocation().getDisplay();
    String start =
        e.getPeriod().hasStart() ? e.getPeriod().getStartElement().getValueAsString() : null;
    String what = null;
    if (order != null && order.hasCode()) {
      what =
          order.getCode().hasText()
              ? order.getCode().getText()
              : order.getCode().getCodingFirstRep().getDisplay();
    }
    return new LookupResult.Visit(kind, location, start, what);
  }

  /**
   * What the EHR says it is (its CapabilityStatement, {@code GET [base]/metadata}): FHIR version
   * and software, for an installer's Test connection; fails as a lookup would, in plain words.
   */
  public String metadata() throws LookupException {
    org.hl7.fhir.r4.model.CapabilityStatement cs =
        call(
            () ->
                client
                    .capabilities()
                    .ofType(org.hl7.fhir.r4.model.CapabilityStatement.class)
                    .execute());
    String software =
        cs.hasSoftware()
            ? cs.getSoftware().getName()
                + (cs.getSoftware().hasVersion() ? " " + cs.getSoftware().getVersion() : "")
            : "software not named";
    return "FHIR " + (cs.hasFhirVersion() ? cs.getFhirVersion().toCode() : "?") + ", " + software;
  }

  private interface Call<T> {
    T run();
  }

  /** Runs a request; every way it can fail becomes one message naming the server and what to do. */
  /**
   * Makes {@code fhir}'s HTTP client open its TLS connections through the routing context, so that
   * each request runs under its lookup's TLS settings: HAPI builds every request's client from the
   * context's one factory, not from the lookup's. A TLS connection is not kept for the next
   * request, which may run under other settings (Test connection's, as edited): each opens its own.
   */
  private static void routeTls(FhirContext fhir) {
    if (!(fhir.getRestfulClientFactory() instanceof ApacheRestfulClientFactory shared)) {
      throw new IllegalStateException("the FHIR context has no Apache HTTP client factory");
    }
    synchronized (shared) {
      if (ROUTED.contains(shared)) {
        return;
      }
      try {
        shared.setHttpClient(
            org.apache.http.impl.client.HttpClients.custom()
                .setSSLSocketFactory(
                    new org.apache.http.conn.ssl.SSLConnectionSocketFactory(
                        Tls.routing(), new org.apache.http.conn.ssl.DefaultHostnameVerifier()))
                .setConnectionReuseStrategy(
                    (response, context) ->
                        !org.apache.http.client.protocol.HttpClientContext.adapt(context)
                                .getHttpRoute()
                                .isSecure()
                            && org.apache.http.impl.DefaultConnectionReuseStrategy.INSTANCE
                                .keepAlive(response, context))
                .setMaxConnPerRoute(20)
                .setMaxConnTotal(20)
                .disableCookieManagement()
                .build());
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
      ROUTED.add(shared);
    }
  }

  /** The contexts whose HTTP client already routes TLS (set once each). */
  private static final java.util.Set<ApacheRestfulClientFactory> ROUTED =
      java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

  private <T> T call(Call<T> request) throws LookupException {
    for (int attempt = 0; ; attempt++) {
      try (Tls.Scope scope = tls == null ? null : tls.onThisThread(timeout)) {
        return request.run();
      } catch (BaseServerResponseException e) {
        boolean passing =
            !(e.getCause() instanceof SmartBackendAuth.SmartAuthException)
                && !(e.getCause() instanceof DataFormatException)
                && (e instanceof FhirClientConnectionException
                    || e.getStatusCode() == 502
                    || e.getStatusCode() == 503
                    || e.getStatusCode() == 504);
        if (!passing || attempt >= retries) {
          throw explain(e);
        }
        try {
          Thread.sleep(200L * (attempt + 1));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw explain(e);
        }
      } catch (RuntimeException e) {
        throw explain(e);
      } catch (java.io.IOException e) {
        throw new LookupException(
            "the EHR (" + server + ") cannot be used over TLS: " + e.getMessage(), e);
      }
    }
  }

  /** Every way a request can fail, as one message naming the server and what to do. */
  private LookupException explain(RuntimeException e) {
    Throwable cause = e.getCause();
    if (e instanceof SmartBackendAuth.SmartAuthException) {
      return new LookupException(e.getMessage(), e);
    }
    if (cause instanceof SmartBackendAuth.SmartAuthException) {
      return new LookupException(cause.getMessage(), cause);
    }
    if (e instanceof DataFormatException || cause instanceof DataFormatException) {
      return new LookupException(
          "the EHR (" + server + ") sent an answer that is not valid FHIR: call the EHR support",
          e);
    }
    String tls = Tls.explain(e);
    if (e instanceof FhirClientConnectionException && tls != null) {
      return new LookupException(
          "the EHR (" + server + ") cannot be used over TLS: " + tls + "; call IT", e);
    }
    if (e instanceof FhirClientConnectionException) {
      return new LookupException(
          String.valueOf(e.getMessage()).toLowerCase().contains("timed out")
              ? "the EHR (" + server + ") did not answer in time: try again"
              : "the EHR (" + server + ") cannot be reached: check the network, then try again",
          e);
    }
    if (e instanceof AuthenticationException) {
      return new LookupException(
          "the EHR (" + server + ") refused our credentials (HTTP 401): check the FHIR settings",
          e);
    }
    if (e instanceof ForbiddenOperationException) {
      return new LookupException(
          "the EHR (" + server + ") does not allow this station to read patients (HTTP 403)", e);
    }
    if (e instanceof ResourceNotFoundException) {
      return new LookupException(
          "the EHR (" + server + ") answered 'not found' (HTTP 404): is the FHIR URL right?", e);
    }
    if (e instanceof BaseServerResponseException r) {
      return new LookupException(
          "the EHR ("
              + server
              + ") failed (HTTP "
              + r.getStatusCode()
              + "): try again; if it goes on, call the EHR support",
          e);
    }
    return new LookupException("the lookup at the EHR (" + server + ") failed: " + e, e);
  }

  private static <T extends Resource> List<T> matches(Bundle b, Class<T> type) {
    return b.getEntry().stream()
        .filter(e -> !e.hasSearch() || e.getSearch().getMode() != Bundle.SearchEntryMode.INCLUDE)
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  private static <T extends Resource> List<T> all(Bundle b, Class<T> type) {
    return b.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  private static <T extends Resource> T resolve(Bundle b, Reference ref, Class<T> type) {
    if (ref == null || !ref.hasReference()) {
      return null;
    }
    String wanted = ref.getReferenceElement().toUnqualifiedVersionless().getValue();
    return all(b, type).stream()
        .filter(r -> r.getIdElement().toUnqualifiedVersionless().getValue().endsWith(wanted))
        .findFirst()
        .orElse(null);
  }

  private static Reference replacedBy(Patient p) {
    return p.getLink().stream()
        .filter(l -> l.getType() == Patient.LinkType.REPLACEDBY && l.hasOther())
        .map(Patient.PatientLinkComponent::getOther)
        .findFirst()
        .orElse(null);
  }

  private static String mrnOf(Patient p) {
    return p.getIdentifier().stream()
        .filter(i -> "MR".equals(FhirEncounterMapper.typeCode(i)))
        .findFirst()
        .or(() -> p.getIdentifier().stream().findFirst())
        .map(org.hl7.fhir.r4.model.Identifier::getValue)
        .orElse("?");
  }

  private static Date started(Encounter e) {
    return e.getPeriod().getStart() == null ? new Date(0) : e.getPeriod().getStart();
  }

  private static String shown(Patient p) {
    String name = p.getName().isEmpty() ? "(no name)" : p.getNameFirstRep().getNameAsSingleString();
    return name + ", born " + p.getBirthDateElement().getValueAsString() + ", MRN " + mrnOf(p);
  }

  private static String shown(Encounter e) {
    String where =
        e.getLocation().isEmpty()
            ? ""
            : " at " + e.getLocationFirstRep().getLocation().getDisplay();
    String since =
        e.getPeriod().hasStart()
            ? " since " + e.getPeriod().getStartElement().getValueAsString()
            : "";
    return (e.getClass_().hasDisplay() ? e.getClass_().getDisplay() : e.getClass_().getCode())
        + " encounter"
        + where
        + since
        + " ("
        + (e.getStatus() == null ? "no status" : e.getStatus().toCode())
        + ")";
  }
}
