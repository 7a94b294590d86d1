package org.bedsidecapture.dicom.media;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Turns a clip that DICOM cannot carry as it is (a phone's Baseline, 10-bit, rotated or variable
 * rate video) into one it can: H.264 High profile within level 4.1/4.2, 8-bit 4:2:0, upright, at a
 * constant rate, keeping the clip's creation time. Encoding needs a codec library, which the DICOM
 * module does not have; the app supplies one.
 */
@FunctionalInterface
public interface ClipReencoder {
  /**
   * Writes the re-encoded clip into {@code scratch} and returns it; the caller deletes it.
   *
   * @throws IOException when the clip cannot be decoded or the result cannot be written
   */
  Path reencode(Path clip, Path scratch) throws IOException;
}
