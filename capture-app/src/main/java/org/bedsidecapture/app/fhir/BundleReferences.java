package org.bedsidecapture.app.fhir;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Resolves a reference to another entry of the same Bundle the way FHIR R4 defines it
 * (bundle.html#references): an absolute reference ({@code urn:uuid:}, {@code urn:oid:} or a RESTful
 * URL) names the entry whose {@code fullUrl} it is; a relative one ({@code Patient/123}) names the
 * entry of that type and id, or whose RESTful {@code fullUrl} ends in it (a relative {@code
 * fullUrl}, which some exports write, is taken as that entry's type and id). Versions ({@code
 * /_history/N}) are ignored. What resolves to no entry is not in the Bundle: never guessed.
 */
final class BundleReferences {
  private final List<Bundle.BundleEntryComponent> entries;

  BundleReferences(Bundle bundle) {
    this.entries = bundle.getEntry().stream().filter(e -> e.getResource() != null).toList();
  }

  /** The entry's resource that {@code reference} names, if the Bundle holds it. */
  Optional<Resource> resolve(Reference reference) {
    if (reference == null || !reference.hasReference()) {
      return Optional.empty();
    }
    IdType target = new IdType(reference.getReference()).toVersionless();
    return entries.stream().filter(e -> names(target, e)).map(e -> e.getResource()).findFirst();
  }

  /** The {@code fullUrl} an entry is known by, without its version, or null. */
  static String fullUrlOf(Bundle.BundleEntryComponent entry) {
    return entry.hasFullUrl() ? new IdType(entry.getFullUrl()).toVersionless().getValue() : null;
  }

  private static boolean names(IdType target, Bundle.BundleEntryComponent entry) {
    String fullUrl = fullUrlOf(entry);
    if (target.isUrn() || target.isAbsolute()) {
      return target.getValue().equals(fullUrl);
    }
    Resource r = entry.getResource();
    String type = r.fhirType();
    if (!type.equals(target.getResourceType()) || !target.hasIdPart()) {
      return false;
    }
    String relative = type + "/" + target.getIdPart();
    if (fullUrl != null && new IdType(fullUrl).isAbsolute()) {
      return fullUrl.endsWith("/" + relative);
    }
    return relative.equals(fullUrl)
        || (r.hasIdElement() && target.getIdPart().equals(r.getIdElement().getIdPart()));
  }
}
