package org.bedsidecapture.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonNameTest {
  @Test
  void aFamilyNameAloneKeepsItsDelimiterSoItIsNotTheRetiredFreeTextForm() {
    assertThat(PersonName.parse("root").toDicom()).isEqualTo("root^");
    assertThat(PersonName.unstructured("Zzdoe").toDicom()).isEqualTo("Zzdoe^");
  }

  @Test
  void trailingEmptyPartsAreCutAndInteriorOnesKept() {
    assertThat(PersonName.of("Zztest", "Alice").toDicom()).isEqualTo("Zztest^Alice");
    assertThat(new PersonName("Zzdoctor", "Rita", null, "Dr", null).toDicom())
        .isEqualTo("Zzdoctor^Rita^^Dr");
    assertThat(PersonName.of(null, "Alice").toDicom()).isEqualTo("^Alice");
    assertThat(PersonName.parse(PersonName.parse("root").toDicom()))
        .isEqualTo(PersonName.parse("root"));
  }
}
