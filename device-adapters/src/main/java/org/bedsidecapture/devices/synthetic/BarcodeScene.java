package org.bedsidecapture.devices.synthetic;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBufferByte;
import java.awt.image.Kernel;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic camera's view of a wristband: photo-like 1080p grey frames with a barcode in view,
 * rendered by ZXing's writers, then turned, curved round a wrist, blurred, dimmed and speckled as a
 * camera at a bedside sees them. Deterministic for a seed; used by the demo, tests and benchmarks.
 */
public final class BarcodeScene {
  public static final int WIDTH = 1920;
  public static final int HEIGHT = 1080;

  private BarcodeScene() {}

  /** How the barcode is seen. */
  public record View(double degrees, boolean curved, int blur, boolean lowContrast) {
    /** Upright, flat, sharp, good contrast. */
    public static View straight() {
      return new View(0, false, 1, false);
    }
  }

  /**
   * A label with the barcode on white. For GS1-128, start the content with ZXing's FNC1 character
   * (U+00F1); for GS1 DataMatrix set {@code gs1}.
   */
  public static BufferedImage barcode(BarcodeFormat format, String content, boolean gs1)
      throws WriterException {
    Map<EncodeHintType, Object> hints =
        gs1
            ? Map.of(EncodeHintType.GS1_FORMAT, true, EncodeHintType.DATA_MATRIX_COMPACT, true)
            : Map.of();
    boolean twoD = format == BarcodeFormat.QR_CODE || format == BarcodeFormat.DATA_MATRIX;
    BitMatrix m =
        new MultiFormatWriter().encode(content, format, twoD ? 300 : 640, twoD ? 300 : 200, hints);
    BufferedImage img =
        new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < m.getHeight(); y++) {
      for (int x = 0; x < m.getWidth(); x++) {
        img.getRaster().setSample(x, y, 0, m.get(x, y) ? 0 : 255);
      }
    }
    if (format == BarcodeFormat.DATA_MATRIX && img.getWidth() < 200) {
      img = scaled(img, 8);
    }
    return onWhiteLabel(img);
  }

  /** A wristband's label: the code on white, with room round it. */
  private static BufferedImage onWhiteLabel(BufferedImage code) {
    int margin = Math.max(24, code.getWidth() / 8);
    BufferedImage label =
        new BufferedImage(
            code.getWidth() + 2 * margin,
            code.getHeight() + 2 * margin,
            BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = label.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, label.getWidth(), label.getHeight());
    g.drawImage(code, margin, margin, null);
    g.dispose();
    return label;
  }

  private static BufferedImage scaled(BufferedImage img, int factor) {
    BufferedImage big =
        new BufferedImage(
            img.getWidth() * factor, img.getHeight() * factor, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = big.createGraphics();
    g.drawImage(img, 0, 0, big.getWidth(), big.getHeight(), null);
    g.dispose();
    return big;
  }

  /** A frame with the label in view; its luma plane is the image's bytes ({@link #luma}). */
  public static BufferedImage frame(BufferedImage code, View view, long seed) {
    BufferedImage label = view.curved() ? curved(code) : code;
    BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = frame.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    for (int y = 0; y < HEIGHT; y += 8) {
      int shade = 90 + (int) (60.0 * y / HEIGHT);
      g.setColor(new Color(shade, shade, shade));
      g.fillRect(0, y, WIDTH, 8);
    }
    g.translate(WIDTH / 2.0, HEIGHT / 2.0);
    g.rotate(Math.toRadians(view.degrees()));
    g.drawImage(label, -label.getWidth() / 2, -label.getHeight() / 2, null);
    g.dispose();
    BufferedImage out = frame;
    if (view.blur() > 1) {
      float[] k = new float[view.blur() * view.blur()];
      java.util.Arrays.fill(k, 1f / k.length);
      out =
          new ConvolveOp(new Kernel(view.blur(), view.blur(), k), ConvolveOp.EDGE_NO_OP, null)
              .filter(frame, null);
    }
    byte[] px = luma(out);
    Random noise = new Random(seed);
    for (int i = 0; i < px.length; i++) {
      int v = px[i] & 0xFF;
      if (view.lowContrast()) {
        v = 100 + v * 60 / 255;
      }
      v += (int) (noise.nextGaussian() * 4);
      px[i] = (byte) Math.max(0, Math.min(255, v));
    }
    return out;
  }

  /** The label wrapped round a wrist (a cylinder seen from the front, 120° of it in view). */
  private static BufferedImage curved(BufferedImage flat) {
    int w = flat.getWidth();
    int h = flat.getHeight();
    double half = Math.toRadians(60);
    double radius = (w / 2.0) / half;
    int outW = (int) (2 * radius * Math.sin(half));
    BufferedImage out = new BufferedImage(outW, h, BufferedImage.TYPE_BYTE_GRAY);
    for (int x = 0; x < outW; x++) {
      double theta = Math.asin((x - outW / 2.0) / radius);
      int sx = (int) Math.round(w / 2.0 + theta * radius);
      sx = Math.max(0, Math.min(w - 1, sx));
      for (int y = 0; y < h; y++) {
        out.getRaster().setSample(x, y, 0, flat.getRaster().getSample(sx, y, 0));
      }
    }
    return out;
  }

  public static byte[] luma(BufferedImage grey) {
    return ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
  }
}
