package org.bedsidecapture.app.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.bedsidecapture.dicom.EncounterContext;
import org.hl7.fhir.r4.model.Bundle;

/** Reads an encounter context from a FHIR R4 Bundle file (JSON), with HAPI's parser. */
public final class FhirBundleReader {
  private final FhirContext fhir;
  private final FhirEncounterMapper mapper = new FhirEncounterMapper();

  public FhirBundleReader(FhirContext fhir) {
    this.fhir = fhir;
  }

  public EncounterContext read(Path file) throws EncounterContextException {
    Bundle bundle;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      bundle =
          fhir.newJsonParser()
              .setOverrideResourceIdWithBundleEntryFullUrl(false)
              .parseResource(Bundle.class, r);
    } catch (NoSuchFileException e) {
      throw new EncounterContextException(file + ": no such file");
    } catch (IOException e) {
      throw new EncounterContextException(file + ": cannot be read: " + e.getMessage(), e);
    } catch (DataFormatException | ClassCastException e) {
      throw new EncounterContextException(
          file + ": not a FHIR R4 Bundle in JSON: " + firstLine(e.getMessage()), e);
    } catch (RuntimeException e) {
      // HAPI's JSON parser fails on some malformed input with other exceptions (found by fuzzing:
      // a property with an empty name gives StringIndexOutOfBoundsException).
      throw new EncounterContextException(
          file + ": not a FHIR R4 Bundle in JSON (the FHIR parser could not read it)", e);
    }
    try {
      return mapper.fromBundle(bundle);
    } catch (EncounterContextException e) {
      throw new EncounterContextException(file + ": " + e.getMessage(), e);
    }
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
