package org.bedsidecapture.dicom.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Prepares a losslessly stored image (PNG, BMP, GIF, TIFF): decoded and kept as uncompressed
 * samples, because adding loss to a lossless source would throw away what the source kept.
 */
final class LosslessImageReader {
  static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

  /**
   * The largest lossless image accepted: an 8K screen grab, a 60 MP camera's TIFF fit; a header
   * claiming more is damaged or forged, and decoding it would exhaust the memory.
   */
  static final int MAX_SIDE = 16384;

  static final long MAX_PIXELS = 64L * 1024 * 1024;

  private LosslessImageReader() {}

  /** Decodes the first image, once its size is known to be one a capture can have. */
  private static BufferedImage decode(byte[] file, String format) throws UnsupportedMediaException {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(file))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new UnsupportedMediaException(format + " file could not be decoded");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0
            || height <= 0
            || width > MAX_SIDE
            || height > MAX_SIDE
            || (long) width * height > MAX_PIXELS) {
          throw new UnsupportedMediaException(
              format
                  + " file claims "
                  + width
                  + " x "
                  + height
                  + " pixels; at most "
                  + MAX_SIDE
                  + " a side and "
                  + MAX_PIXELS / (1024 * 1024)
                  + " megapixels are taken: a damaged or forged file");
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new UnsupportedMediaException("damaged " + format + " file: " + e.getMessage(), e);
    }
  }

  static PreparedMedia read(byte[] file, Path path, ZoneId stationZone, String format)
      throws UnsupportedMediaException {
    BufferedImage image = decode(file, format);
    ColorModel cm = image.getColorModel();
    for (int bits : cm.getComponentSize()) {
      if (bits > 8) {
        throw new UnsupportedMediaException(
            bits
                + "-bit "
                + format
                + " is not supported: photographic DICOM objects hold 8 bits"
                + " per sample; export the image with 8 bits per channel");
      }
    }
    boolean grey =
        cm.getNumColorComponents() == 1
            && !cm.hasAlpha()
            && cm.getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY;
    ExifFacts exif = ExifFacts.fromFile(path, stationZone);
    byte[] pixels = grey ? greySamples(image) : rgbSamples(image);
    return new PreparedMedia(
        PreparedMedia.Kind.STILL,
        image.getHeight(),
        image.getWidth(),
        grey ? 1 : 3,
        grey ? "MONOCHROME2" : "RGB",
        EXPLICIT_VR_LITTLE_ENDIAN,
        false,
        pixels,
        null,
        1,
        0,
        null,
        grey ? null : ColourProfiles.orSrgb(null),
        cm.hasAlpha() ? "Transparent areas flattened onto white" : null,
        exif.takenAt(),
        exif.make(),
        exif.model());
  }

  private static byte[] greySamples(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    byte[] out = new byte[w * h];
    var raster = image.getRaster();
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      raster.getSamples(0, y, w, 1, 0, row);
      for (int x = 0; x < w; x++) {
        out[y * w + x] = (byte) row[x];
      }
    }
    return out;
  }

  private static byte[] rgbSamples(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    BufferedImage rgb = image;
    if (image.getColorModel().hasAlpha()) {
      rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = rgb.createGraphics();
      try {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.drawImage(image, 0, 0, null);
      } finally {
        g.dispose();
      }
    }
    byte[] out = new byte[w * h * 3];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      rgb.getRGB(0, y, w, 1, row, 0, w);
      int o = y * w * 3;
      for (int x = 0; x < w; x++) {
        int p = row[x];
        out[o++] = (byte) (p >> 16);
        out[o++] = (byte) (p >> 8);
        out[o++] = (byte) p;
      }
    }
    return out;
  }
}
