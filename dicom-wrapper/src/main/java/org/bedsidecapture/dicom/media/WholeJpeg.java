package org.bedsidecapture.dicom.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes a JPEG stream whole before it is kept as it is, so that every object carries a picture a
 * viewer can show: the marker structure can be intact while the entropy-coded data is cut short,
 * damaged, or far too little for the size the frame header claims. A sequential Huffman JPEG (what
 * cameras and phones write) has every block's entropy-coded data decoded by {@link JpegEntropy},
 * without making pixels; any other is decoded by ImageIO, every block, keeping only every eighth
 * pixel so that a large photo costs little memory, its warnings (data ending early, corrupt data)
 * taken as failures: a viewer would show grey where the picture was.
 */
final class WholeJpeg {
  private static final int KEEP_EVERY = 8;

  private WholeJpeg() {}

  static void require(byte[] jpeg) throws UnsupportedMediaException {
    if (!JpegEntropy.decodes(jpeg)) {
      requireDecodedByImageIo(jpeg);
    }
  }

  /** The whole picture decoded by ImageIO, its warnings failures. */
  static void requireDecodedByImageIo(byte[] jpeg) throws UnsupportedMediaException {
    ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
      reader.setInput(in, true, true);
      ImageReadParam param = reader.getDefaultReadParam();
      param.setSourceSubsampling(KEEP_EVERY, KEEP_EVERY, 0, 0);
      reader.read(0, param);
    } catch (IOException | RuntimeException e) {
      throw new UnsupportedMediaException(
          "damaged JPEG: its picture does not decode (" + e.getMessage() + ")", e);
    } finally {
      reader.dispose();
    }
    if (!warnings.isEmpty()) {
      throw new UnsupportedMediaException(
          "damaged JPEG: its picture does not decode whole (" + warnings.get(0) + ")");
    }
  }
}
