package org.bedsidecapture.dicom.media;

/**
 * A media file that cannot be wrapped as it is: the message says what is wrong and, where there is
 * one, what to do instead. It names no patient data.
 */
public class UnsupportedMediaException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean reencodable;

  public UnsupportedMediaException(String message) {
    this(message, false);
  }

  private UnsupportedMediaException(String message, boolean reencodable) {
    super(message);
    this.reencodable = reencodable;
  }

  /**
   * A clip whose stream DICOM cannot carry as it is (profile, level, bit depth, rotation, variable
   * rate, codec), which a {@link ClipReencoder} can turn into one it can.
   */
  static UnsupportedMediaException needsReencoding(String message) {
    return new UnsupportedMediaException(message, true);
  }

  /** Whether re-encoding the clip would make it wrappable. */
  public boolean reencodable() {
    return reencodable;
  }

  public UnsupportedMediaException(String message, Throwable cause) {
    super(message, cause);
    this.reencodable = false;
  }
}
