package org.bedsidecapture.app.ui.model;

import org.bedsidecapture.app.service.Words;

/**
 * The models' words — what is under way, what went wrong and what to do — from the resource bundle
 * of the screens' language.
 */
public final class Says {
  static final String BUNDLE = "org.bedsidecapture.app.ui.model.says";

  private Says() {}

  static String t(String key, Object... args) {
    return Words.from(BUNDLE, key, args);
  }
}
