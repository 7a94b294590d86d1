package org.bedsidecapture.app.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the encounter Bundles {@code wrap} reads (an EHR export, a file an
 * interface engine wrote): each is mapped to an encounter context or refused with its reason
 * ({@link EncounterContextException}); anything else thrown, or a hang, is a defect. Seeds and
 * every finding, kept as a regression, are in {@code FhirBundleFuzzTestInputs/}.
 */
class FhirBundleFuzzTest {
  private static final FhirBundleReader READER = new FhirBundleReader(FhirContext.forR4Cached());

  @FuzzTest
  void bundlesFromOutside(byte[] json) throws Exception {
    Path file = Files.createTempFile("fuzzed-bundle", ".json");
    try {
      Files.write(file, json);
      READER.read(file);
    } catch (EncounterContextException refused) {
      if (refused.getMessage() == null || refused.getMessage().isBlank()) {
        throw new AssertionError("refused without a reason", refused);
      }
    } finally {
      Files.delete(file);
    }
  }
}
