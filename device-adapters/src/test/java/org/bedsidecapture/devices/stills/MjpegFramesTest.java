package org.bedsidecapture.devices.stills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.bedsidecapture.devices.synthetic.TestPattern;
import org.junit.jupiter.api.Test;

class MjpegFramesTest {
  private static final int W = 320;
  private static final int H = 240;

  private static byte[] jpeg() throws IOException {
    return new ImageIoJpegEncoder().encode(TestPattern.bars(W, H, 3), W, H);
  }

  /** The frame as many UVC cameras send it: the same JPEG with its DHT segments left out. */
  private static byte[] withoutHuffmanTables(byte[] jpeg) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    int i = 2;
    while (true) {
      int marker = jpeg[i + 1] & 0xFF;
      if (marker == 0xDA) {
        out.write(jpeg, i, jpeg.length - i);
        return out.toByteArray();
      }
      int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
      if (marker != 0xC4) {
        out.write(jpeg, i, 2 + length);
      }
      i += 2 + length;
    }
  }

  private static int[] pixels(byte[] jpeg) throws IOException {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
    return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
  }

  @Test
  void aCompleteJpegFrameIsKeptByteForByte() throws Exception {
    byte[] jpeg = jpeg();
    assertThat(MjpegFrames.asJpeg(jpeg)).isSameAs(jpeg);
  }

  @Test
  void aFrameWithoutHuffmanTablesGetsTheStandardOnesAndTheSamePicture() throws Exception {
    byte[] complete = jpeg();
    byte[] frame = withoutHuffmanTables(complete);
    assertThat(MjpegFrames.hasHuffmanTables(frame)).isFalse();

    byte[] fixed = MjpegFrames.asJpeg(frame);

    assertThat(MjpegFrames.hasHuffmanTables(fixed)).isTrue();
    assertThat(pixels(fixed)).isEqualTo(pixels(complete));
  }

  @Test
  void somethingThatIsNotJpegIsRefused() {
    assertThatThrownBy(() -> MjpegFrames.asJpeg(new byte[] {1, 2, 3, 4, 5}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not JPEG");
  }

  @Test
  void bothEncodersWriteJpegsOfTheSamePicture() throws Exception {
    int[] rgb = TestPattern.bars(W, H, 5);
    JpegEncoder turbo = TurboJpegEncoder.load().orElseThrow();
    int[] a = pixels(turbo.encode(rgb, W, H));
    int[] b = pixels(new ImageIoJpegEncoder().encode(rgb, W, H));
    long diff = 0;
    for (int i = 0; i < a.length; i++) {
      diff += Math.abs((a[i] >> 8 & 0xFF) - (b[i] >> 8 & 0xFF));
    }
    assertThat((double) diff / a.length).isLessThan(2.0);
    assertThat(JpegEncoder.fastest().name()).startsWith("libjpeg-turbo");
  }
}
