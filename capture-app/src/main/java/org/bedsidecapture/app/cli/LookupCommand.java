package org.bedsidecapture.app.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.bedsidecapture.app.AppContext;
import org.bedsidecapture.app.barcode.BarcodeRejectedException;
import org.bedsidecapture.app.barcode.IdentifierQuery;
import org.bedsidecapture.app.fhir.LookupException;
import org.bedsidecapture.app.fhir.LookupResult;
import org.bedsidecapture.app.service.EncounterFinder;
import org.bedsidecapture.app.settings.SettingsException;
import org.bedsidecapture.app.settings.SiteSettings;
import org.bedsidecapture.dicom.EncounterContext;
import org.bedsidecapture.dicom.Identifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A barcode (or a wristband and then an encounter or order label) through the site's rules and the
 * EHR, printed as JSON: the encounter context with what the user confirms, or the choice, the
 * not-found or the stop the lookup came to.
 */
@Command(
    name = "lookup",
    mixinStandardHelpOptions = true,
    description = {
      "Resolve a barcode through the site's rules and the EHR's FHIR API; print JSON.",
      "Give the wristband first and an encounter or order label second to have them checked",
      "against each other. Exit: 0 found, 3 a choice to make, 4 not found, 5 stop,",
      "1 the EHR failed, 2 bad arguments, settings or barcode."
    })
final class LookupCommand implements Callable<Integer> {
  private final AppContext app;

  LookupCommand(AppContext app) {
    this.app = app;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--fhir", paramLabel = "URL", description = "FHIR base (default: settings).")
  String fhirBase;

  @Parameters(arity = "1..2", paramLabel = "BARCODE", description = "What the scanner read.")
  List<String> barcodes;

  @Override
  public Integer call() {
    app.fhir(); // starts building HAPI's context while the barcodes are read
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SiteSettings settings;
    IdentifierQuery first;
    IdentifierQuery second = null;
    try {
      settings = app.settings();
      first = settings.barcodeRules().resolve(barcodes.get(0));
      if (barcodes.size() == 2) {
        second = settings.barcodeRules().resolve(barcodes.get(1));
      }
    } catch (SettingsException | BarcodeRejectedException e) {
      err.println("lookup: " + e.getMessage());
      return 2;
    }
    String base = fhirBase != null ? fhirBase : settings.fhirBaseUrl();
    if (base == null) {
      err.println("lookup: no FHIR server: give --fhir URL or set fhir.base-url in the settings");
      return 2;
    }
    if (second != null && first.kind() != IdentifierQuery.Kind.PATIENT_MRN) {
      err.println("lookup: with two barcodes, the first must be the wristband (an MRN)");
      return 2;
    }
    EncounterFinder finder;
    try {
      finder = app.encounterFinder(base);
    } catch (SettingsException | IOException e) {
      err.println("lookup: " + e.getMessage());
      return 2;
    }
    LookupResult result;
    try {
      result =
          finder.byQuery(second != null ? second : first, second != null ? first.value() : null);
    } catch (LookupException e) {
      err.println("lookup: " + e.getMessage());
      return 1;
    }
    out.println(new GsonBuilder().setPrettyPrinting().create().toJson(json(result)));
    out.flush();
    if (result instanceof LookupResult.Found) {
      return 0;
    }
    if (result instanceof LookupResult.Choose) {
      return 3;
    }
    return result instanceof LookupResult.NotFound ? 4 : 5;
  }

  private static JsonObject json(LookupResult result) {
    JsonObject o = new JsonObject();
    if (result instanceof LookupResult.Found f) {
      o.addProperty("result", "found");
      o.addProperty("confirm", f.confirmation());
      o.addProperty("overrideNeeded", f.overrideNeeded());
      JsonArray warnings = new JsonArray();
      f.warnings().forEach(warnings::add);
      o.add("warnings", warnings);
      o.add("context", json(f.context()));
    } else if (result instanceof LookupResult.Choose c) {
      o.addProperty("result", "choose");
      o.addProperty("why", c.why());
      JsonArray candidates = new JsonArray();
      for (LookupResult.Candidate k : c.candidates()) {
        JsonObject j = new JsonObject();
        j.addProperty("shown", k.shown());
        j.addProperty("patientId", k.patientId());
        j.addProperty("encounterId", k.encounterId());
        candidates.add(j);
      }
      o.add("candidates", candidates);
    } else if (result instanceof LookupResult.NotFound n) {
      o.addProperty("result", "not-found");
      o.addProperty("searched", n.searched());
    } else if (result instanceof LookupResult.Stop s) {
      o.addProperty("result", "stop");
      o.addProperty("reason", s.reason());
    }
    return o;
  }

  private static JsonObject json(EncounterContext c) {
    JsonObject o = new JsonObject();
    o.add("patientId", json(c.patientId()));
    JsonArray others = new JsonArray();
    c.otherPatientIds().forEach(i -> others.add(json(i)));
    o.add("otherPatientIds", others);
    o.addProperty("patientName", c.patientName().toDicom());
    o.addProperty("birthDate", c.birthDate() == null ? null : c.birthDate().toString());
    o.addProperty("sex", c.sex() == null ? null : c.sex().name());
    o.add("admissionId", json(c.admissionId()));
    o.add("accession", json(c.accession()));
    o.addProperty(
        "referringPhysician",
        c.referringPhysician() == null ? null : c.referringPhysician().toDicom());
    o.addProperty("institution", c.institution() == null ? null : c.institution().name());
    o.addProperty("studyInstanceUid", c.studyInstanceUid());
    o.addProperty("reasonForVisit", c.reasonForVisit());
    return o;
  }

  private static JsonObject json(Identifier i) {
    if (i == null) {
      return null;
    }
    JsonObject o = new JsonObject();
    o.addProperty("value", i.value());
    o.addProperty("issuer", i.issuer() == null ? null : i.issuer().localNamespace());
    o.addProperty("issuerUniversalId", i.issuer() == null ? null : i.issuer().universalEntityId());
    o.addProperty("type", i.typeCode());
    return o;
  }
}
