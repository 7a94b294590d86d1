package org.bedsidecapture.dicom.media;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of PNG, TIFF, BMP and GIF images: headers, sizes, chunks, colour models:
 * each input is prepared or refused with its reason, never anything else (see {@link FuzzedMedia}).
 * Seeds and every finding, kept as a regression, are in {@code LosslessImageFuzzTestInputs/}.
 */
class LosslessImageFuzzTest {
  @FuzzTest
  void losslessImagesFromOutside(byte[] content) throws Exception {
    FuzzedMedia.preparedOrRefused(content);
  }
}
