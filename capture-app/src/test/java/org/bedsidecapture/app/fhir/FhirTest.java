package org.bedsidecapture.app.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FhirTest {
  @Test
  void eachAppHasItsOwnContextWarmedOnceInTheBackground() {
    Fhir app = Fhir.warmingInBackground();
    Fhir other = Fhir.warmingInBackground();

    assertThat(app.context()).isSameAs(app.context());
    assertThat(app.context().getResourceTypes()).contains("Encounter");
    assertThat(other.context()).isNotSameAs(app.context());
  }
}
