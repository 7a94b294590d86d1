package org.bedsidecapture.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodySiteCatalogueTest {
  private final BodySiteCatalogue catalogue = BodySiteCatalogue.standard();

  @Test
  void usesCurrentSnomedCodesOnly() {
    // replaced CID 4031 codes (dicom3tools condn.tpl): Abdomen, Chest, Pelvis
    assertThat(catalogue.bySnomedId("113345001")).isEmpty();
    assertThat(catalogue.bySnomedId("51185008")).isEmpty();
    assertThat(catalogue.bySnomedId("12921003")).isEmpty();
    assertThat(catalogue.bySnomedId("818981001"))
        .get()
        .extracting(BodySite::meaning)
        .isEqualTo("Abdomen");
    assertThat(catalogue.all()).allMatch(s -> s.code().scheme().equals("SCT"));
  }

  @Test
  void knowsWhichSitesArePaired() {
    assertThat(catalogue.bySnomedId("72696002").orElseThrow().paired()).isTrue();
    assertThat(catalogue.bySnomedId("54735007").orElseThrow().paired()).isFalse();
    assertThat(catalogue.bySnomedId(" 14975008 ")).isPresent();
    assertThat(catalogue.bySnomedId("0")).isEmpty();
    assertThat(catalogue.all()).hasSizeGreaterThan(40);
  }
}
