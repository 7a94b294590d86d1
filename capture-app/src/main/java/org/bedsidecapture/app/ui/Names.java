package org.bedsidecapture.app.ui;

import org.bedsidecapture.dicom.PersonName;

/**
 * How the screens write a person's name (FAMILY, Given), a date and a body site (in the screens'
 * language; the objects keep the catalogue's English Code Meaning), and a length of time (m:ss).
 */
final class Names {
  private Names() {}

  static String shown(PersonName n) {
    String family = n.family() == null ? "" : n.family().toUpperCase(java.util.Locale.ROOT);
    String given = n.given() == null ? "" : n.given();
    if (family.isEmpty()) {
      return given;
    }
    return given.isEmpty() ? family : family + ", " + given;
  }

  static String clock(java.time.Duration d) {
    return String.format("%d:%02d", d.toMinutes(), d.toSecondsPart());
  }

  static String site(org.bedsidecapture.dicom.BodySite site) {
    java.util.ResourceBundle names =
        java.util.ResourceBundle.getBundle(
            "org.bedsidecapture.app.ui.body_sites", java.util.Locale.getDefault());
    return names.containsKey(site.snomedId()) ? names.getString(site.snomedId()) : site.meaning();
  }

  /** A date as the screens' language writes it, the month in words where it has them. */
  static String date(java.time.LocalDate date) {
    return date.format(
        java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
            .withLocale(java.util.Locale.getDefault()));
  }
}
