package org.bedsidecapture.app.ui;

import org.bedsidecapture.dicom.PersonName;

/** A person's name as the screens write it: FAMILY, Given. */
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
}
