package org.bedsidecapture.app.service;

import java.util.ArrayList;
import java.util.List;
import org.bedsidecapture.app.barcode.BarcodeRejectedException;
import org.bedsidecapture.app.barcode.BarcodeRules;
import org.bedsidecapture.app.barcode.IdentifierQuery;
import org.bedsidecapture.app.fhir.FhirEncounterLookup;
import org.bedsidecapture.app.fhir.LookupException;
import org.bedsidecapture.app.settings.Archive;
import org.bedsidecapture.dicom.delivery.DicomDestination;

/**
 * An installer's Test connection, for the command line and (later) the settings screen alike: each
 * archive asked whether it answers, the EHR asked what it is, a sample barcode tried against the
 * site's rules — each answered in plain words, with what to fix when it fails.
 */
public final class StationCheck {
  /** One thing tried and what came of it. */
  public record Finding(String what, boolean ok, String said) {}

  private StationCheck() {}

  /** C-ECHO to every DICOM archive; a DICOMweb archive is listed, not yet tried. */
  public static List<Finding> archives(List<Archive> archives, ArchiveDelivery delivery) {
    List<Finding> found = new ArrayList<>();
    for (int i = 0; i < archives.size(); i++) {
      Archive a = archives.get(i);
      String what = "archive." + (i + 1) + " " + a.url();
      if (a.web()) {
        found.add(new Finding(what, true, "a DICOMweb archive: tried by its first delivery"));
        continue;
      }
      String problem = delivery.echo(DicomDestination.parse(a.url()));
      found.add(
          problem == null
              ? new Finding(what, true, "answers (C-ECHO)")
              : new Finding(
                  what,
                  false,
                  problem
                      + " — check host, port and its AE title, and that the archive knows this"
                      + " station as "
                      + delivery.aeTitle()));
    }
    return found;
  }

  /** The EHR's CapabilityStatement: reached, authorised, FHIR. */
  public static Finding ehr(String baseUrl, FhirEncounterLookup lookup) {
    String what = "fhir.base-url " + baseUrl;
    try {
      return new Finding(what, true, "answers: " + lookup.metadata());
    } catch (LookupException e) {
      return new Finding(what, false, e.getMessage());
    }
  }

  /** What a sample barcode becomes under the site's rules, or why it is refused. */
  public static Finding barcode(BarcodeRules rules, String sample) {
    String what = "barcode '" + sample + "'";
    try {
      IdentifierQuery q = rules.resolve(sample);
      return new Finding(
          what,
          true,
          switch (q.kind()) {
                case PATIENT_MRN -> "an MRN";
                case ENCOUNTER_VISIT -> "a visit number";
                case ACCESSION -> "an accession number";
                case STAFF_BADGE -> "a staff badge";
              }
              + " '"
              + q.value()
              + "'"
              + (q.system() == null ? "" : " in system " + q.system()));
    } catch (BarcodeRejectedException e) {
      return new Finding(what, false, e.getMessage());
    }
  }
}
