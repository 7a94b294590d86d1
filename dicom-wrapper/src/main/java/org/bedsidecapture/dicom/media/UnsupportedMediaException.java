package org.bedsidecapture.dicom.media;

/**
 * A media file that cannot be wrapped as it is: the message says what is wrong and, where there is
 * one, what to do instead. It names no patient data.
 */
public class UnsupportedMediaException extends Exception {
  private static final long serialVersionUID = 1L;

  public UnsupportedMediaException(String message) {
    super(message);
  }

  public UnsupportedMediaException(String message, Throwable cause) {
    super(message, cause);
  }
}
