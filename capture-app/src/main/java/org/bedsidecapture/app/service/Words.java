package org.bedsidecapture.app.service;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Words for people, from a resource bundle in the language the station speaks (the JVM's default
 * locale, which the site's {@code ui.language} sets), blanks filled for that locale.
 */
public final class Words {
  private Words() {}

  /** The text for {@code key} in {@code bundleName}, with {@code args} in its blanks. */
  public static String from(String bundleName, String key, Object... args) {
    ResourceBundle bundle = ResourceBundle.getBundle(bundleName, Locale.getDefault());
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
  }
}
