package org.bedsidecapture.dicom.media;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of MP4 clips: the box structure (sizes, nesting, 64-bit sizes), the H.264
 * parameter sets, the sample tables: each input is prepared or refused with its reason, never
 * anything else (see {@link FuzzedMedia}). Seeds and every finding, kept as a regression, are in
 * {@code Mp4FuzzTestInputs/}.
 */
class Mp4FuzzTest {
  @FuzzTest
  void clipsFromOutside(byte[] content) throws Exception {
    FuzzedMedia.preparedOrRefused(content);
  }
}
