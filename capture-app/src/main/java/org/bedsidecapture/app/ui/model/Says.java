package org.bedsidecapture.app.ui.model;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The models' words — what is under way, what went wrong and what to do — from the resource bundle
 * of the screens' language; {@link #from} serves the screens' own bundle the same way.
 */
public final class Says {
  static final String BUNDLE = "org.bedsidecapture.app.ui.model.says";

  private Says() {}

  static String t(String key, Object... args) {
    return from(BUNDLE, key, args);
  }

  /** The text for {@code key} in {@code bundle} of the screens' language, blanks filled. */
  public static String from(String bundleName, String key, Object... args) {
    ResourceBundle bundle = ResourceBundle.getBundle(bundleName, Locale.getDefault());
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
  }
}
