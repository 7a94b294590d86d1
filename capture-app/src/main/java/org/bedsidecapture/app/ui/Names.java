package org.bedsidecapture.app.ui;

import org.bedsidecapture.dicom.PersonName;

/** How the screens write a person's name (FAMILY, Given) and a length of time (m:ss). */
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
}
