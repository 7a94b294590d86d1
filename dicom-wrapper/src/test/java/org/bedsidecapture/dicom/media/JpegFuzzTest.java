package org.bedsidecapture.dicom.media;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of JPEG photos: the marker structure, EXIF, ICC chunks, the frame header
 * and the entropy-coded data (decoded whole before it is kept): each input is prepared or refused
 * with its reason, never anything else (see {@link FuzzedMedia}). Seeds and every finding, kept as
 * a regression, are in {@code JpegFuzzTestInputs/}.
 */
class JpegFuzzTest {
  @FuzzTest
  void photosFromOutside(byte[] content) throws Exception {
    FuzzedMedia.preparedOrRefused(content);
  }
}
