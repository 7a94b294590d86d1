package org.bedsidecapture.app.settings;

/** A site setting with a value the app cannot use; the message names the key and the file. */
public class SettingsException extends Exception {
  private static final long serialVersionUID = 1L;

  public SettingsException(String message) {
    super(message);
  }
}
