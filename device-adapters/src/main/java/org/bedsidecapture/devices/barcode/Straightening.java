package org.bedsidecapture.devices.barcode;

/**
 * Turns a frame so that the barcode in it lies along the axes, for the decoders that cannot find a
 * turned code (ZXing's DataMatrix beyond about 10°, PDF417 beyond a few degrees, 1D codes far from
 * an axis). The angle is the frame's dominant edge direction modulo 90°: Scharr gradients summed
 * into a structure tensor per block of pixels (which sees through the staircase of a pixelated
 * edge), each block's direction weighted by its edge strength and coherence, averaged as 4θ so that
 * a 2D code's perpendicular edges agree instead of cancelling.
 */
final class Straightening {
  private static final int BLOCK = 12;
  private static final double MIN_BLOCK_ENERGY = BLOCK * BLOCK * 40_000.0;

  private Straightening() {}

  /** The dominant edge direction in degrees, in [-45, 45]. */
  static double dominantAngle(byte[] luma, int width, int height, int rowStride) {
    double c = 0;
    double s = 0;
    for (int by = 1; by + BLOCK < height - 1; by += BLOCK) {
      for (int bx = 1; bx + BLOCK < width - 1; bx += BLOCK) {
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int y = by; y < by + BLOCK; y++) {
          int up = (y - 1) * rowStride;
          int row = y * rowStride;
          int down = (y + 1) * rowStride;
          for (int x = bx; x < bx + BLOCK; x++) {
            int gx =
                3 * (px(luma, up + x + 1) - px(luma, up + x - 1))
                    + 10 * (px(luma, row + x + 1) - px(luma, row + x - 1))
                    + 3 * (px(luma, down + x + 1) - px(luma, down + x - 1));
            int gy =
                3 * (px(luma, down + x - 1) - px(luma, up + x - 1))
                    + 10 * (px(luma, down + x) - px(luma, up + x))
                    + 3 * (px(luma, down + x + 1) - px(luma, up + x + 1));
            xx += (double) gx * gx;
            yy += (double) gy * gy;
            xy += (double) gx * gy;
          }
        }
        double energy = xx + yy;
        if (energy < MIN_BLOCK_ENERGY) {
          continue;
        }
        double theta = 0.5 * Math.atan2(2 * xy, xx - yy);
        double coherent = Math.hypot(xx - yy, 2 * xy);
        c += coherent * Math.cos(4 * theta);
        s += coherent * Math.sin(4 * theta);
      }
    }
    return Math.toDegrees(Math.atan2(s, c) / 4);
  }

  private static int px(byte[] luma, int i) {
    return luma[i] & 0xFF;
  }

  /** The frame turned by {@code -degrees} about its centre (nearest pixel; outside is white). */
  static byte[] turned(byte[] luma, int width, int height, int rowStride, double degrees) {
    double a = Math.toRadians(degrees);
    double cos = Math.cos(a);
    double sin = Math.sin(a);
    double cx = width / 2.0;
    double cy = height / 2.0;
    byte[] out = new byte[width * height];
    for (int y = 0; y < height; y++) {
      double dy = y - cy;
      double sxRow = cx - sin * dy;
      double syRow = cy + cos * dy;
      int o = y * width;
      for (int x = 0; x < width; x++) {
        double dx = x - cx;
        int sx = (int) (sxRow + cos * dx);
        int sy = (int) (syRow + sin * dx);
        out[o + x] =
            sx >= 0 && sx < width && sy >= 0 && sy < height
                ? luma[sy * rowStride + sx]
                : (byte) 0xFF;
      }
    }
    return out;
  }
}
