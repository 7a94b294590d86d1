package org.bedsidecapture.app.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The screens' words, from the resource bundle of the user's language. */
final class Texts {
  static final String BUNDLE = "org.bedsidecapture.app.ui.messages";

  private Texts() {}

  /** The text for {@code key}, its {0}, {1}… filled with {@code args}. */
  static String t(String key, Object... args) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.getDefault());
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
  }
}
