package org.bedsidecapture.dicom.iod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bedsidecapture.dicom.InvalidValueException;
import org.junit.jupiter.api.Test;

class DatasetTest {
  private final Dataset d = new Dataset();

  @Test
  void limitsAreInCharactersNotBytes() {
    d.put(Tags.StationName, "SH", "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠ", "Station Name");
    assertThat(d.get(Tags.StationName)).isEqualTo("ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠ");
    assertThatThrownBy(() -> d.put(Tags.StationName, "SH", "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡ", "Station Name"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("Station Name is 17 characters long; DICOM allows at most 16");
  }

  @Test
  void personNamesCountEachComponentGroup() {
    String family = "F".repeat(40);
    d.put(Tags.PatientName, "PN", family + "^" + "G".repeat(23), "Patient's Name");
    assertThatThrownBy(
            () -> d.put(Tags.PatientName, "PN", family + "^" + "G".repeat(24), "Patient's Name"))
        .hasMessageContaining("Patient's Name is 65 characters long");
  }

  @Test
  void refusesBackslashesAndControlCharacters() {
    assertThatThrownBy(() -> d.put(Tags.PatientID, "LO", "A\\B", "Patient ID"))
        .hasMessageContaining("backslash");
    assertThatThrownBy(() -> d.put(Tags.PatientID, "LO", "A\nB", "Patient ID"))
        .hasMessageContaining("control characters");
  }

  @Test
  void parsesTagsAsPs36WritesThem() {
    assertThat(Tags.parse("(0038,0010)")).isEqualTo(Tags.AdmissionID);
    assertThatThrownBy(() -> Tags.parse("0038,0010")).hasMessageContaining("is not a tag");
  }
}
