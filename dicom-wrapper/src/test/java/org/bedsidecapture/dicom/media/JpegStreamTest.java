package org.bedsidecapture.dicom.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bedsidecapture.dicom.testing.TestMedia;
import org.junit.jupiter.api.Test;

class JpegStreamTest {
  @Test
  void keepsOnlyTablesFrameAndScansAndDropsEverythingAfterTheImage() throws Exception {
    byte[] plain = TestMedia.jpeg(64, 48);
    ByteArrayOutputStream withTrailer = new ByteArrayOutputStream();
    withTrailer.writeBytes(
        TestMedia.withSegments(
            plain,
            TestMedia.exifSegment(6, "2026:01:02 03:04:05", "+02:00", "Make", "Model"),
            TestMedia.comment("comment"),
            TestMedia.segment(0xED, "Photoshop 3.0\0IPTC".getBytes(StandardCharsets.ISO_8859_1))));
    withTrailer.writeBytes(
        "SAMSUNG-TRAILER with a second image".getBytes(StandardCharsets.ISO_8859_1));

    JpegStream jpeg = JpegStream.parse(withTrailer.toByteArray());

    byte[] cleaned = jpeg.cleaned();
    assertThat(jpeg.rows()).isEqualTo(48);
    assertThat(jpeg.columns()).isEqualTo(64);
    assertThat(jpeg.components()).isEqualTo(3);
    assertThat(jpeg.exif()).isNotNull();
    String text = new String(cleaned, StandardCharsets.ISO_8859_1);
    assertThat(text)
        .doesNotContain("Exif")
        .doesNotContain("comment")
        .doesNotContain("Photoshop")
        .doesNotContain("SAMSUNG")
        .doesNotContain("JFIF");
    assertThat(cleaned[0] & 0xFF).isEqualTo(0xFF);
    assertThat(cleaned[1] & 0xFF).isEqualTo(0xD8);
    assertThat(cleaned[cleaned.length - 2] & 0xFF).isEqualTo(0xFF);
    assertThat(cleaned[cleaned.length - 1] & 0xFF).isEqualTo(0xD9);
    // the entropy-coded data is the same bytes, untouched
    int sos = indexOf(plain, 0xFF, 0xDA);
    assertThat(indexOfArray(cleaned, Arrays.copyOfRange(plain, sos, plain.length))).isPositive();
    JpegStream.parse(cleaned).requireBaseline();
  }

  @Test
  void joinsIccProfileChunksInSequenceOrder() throws Exception {
    byte[] first = chunk(1, 2, "first-half|");
    byte[] second = chunk(2, 2, "second-half");
    JpegStream jpeg =
        JpegStream.parse(TestMedia.withSegments(TestMedia.jpeg(16, 16), second, first));
    assertThat(new String(jpeg.iccProfile(), StandardCharsets.ISO_8859_1))
        .isEqualTo("first-half|second-half");
  }

  @Test
  void findsTheEndOfScansWithStuffedBytesAndRestartMarkers() throws Exception {
    byte[] scan = {
      (byte) 0xFF, 0x00, 0x12, (byte) 0xFF, (byte) 0xD0, 0x34, (byte) 0xFF, (byte) 0xFF, (byte) 0xD9
    };
    byte[] minimal = new byte[40];
    byte[] header = {
      (byte) 0xFF,
      (byte) 0xD8,
      (byte) 0xFF,
      (byte) 0xC0,
      0,
      11,
      8,
      0,
      1,
      0,
      1,
      1,
      1,
      0x11,
      0,
      (byte) 0xFF,
      (byte) 0xDA,
      0,
      8,
      1,
      1,
      0,
      0,
      0x3F,
      0
    };
    System.arraycopy(header, 0, minimal, 0, header.length);
    System.arraycopy(scan, 0, minimal, header.length, scan.length);
    byte[] file = Arrays.copyOf(minimal, header.length + scan.length);

    JpegStream jpeg = JpegStream.parse(file);

    assertThat(jpeg.cleaned()).isEqualTo(file);
  }

  @Test
  void refusesWhatIsNotAWholeJpeg() {
    assertThatThrownBy(() -> JpegStream.parse(new byte[] {1, 2, 3, 4, 5}))
        .hasMessageContaining("not a JPEG");
    byte[] jpeg;
    try {
      jpeg = TestMedia.jpeg(64, 64);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    for (int cut : new int[] {3, 20, jpeg.length / 2, jpeg.length - 1}) {
      assertThatThrownBy(() -> JpegStream.parse(Arrays.copyOf(jpeg, cut)))
          .as("cut at %d", cut)
          .isInstanceOf(UnsupportedMediaException.class)
          .hasMessageContaining("truncated JPEG");
    }
  }

  private static byte[] chunk(int seq, int count, String data) {
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    p.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1));
    p.write(seq);
    p.write(count);
    p.writeBytes(data.getBytes(StandardCharsets.ISO_8859_1));
    return TestMedia.segment(0xE2, p.toByteArray());
  }

  private static int indexOf(byte[] data, int a, int b) {
    for (int i = 0; i + 1 < data.length; i++) {
      if ((data[i] & 0xFF) == a && (data[i + 1] & 0xFF) == b) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOfArray(byte[] data, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= data.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (data[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
