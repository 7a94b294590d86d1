package org.bedsidecapture.app.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FhirContextsTest {
  @Test
  void oneContextWarmedOnceInTheBackground() {
    var first = FhirContexts.warmInBackground();
    assertThat(FhirContexts.warmInBackground()).isSameAs(first);
    assertThat(FhirContexts.shared()).isSameAs(first.join());
    assertThat(FhirContexts.shared().getResourceTypes()).contains("Encounter");
  }
}
