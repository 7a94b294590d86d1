package org.bedsidecapture.dicom;

import java.util.List;
import java.util.Objects;

/** A person's name in its parts, as both FHIR HumanName and DICOM PN have them. */
public record PersonName(String family, String given, String middle, String prefix, String suffix) {

  public PersonName {
    family = Text.blankToNull(family);
    given = Text.blankToNull(given);
    middle = Text.blankToNull(middle);
    prefix = Text.blankToNull(prefix);
    suffix = Text.blankToNull(suffix);
  }

  public static PersonName of(String family, String given) {
    return new PersonName(family, given, null, null, null);
  }

  /** A name given as one free-text string, kept whole as family name. */
  public static PersonName unstructured(String text) {
    return new PersonName(text, null, null, null, null);
  }

  /**
   * Parses a name typed as DICOM writes it ({@code Family^Given^Middle^Prefix^Suffix}); text
   * without a caret is kept whole as the family name.
   */
  public static PersonName parse(String text) {
    String[] p = text.split("\\^", -1);
    return new PersonName(p[0], at(p, 1), at(p, 2), at(p, 3), at(p, 4));
  }

  private static String at(String[] parts, int i) {
    return i < parts.length ? parts[i] : null;
  }

  public boolean isEmpty() {
    return family == null && given == null && middle == null && prefix == null && suffix == null;
  }

  /**
   * The DICOM PN alphabetic group: {@code family^given^middle^prefix^suffix}, trailing empties cut;
   * a family name alone keeps its delimiter ({@code root^}), which marks it as the family name: a
   * PN without any caret is the retired free-text form, which validators flag (a login name as the
   * operator, a patient known by one name).
   */
  public String toDicom() {
    List<String> parts =
        List.of(orEmpty(family), orEmpty(given), orEmpty(middle), orEmpty(prefix), orEmpty(suffix));
    int last = parts.size();
    while (last > 0 && parts.get(last - 1).isEmpty()) {
      last--;
    }
    return last == 1 ? parts.get(0) + "^" : String.join("^", parts.subList(0, last));
  }

  private static String orEmpty(String s) {
    return Objects.requireNonNullElse(s, "");
  }
}
