package org.bedsidecapture.dicom.media;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Differential fuzzing of the photo check: on any bytes that {@link JpegStream} takes as a baseline
 * JPEG (what reaches the check when a photo is read), {@link JpegEntropy} and a full decoder
 * (ImageIO, its warnings failures) must agree whether the picture decodes — the check accepts
 * nothing ImageIO refuses, and refuses what ImageIO takes only where it is deliberately stricter
 * (see {@link #deliberatelyStricter}). Seeds: small photos of each layout, among them noisy ones
 * whose blocks run to their last coefficient, in {@code JpegEntropyFuzzTestInputs/}.
 */
class JpegEntropyFuzzTest {
  /** Larger pictures add nothing to the coding the check walks, only ImageIO's time. */
  private static final long MAX_PIXELS = 256 * 256;

  @FuzzTest
  void checkAgreesWithAFullDecoder(byte[] content) {
    byte[] jpeg;
    try {
      JpegStream stream = JpegStream.parse(content);
      stream.requireBaseline();
      if ((long) stream.rows() * stream.columns() > MAX_PIXELS) {
        return;
      }
      jpeg = stream.cleaned();
    } catch (UnsupportedMediaException notABaselineJpeg) {
      return;
    }
    String ours;
    try {
      if (!JpegEntropy.decodes(jpeg)) {
        return;
      }
      ours = null;
    } catch (UnsupportedMediaException refused) {
      ours = refused.getMessage();
    }
    String full;
    try {
      WholeJpeg.requireDecodedByImageIo(jpeg);
      full = null;
    } catch (UnsupportedMediaException refused) {
      full = refused.getMessage();
    }
    if (ours == null && full != null) {
      throw new AssertionError("the check took a picture ImageIO refuses: " + full);
    }
    if (ours != null && full == null && !deliberatelyStricter(ours)) {
      throw new AssertionError("the check refused a picture ImageIO decodes: " + ours);
    }
  }

  /**
   * Where the check refuses more than ImageIO: bytes left over after a scan's last block, and a
   * Huffman table used but never defined, for which ImageIO falls back to the example tables of the
   * JPEG standard's Annex K — the interchange format DICOM carries must define every table before
   * its use, and libjpeg refuses such a stream.
   */
  private static boolean deliberatelyStricter(String refusal) {
    return refusal.contains("bytes are left over after the last block")
        || refusal.contains("a Huffman table that was never defined");
  }
}
