package org.bedsidecapture.dicom.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.bedsidecapture.dicom.testing.TestMedia;
import org.junit.jupiter.api.Test;

/**
 * The entropy-coded data of sequential JPEGs is decoded block by block without pixels, and refuses
 * everything a full decoder (ImageIO, its warnings taken as failures) refuses: checked on whole
 * photos of every layout a camera writes (colour with subsampled chroma, grey, restart intervals)
 * and on a thousand damaged ones, each judged by both.
 */
class JpegEntropyTest {
  @Test
  void wholePhotosOfEveryLayoutDecode() throws Exception {
    for (byte[] jpeg :
        List.of(
            TestMedia.jpeg(640, 480),
            TestMedia.jpeg(333, 217),
            grey(401, 299),
            withRestartInterval(TestMedia.picture(640, 480, BufferedImage.TYPE_INT_RGB), 7),
            withRestartInterval(TestMedia.picture(97, 61, BufferedImage.TYPE_BYTE_GRAY), 1),
            noisy(640, 480, 1.0f),
            noisy(333, 217, 0.75f))) {
      assertThat(JpegEntropy.decodes(jpeg)).isTrue();
    }
  }

  @Test
  void aProgressiveJpegIsLeftToTheFullDecoder() throws Exception {
    byte[] progressive =
        TestMedia.jpeg(
            TestMedia.picture(320, 240, BufferedImage.TYPE_INT_RGB),
            p -> p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT));

    assertThat(JpegEntropy.decodes(progressive)).isFalse();
  }

  @Test
  void aScanCutShortAndRestartMarkersOutOfOrderAreNamed() throws Exception {
    byte[] whole = withRestartInterval(TestMedia.picture(640, 480, BufferedImage.TYPE_INT_RGB), 4);
    int sos = indexOf(whole, 0xFF, 0xDA, 0);
    byte[] cut = Arrays.copyOf(whole, sos + (whole.length - sos) / 2 + 2);
    cut[cut.length - 2] = (byte) 0xFF;
    cut[cut.length - 1] = (byte) 0xD9;
    int second = indexOf(whole, 0xFF, 0xD1, sos);
    byte[] swapped = whole.clone();
    swapped[second + 1] = (byte) 0xD5;

    assertThatThrownBy(() -> JpegEntropy.decodes(cut))
        .hasMessageStartingWith("damaged JPEG: its picture does not decode whole (");
    assertThatThrownBy(() -> JpegEntropy.decodes(swapped))
        .hasMessageContaining("restart marker 1 is missing or out of order");
  }

  /**
   * A photo without its quantization tables has well-formed entropy-coded data that no decoder can
   * turn into pixels (found by differential fuzzing against ImageIO).
   */
  @Test
  void aPhotoWithoutItsQuantizationTablesIsRefused() throws Exception {
    byte[] without = TestMedia.jpeg(64, 48);
    int sos = indexOf(without, 0xFF, 0xDA, 0);
    for (int dqt = indexOf(without, 0xFF, 0xDB, 0, -1);
        dqt >= 0 && dqt < sos;
        dqt = indexOf(without, 0xFF, 0xDB, 0, -1)) {
      int length = ((without[dqt + 2] & 0xFF) << 8) | (without[dqt + 3] & 0xFF);
      byte[] shorter = new byte[without.length - 2 - length];
      System.arraycopy(without, 0, shorter, 0, dqt);
      System.arraycopy(without, dqt + 2 + length, shorter, dqt, shorter.length - dqt);
      without = shorter;
      sos -= 2 + length;
    }
    byte[] noTables = without;

    assertThatThrownBy(() -> JpegEntropy.decodes(noTables))
        .hasMessageContaining("needs quantization table 0, which is not defined before its scan");
  }

  /**
   * Damaged copies of whole photos — bytes changed, cut short, bytes put in or taken out, in the
   * entropy-coded data and around it — are refused by this decoder whenever the full decoder
   * refuses them; it refuses more only where bytes are left over after a scan's last block (which
   * libjpeg lets pass when it had already read them ahead).
   */
  @Test
  void damagedPhotosAreRefusedExactlyWhenTheFullDecoderRefusesThem() throws Exception {
    Random random = new Random(20261203);
    List<String> disagreements = new ArrayList<>();
    int refused = 0;
    List<byte[]> originals =
        List.of(
            TestMedia.jpeg(160, 120),
            grey(120, 90),
            withRestartInterval(TestMedia.picture(160, 120, BufferedImage.TYPE_INT_RGB), 3),
            noisy(160, 120, 1.0f),
            noisy(120, 96, 0.8f));
    for (int i = 0; i < 1000; i++) {
      byte[] original = originals.get(i % originals.size());
      byte[] damaged = damage(original, random);
      String ours = verdict(() -> JpegEntropy.decodes(damaged));
      String full =
          verdict(
              () -> {
                WholeJpeg.requireDecodedByImageIo(damaged);
                return true;
              });
      if (!full.equals("ok")) {
        refused++;
      }
      boolean stricter = !ours.equals("ok") && full.equals("ok");
      if ((ours.equals("ok") && !full.equals("ok"))
          || (stricter && !ours.contains("bytes are left over after the last block"))) {
        disagreements.add("case " + i + ": ours " + ours + ", ImageIO " + full);
      }
    }
    assertThat(refused).as("most damage is refused by the full decoder").isGreaterThan(500);
    assertThat(disagreements).isEmpty();
  }

  private interface Check {
    Object run() throws Exception;
  }

  private static String verdict(Check check) {
    try {
      Object r = check.run();
      return Boolean.FALSE.equals(r) ? "not checked" : "ok";
    } catch (Exception e) {
      return "refused: " + e.getMessage();
    }
  }

  private static byte[] damage(byte[] original, Random random) {
    int sos = indexOf(original, 0xFF, 0xDA, 0);
    int from = random.nextInt(4) == 0 ? 2 : sos + 14;
    int at = from + random.nextInt(original.length - 2 - from);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (random.nextInt(5)) {
      case 0 -> {
        byte[] b = original.clone();
        b[at] = (byte) random.nextInt(256);
        return b;
      }
      case 1 -> {
        byte[] b = original.clone();
        b[at] ^= (byte) (1 << random.nextInt(8));
        return b;
      }
      case 2 -> {
        out.write(original, 0, at);
        out.write(0xFF);
        out.write(0xD9);
      }
      case 3 -> {
        out.write(original, 0, at);
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
          out.write(random.nextInt(256));
        }
        out.write(original, at, original.length - at);
      }
      default -> {
        int gone = 1 + random.nextInt(Math.min(64, original.length - 2 - at));
        out.write(original, 0, at);
        out.write(original, at + gone, original.length - at - gone);
      }
    }
    return out.toByteArray();
  }

  /**
   * A photo of noise over a gradient, like a camera's at high quality: its blocks are full of
   * coefficients, many running to the block's last one without an end-of-block code, which is where
   * several symbols decoded at once must stop at the block's end.
   */
  private static byte[] noisy(int width, int height, float quality) throws Exception {
    BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(width * 31L + height);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int grey = (x * 255 / width + random.nextInt(96)) & 0xFF;
        picture.setRGB(x, y, grey << 16 | (255 - grey) << 8 | random.nextInt(256));
      }
    }
    return TestMedia.jpeg(picture, quality);
  }

  private static byte[] grey(int width, int height) throws Exception {
    return TestMedia.jpeg(TestMedia.picture(width, height, BufferedImage.TYPE_BYTE_GRAY), 0.9f);
  }

  /** A JPEG written with a restart marker every {@code interval} MCUs. */
  private static byte[] withRestartInterval(BufferedImage picture, int interval) throws Exception {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam p = writer.getDefaultWriteParam();
      IIOMetadata metadata =
          writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(picture), p);
      String format = "javax_imageio_jpeg_image_1.0";
      IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
      IIOMetadataNode markers =
          (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
      IIOMetadataNode dri = new IIOMetadataNode("dri");
      dri.setAttribute("interval", Integer.toString(interval));
      markers.insertBefore(dri, markers.getFirstChild());
      metadata.setFromTree(format, root);
      writer.write(null, new IIOImage(picture, null, metadata), p);
    } finally {
      writer.dispose();
    }
    byte[] jpeg = bytes.toByteArray();
    indexOf(jpeg, 0xFF, 0xDD, 0);
    return jpeg;
  }

  private static int indexOf(byte[] b, int first, int second, int from) {
    int at = indexOf(b, first, second, from, -1);
    if (at < 0) {
      throw new IllegalArgumentException("marker not found");
    }
    return at;
  }

  private static int indexOf(byte[] b, int first, int second, int from, int otherwise) {
    for (int i = from; i + 1 < b.length; i++) {
      if ((b[i] & 0xFF) == first && (b[i + 1] & 0xFF) == second) {
        return i;
      }
    }
    return otherwise;
  }
}
