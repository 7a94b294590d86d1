package org.bedsidecapture.devices.barcode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.common.HybridBinarizer;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a wristband or label barcode in a camera frame with ZXing: Code 128, Code 39, DataMatrix
 * (GS1 too), PDF417 and QR, in any orientation. GS1 barcodes come back with their symbology
 * identifier in front ({@code ]C1}, {@code ]d2}, {@code ]Q3}) in place of the leading FNC1, and
 * later FNC1s as group separators, as a keyboard-wedge scanner configured for GS1 sends them, so
 * the site's rules read both alike. Not thread-safe: one decoder per decoding thread.
 */
public final class BarcodeDecoder {
  /** The formats of patient wristbands and labels. */
  public static final List<BarcodeFormat> FORMATS =
      List.of(
          BarcodeFormat.CODE_128,
          BarcodeFormat.CODE_39,
          BarcodeFormat.DATA_MATRIX,
          BarcodeFormat.PDF_417,
          BarcodeFormat.QR_CODE);

  /** A barcode found: its content and format. */
  public record Decoded(String content, BarcodeFormat format) {}

  /** Below this the decoders cope themselves, and straightening would only cost time. */
  private static final double MIN_TURN_DEGREES = 4;

  private final MultiFormatReader reader = new MultiFormatReader();

  public BarcodeDecoder() {
    Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
    hints.put(DecodeHintType.POSSIBLE_FORMATS, FORMATS);
    hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
    reader.setHints(hints);
  }

  /**
   * Looks for a barcode in a frame's luma plane (one byte per pixel, rows {@code rowStride} apart).
   */
  public Optional<Decoded> decode(byte[] luma, int width, int height, int rowStride) {
    Optional<Decoded> found = attempt(luma, width, height, rowStride);
    if (found.isPresent()) {
      return found;
    }
    double angle = Straightening.dominantAngle(luma, width, height, rowStride);
    if (Math.abs(angle) < MIN_TURN_DEGREES) {
      return found;
    }
    return attempt(
        Straightening.turned(luma, width, height, rowStride, angle), width, height, width);
  }

  private Optional<Decoded> attempt(byte[] luma, int width, int height, int rowStride) {
    BinaryBitmap bitmap =
        new BinaryBitmap(new HybridBinarizer(new LumaSource(luma, width, height, rowStride)));
    try {
      Result r = reader.decodeWithState(bitmap);
      return Optional.of(new Decoded(withSymbology(r), r.getBarcodeFormat()));
    } catch (ReaderException nothingFound) {
      return Optional.empty();
    } finally {
      reader.reset();
    }
  }

  /**
   * Looks for a barcode in a still image (an imported photo of a wristband): converted to grey
   * first, which the live path avoids by taking the luma plane.
   */
  public Optional<Decoded> decode(BufferedImage image) {
    BufferedImage grey = image;
    if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
      grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
      Graphics2D g = grey.createGraphics();
      g.drawImage(image, 0, 0, null);
      g.dispose();
    }
    byte[] luma = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
    return decode(luma, grey.getWidth(), grey.getHeight(), grey.getWidth());
  }

  private static String withSymbology(Result r) {
    Object id =
        r.getResultMetadata() == null
            ? null
            : r.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER);
    boolean gs1 = "]C1".equals(id) || "]d2".equals(id) || "]Q3".equals(id);
    if (!gs1) {
      return r.getText();
    }
    String text = r.getText();
    return id + (text.startsWith("\u001D") ? text.substring(1) : text);
  }
}
