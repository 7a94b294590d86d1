package org.bedsidecapture.dicom.media;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.bedsidecapture.dicom.testing.TestMedia;
import org.junit.jupiter.api.Test;

/**
 * Photos kept as they are must be pictures: a frame header that lies about the size, and entropy
 * data cut short or damaged behind an intact marker structure, are refused with the reason.
 */
class WholeJpegTest {
  @Test
  void aFrameHeaderClaimingMorePixelsThanAnyCameraMakesIsRefused() throws Exception {
    byte[] forged = withSize(TestMedia.jpeg(16, 16), 65500, 65500);

    assertThatThrownBy(() -> PhotoReader.read(forged, java.time.ZoneOffset.UTC))
        .isInstanceOf(UnsupportedMediaException.class)
        .hasMessageContaining("JPEG claims 65500 x 65500 pixels, more than any camera");
  }

  @Test
  void aFrameHeaderClaimingMoreThanItsDataHoldsIsRefused() throws Exception {
    byte[] forged = withSize(TestMedia.jpeg(16, 16), 4000, 3000);

    assertThatThrownBy(() -> PhotoReader.read(forged, java.time.ZoneOffset.UTC))
        .isInstanceOf(UnsupportedMediaException.class)
        .hasMessageStartingWith("damaged JPEG: its picture does not decode");
  }

  @Test
  void entropyDataCutShortBeforeTheEndMarkerIsRefused() throws Exception {
    byte[] whole = TestMedia.jpeg(640, 480);
    int sos = indexOf(whole, 0xFF, 0xDA);
    ByteArrayOutputStream cut = new ByteArrayOutputStream();
    cut.write(whole, 0, sos + (whole.length - sos) / 2);
    cut.write(0xFF);
    cut.write(0xD9);

    assertThatThrownBy(() -> WholeJpeg.require(cut.toByteArray()))
        .isInstanceOf(UnsupportedMediaException.class)
        .hasMessageStartingWith("damaged JPEG: its picture does not decode whole");
  }

  @Test
  void aWholePhotoPasses() throws Exception {
    assertThatCode(() -> WholeJpeg.require(TestMedia.jpeg(640, 480))).doesNotThrowAnyException();
    assertThatCode(() -> PhotoReader.read(TestMedia.jpeg(64, 48), java.time.ZoneOffset.UTC))
        .doesNotThrowAnyException();
  }

  /** The JPEG with its baseline frame header's size replaced, and nothing else changed. */
  private static byte[] withSize(byte[] jpeg, int width, int height) {
    byte[] b = Arrays.copyOf(jpeg, jpeg.length);
    int sof = indexOf(b, 0xFF, 0xC0);
    b[sof + 5] = (byte) (height >> 8);
    b[sof + 6] = (byte) height;
    b[sof + 7] = (byte) (width >> 8);
    b[sof + 8] = (byte) width;
    return b;
  }

  private static int indexOf(byte[] b, int first, int second) {
    for (int i = 0; i + 1 < b.length; i++) {
      if ((b[i] & 0xFF) == first && (b[i + 1] & 0xFF) == second) {
        return i;
      }
    }
    throw new IllegalArgumentException("marker not found");
  }
}
