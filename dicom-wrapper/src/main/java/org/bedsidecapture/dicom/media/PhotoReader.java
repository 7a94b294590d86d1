package org.bedsidecapture.dicom.media;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZoneId;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Prepares a JPEG photo: kept byte for byte (minus metadata segments) when it can be shown as
 * stored; turned upright and re-encoded once when EXIF says the camera held it rotated, because
 * DICOM viewers ignore EXIF orientation.
 */
final class PhotoReader {
  static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";
  static final String JPEG_METHOD = "ISO_10918_1";
  private static final float REENCODE_QUALITY = 0.92f;

  private PhotoReader() {}

  static PreparedMedia read(byte[] file, ZoneId stationZone) throws UnsupportedMediaException {
    JpegStream jpeg = JpegStream.parse(file);
    jpeg.requireBaseline();
    WholeJpeg.require(jpeg.cleaned());
    ExifFacts exif = ExifFacts.fromExifBlock(jpeg.exif(), stationZone);
    PreparedMedia.LossyCompression lossy =
        PreparedMedia.LossyCompression.once(ratio(jpeg, jpeg.cleaned().length), JPEG_METHOD);
    if (exif.orientation() == 1) {
      return still(jpeg, lossy, null, exif, jpeg.iccProfile());
    }
    JpegStream upright = JpegStream.parse(encode(turnUpright(decode(file), exif.orientation())));
    return still(
        upright,
        lossy.then(ratio(upright, upright.cleaned().length), JPEG_METHOD),
        "Turned upright as EXIF orientation " + exif.orientation() + " said; JPEG re-encoded",
        exif,
        jpeg.iccProfile());
  }

  private static PreparedMedia still(
      JpegStream jpeg,
      PreparedMedia.LossyCompression lossy,
      String derivation,
      ExifFacts exif,
      byte[] iccProfile) {
    boolean colour = jpeg.components() == 3;
    return new PreparedMedia(
        PreparedMedia.Kind.STILL,
        jpeg.rows(),
        jpeg.columns(),
        jpeg.components(),
        colour ? "YBR_FULL_422" : "MONOCHROME2",
        JPEG_BASELINE,
        true,
        jpeg.cleaned(),
        null,
        1,
        0,
        lossy,
        colour ? ColourProfiles.orSrgb(iccProfile) : null,
        derivation,
        exif.takenAt(),
        exif.make(),
        exif.model());
  }

  private static double ratio(JpegStream jpeg, int compressedBytes) {
    double uncompressed = (double) jpeg.rows() * jpeg.columns() * jpeg.components();
    return uncompressed / compressedBytes;
  }

  private static BufferedImage decode(byte[] file) throws UnsupportedMediaException {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(file));
      if (image == null) {
        throw new UnsupportedMediaException("JPEG could not be decoded to turn it upright");
      }
      return image;
    } catch (IOException e) {
      throw new UnsupportedMediaException("JPEG could not be decoded to turn it upright", e);
    }
  }

  /** Applies EXIF orientation 2..8 (TIFF 6.0 / EXIF 2.3 definitions) to the pixels. */
  static BufferedImage turnUpright(BufferedImage src, int orientation) {
    int w = src.getWidth();
    int h = src.getHeight();
    boolean swaps = orientation >= 5;
    AffineTransform t = new AffineTransform();
    switch (orientation) {
      case 2 -> t.setTransform(-1, 0, 0, 1, w, 0);
      case 3 -> t.setTransform(-1, 0, 0, -1, w, h);
      case 4 -> t.setTransform(1, 0, 0, -1, 0, h);
      case 5 -> t.setTransform(0, 1, 1, 0, 0, 0);
      case 6 -> t.setTransform(0, 1, -1, 0, h, 0);
      case 7 -> t.setTransform(0, -1, -1, 0, h, w);
      case 8 -> t.setTransform(0, -1, 1, 0, 0, w);
      default -> {
        return src;
      }
    }
    int type =
        src.getColorModel().getNumComponents() == 1
            ? BufferedImage.TYPE_BYTE_GRAY
            : BufferedImage.TYPE_INT_RGB;
    BufferedImage dst = new BufferedImage(swaps ? h : w, swaps ? w : h, type);
    Graphics2D g = dst.createGraphics();
    try {
      g.drawImage(src, t, null);
    } finally {
      g.dispose();
    }
    return dst;
  }

  private static byte[] encode(BufferedImage image) throws UnsupportedMediaException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(REENCODE_QUALITY);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UnsupportedMediaException("could not re-encode the photo upright", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
