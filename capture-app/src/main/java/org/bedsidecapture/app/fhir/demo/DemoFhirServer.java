package org.bedsidecapture.app.fhir.demo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * The demo's EHR: a HAPI FHIR RESTful server in this process, on loopback, holding synthetic
 * patients, encounters, orders, practitioners and organisations in memory. It answers the reads and
 * searches the encounter lookup makes, with {@code _include} and {@code _revinclude}, the way an
 * EHR's FHIR API does. Also the tests' FHIR peer.
 */
public final class DemoFhirServer implements AutoCloseable {
  private final Server jetty;
  private final Map<String, Resource> resources = new LinkedHashMap<>();

  private DemoFhirServer(Server jetty) {
    this.jetty = jetty;
  }

  /**
   * Starts the server on a free loopback port.
   *
   * @param interceptors HAPI server interceptors (authorisation, faults in tests), may be empty
   */
  public static DemoFhirServer start(
      FhirContext fhir, Collection<? extends Resource> seed, List<Object> interceptors)
      throws Exception {
    Server jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
    DemoFhirServer server = new DemoFhirServer(jetty);
    for (Resource r : seed) {
      server.resources.put(key(r.fhirType(), r.getIdElement().getIdPart()), r);
    }
    RestfulServer restful = new RestfulServer(fhir);
    restful.registerProviders(
        server.new PatientProvider(),
        server.new EncounterProvider(),
        server.new ServiceRequestProvider(),
        server.new ReadOnly<>(Organization.class),
        server.new ReadOnly<>(Practitioner.class));
    for (Object i : interceptors) {
      restful.registerInterceptor(i);
    }
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(restful), "/fhir/*");
    jetty.setHandler(context);
    jetty.start();
    return server;
  }

  /** The FHIR base URL, {@code http://127.0.0.1:PORT/fhir}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + jetty.getURI().getPort() + "/fhir";
  }

  @Override
  public void close() throws Exception {
    jetty.stop();
  }

  private static String key(String type, String id) {
    return type + "/" + id;
  }

  private synchronized <T extends Resource> List<T> all(Class<T> type) {
    return resources.values().stream().filter(type::isInstance).map(type::cast).toList();
  }

  private synchronized Resource get(String reference) {
    return resources.get(reference);
  }

  private <T extends Resource> T read(Class<T> type, IIdType id) {
    Resource r = get(key(type.getSimpleName(), id.getIdPart()));
    if (!type.isInstance(r)) {
      throw new ResourceNotFoundException(id);
    }
    return type.cast(r);
  }

  private static boolean hasIdentifier(List<Identifier> ids, TokenParam wanted) {
    return ids.stream()
        .anyMatch(
            i ->
                wanted.getValue().equals(i.getValue())
                    && (wanted.getSystem() == null || wanted.getSystem().equals(i.getSystem())));
  }

  private static boolean refersTo(Reference ref, String reference) {
    return ref != null && reference.equals(ref.getReference());
  }

  private static boolean wants(Set<Include> includes, String name) {
    return includes != null && includes.stream().anyMatch(i -> i.getValue().equals(name));
  }

  /** Adds the resource a reference names to the answer, marked as included, once. */
  private void include(List<IBaseResource> answer, Reference ref) {
    if (ref == null || !ref.hasReference()) {
      return;
    }
    Resource r = get(ref.getReference());
    if (r != null) {
      included(answer, r);
    }
  }

  /**
   * Adds a copy of the resource marked as included, unless the answer has it already. Copies,
   * because the search mode is kept on the resource and the stored ones are shared by requests.
   */
  private static void included(List<IBaseResource> answer, Resource r) {
    boolean there =
        answer.stream()
            .anyMatch(a -> a.getIdElement().toUnqualifiedVersionless().getValue().equals(ref(r)));
    if (!there) {
      Resource copy = r.copy();
      ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(copy, BundleEntrySearchModeEnum.INCLUDE);
      answer.add(copy);
    }
  }

  private static <T extends Resource> List<IBaseResource> matches(List<T> found) {
    List<IBaseResource> answer = new ArrayList<>();
    for (T r : found) {
      Resource copy = r.copy();
      ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(copy, BundleEntrySearchModeEnum.MATCH);
      answer.add(copy);
    }
    return answer;
  }

  private static String ref(Resource r) {
    return key(r.fhirType(), r.getIdElement().getIdPart());
  }

  final class ReadOnly<T extends Resource> implements IResourceProvider {
    private final Class<T> type;

    ReadOnly(Class<T> type) {
      this.type = type;
    }

    @Override
    public Class<T> getResourceType() {
      return type;
    }

    @Read
    public T read(@IdParam IdType id) {
      return DemoFhirServer.this.read(type, id);
    }
  }

  final class PatientProvider implements IResourceProvider {
    @Override
    public Class<Patient> getResourceType() {
      return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id) {
      return DemoFhirServer.this.read(Patient.class, id);
    }

    /**
     * Patient?identifier=system|value, or by _id, or by family and given name (starting with, any
     * case) and birth date; with _revinclude=Encounter:subject (or :patient).
     */
    @Search
    public List<IBaseResource> search(
        @OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
        @OptionalParam(name = "_id") TokenParam id,
        @OptionalParam(name = Patient.SP_FAMILY) ca.uhn.fhir.rest.param.StringParam family,
        @OptionalParam(name = Patient.SP_GIVEN) ca.uhn.fhir.rest.param.StringParam given,
        @OptionalParam(name = Patient.SP_BIRTHDATE) ca.uhn.fhir.rest.param.DateParam born,
        @IncludeParam(
                reverse = true,
                allow = {"Encounter:subject", "Encounter:patient"})
            Set<Include> revIncludes) {
      List<Patient> found =
          all(Patient.class).stream()
              .filter(p -> identifier == null || hasIdentifier(p.getIdentifier(), identifier))
              .filter(p -> id == null || p.getIdPart().equals(id.getValue()))
              .filter(
                  p ->
                      family == null
                          || p.getName().stream()
                              .anyMatch(n -> startsWith(n.getFamily(), family.getValue())))
              .filter(
                  p ->
                      given == null
                          || p.getName().stream()
                              .anyMatch(
                                  n ->
                                      n.getGiven().stream()
                                          .anyMatch(
                                              g -> startsWith(g.getValue(), given.getValue()))))
              .filter(
                  p ->
                      born == null
                          || (p.hasBirthDate()
                              && p.getBirthDateElement()
                                  .getValueAsString()
                                  .equals(born.getValueAsString())))
              .toList();
      List<IBaseResource> answer = matches(found);
      if (wants(revIncludes, "Encounter:subject") || wants(revIncludes, "Encounter:patient")) {
        for (Patient p : found) {
          for (Encounter e : all(Encounter.class)) {
            if (refersTo(e.getSubject(), ref(p))) {
              included(answer, e);
            }
          }
        }
      }
      return answer;
    }
  }

  private static boolean startsWith(String value, String prefix) {
    return value != null
        && value
            .toLowerCase(java.util.Locale.ROOT)
            .startsWith(prefix.toLowerCase(java.util.Locale.ROOT));
  }

  final class EncounterProvider implements IResourceProvider {
    @Override
    public Class<Encounter> getResourceType() {
      return Encounter.class;
    }

    @Read
    public Encounter read(@IdParam IdType id) {
      return DemoFhirServer.this.read(Encounter.class, id);
    }

    /**
     * Encounter?identifier=… or ?patient=…&status=…, or ?_id=…; with _include of subject,
     * service-provider and participant, and _revinclude=ServiceRequest:encounter (which brings each
     * order's requester along).
     */
    @Search
    public List<IBaseResource> search(
        @OptionalParam(name = Encounter.SP_IDENTIFIER) TokenParam identifier,
        @OptionalParam(name = Encounter.SP_PATIENT) ReferenceParam patient,
        @OptionalParam(name = Encounter.SP_STATUS) TokenOrListParam status,
        @OptionalParam(name = "_id") TokenParam id,
        @IncludeParam(
                allow = {
                  "Encounter:subject",
                  "Encounter:patient",
                  "Encounter:service-provider",
                  "Encounter:participant"
                })
            Set<Include> includes,
        @IncludeParam(
                reverse = true,
                allow = {"ServiceRequest:encounter"})
            Set<Include> revIncludes) {
      Predicate<Encounter> wanted =
          e ->
              (identifier == null || hasIdentifier(e.getIdentifier(), identifier))
                  && (patient == null || refersTo(e.getSubject(), "Patient/" + patient.getIdPart()))
                  && (id == null || id.getValue().equals(e.getIdElement().getIdPart()))
                  && (status == null
                      || status.getValuesAsQueryTokens().stream()
                          .anyMatch(t -> t.getValue().equals(e.getStatus().toCode())));
      List<Encounter> found = all(Encounter.class).stream().filter(wanted).toList();
      List<IBaseResource> answer = matches(found);
      for (Encounter e : found) {
        if (wants(includes, "Encounter:subject") || wants(includes, "Encounter:patient")) {
          include(answer, e.getSubject());
        }
        if (wants(includes, "Encounter:service-provider")) {
          include(answer, e.getServiceProvider());
        }
        if (wants(includes, "Encounter:participant")) {
          e.getParticipant().forEach(p -> include(answer, p.getIndividual()));
        }
        if (wants(revIncludes, "ServiceRequest:encounter")) {
          for (ServiceRequest sr : all(ServiceRequest.class)) {
            if (refersTo(sr.getEncounter(), ref(e))) {
              included(answer, sr);
              include(answer, sr.getRequester());
            }
          }
        }
      }
      return answer;
    }
  }

  final class ServiceRequestProvider implements IResourceProvider {
    @Override
    public Class<ServiceRequest> getResourceType() {
      return ServiceRequest.class;
    }

    /** ServiceRequest?identifier=… (accession), with _include of encounter and subject. */
    @Search
    public List<IBaseResource> byIdentifier(
        @OptionalParam(name = ServiceRequest.SP_IDENTIFIER) TokenParam identifier,
        @IncludeParam(allow = {"ServiceRequest:encounter", "ServiceRequest:subject"})
            Set<Include> includes) {
      List<ServiceRequest> found =
          all(ServiceRequest.class).stream()
              .filter(sr -> identifier == null || hasIdentifier(sr.getIdentifier(), identifier))
              .toList();
      List<IBaseResource> answer = matches(found);
      for (ServiceRequest sr : found) {
        if (wants(includes, "ServiceRequest:encounter")) {
          include(answer, sr.getEncounter());
        }
        if (wants(includes, "ServiceRequest:subject")) {
          include(answer, sr.getSubject());
        }
      }
      return answer;
    }

    @Read
    public ServiceRequest read(@IdParam IdType id) {
      return DemoFhirServer.this.read(ServiceRequest.class, id);
    }
  }
}
