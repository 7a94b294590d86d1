package org.bedsidecapture.app.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The screens' words, from the resource bundle of the user's language. */
final class Texts {
  private static final ResourceBundle BUNDLE =
      ResourceBundle.getBundle("org.bedsidecapture.app.ui.messages", Locale.getDefault());

  private Texts() {}

  /** The text for {@code key}, its {0}, {1}… filled with {@code args}. */
  static String t(String key, Object... args) {
    String pattern = BUNDLE.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, BUNDLE.getLocale()).format(args);
  }
}
