package org.bedsidecapture.dicom;

import java.nio.file.Path;

/**
 * A capture that could not become a DICOM object, with a one-line reason for the user. Nothing was
 * written for it; the media file is untouched.
 */
public class CaptureRejectedException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Path media;

  public CaptureRejectedException(Path media, String reason, Throwable cause) {
    super(reason, cause);
    this.media = media;
  }

  public Path media() {
    return media;
  }
}
