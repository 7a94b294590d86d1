package org.bedsidecapture.app.ui;

import org.bedsidecapture.app.service.Words;

/** The screens' words, from the resource bundle of the user's language. */
final class Texts {
  static final String BUNDLE = "org.bedsidecapture.app.ui.messages";

  private Texts() {}

  /** The text for {@code key}, its {0}, {1}… filled with {@code args}. */
  static String t(String key, Object... args) {
    return Words.from(BUNDLE, key, args);
  }
}
