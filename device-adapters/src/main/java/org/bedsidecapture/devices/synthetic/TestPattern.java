package org.bedsidecapture.devices.synthetic;

/**
 * The synthetic devices' pictures, drawn straight into pixel arrays (no Java2D per frame, so a
 * 1080p preview at 30 fps stays cheap): colour bars with a moving box and the frame number, or a
 * grey ultrasound-like sector with moving speckle.
 */
public final class TestPattern {
  private static final int[] BARS = {
    0xC0C0C0, 0xC0C000, 0x00C0C0, 0x00C000, 0xC000C0, 0xC00000, 0x0000C0, 0x101010
  };

  /** 3x5 block digits, one bit per cell, row by row. */
  private static final int[] DIGITS = {
    0b111101101101111,
    0b010110010010111,
    0b111001111100111,
    0b111001111001111,
    0b101101111001001,
    0b111100111001111,
    0b111100111101111,
    0b111001001001001,
    0b111101111101111,
    0b111101111001111
  };

  private TestPattern() {}

  /**
   * The pixels with a camera sensor's grain added (each channel ± {@code amplitude}, the same for
   * the same seed): what makes real frames cost an encoder far more than a clean pattern does.
   */
  public static int[] withSensorNoise(int[] rgb, long seed, int amplitude) {
    int[] out = new int[rgb.length];
    long state = seed * 0x9E3779B97F4A7C15L + 1;
    int span = 2 * amplitude + 1;
    for (int i = 0; i < rgb.length; i++) {
      state ^= state << 13;
      state ^= state >>> 7;
      state ^= state << 17;
      int p = rgb[i];
      int r = clamp((p >> 16 & 0xFF) + (int) ((state & 0xFF) % span) - amplitude);
      int g = clamp((p >> 8 & 0xFF) + (int) ((state >>> 8 & 0xFF) % span) - amplitude);
      int b = clamp((p & 0xFF) + (int) ((state >>> 16 & 0xFF) % span) - amplitude);
      out[i] = r << 16 | g << 8 | b;
    }
    return out;
  }

  private static int clamp(int v) {
    return v < 0 ? 0 : Math.min(v, 255);
  }

  /** Frame {@code frame} of the colour-bar pattern, as packed RGB. */
  public static int[] bars(int width, int height, long frame) {
    int[] px = new int[width * height];
    int barWidth = Math.max(1, width / BARS.length);
    for (int x = 0; x < width; x++) {
      px[x] = BARS[Math.min(BARS.length - 1, x / barWidth)];
    }
    for (int y = 1; y < height; y++) {
      System.arraycopy(px, 0, px, y * width, width);
    }
    int box = Math.max(8, height / 8);
    int travel = Math.max(1, width - box);
    int bx = (int) ((frame * Math.max(1, width / 120)) % travel);
    int by = height / 2 - box / 2;
    fill(px, width, bx, by, box, box, 0xFFFFFF);
    drawNumber(px, width, height, frame);
    return px;
  }

  static int[] ultrasound(int width, int height, long frame) {
    int[] px = new int[width * height];
    double cx = width / 2.0;
    double top = height * 0.05;
    double radius = height * 0.9;
    long seed = frame * 0x9E3779B97F4A7C15L;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double dx = x - cx;
        double dy = y - top;
        double r = Math.hypot(dx, dy);
        double angle = Math.atan2(dx, dy);
        int v = 0;
        if (dy > 0 && r < radius && Math.abs(angle) < Math.toRadians(35)) {
          seed ^= seed << 13;
          seed ^= seed >>> 7;
          seed ^= seed << 17;
          int speckle = (int) (seed & 0x3F);
          int band = (int) (r / radius * 6) % 2 == 0 ? 90 : 140;
          v = Math.min(255, band / 2 + speckle);
        }
        px[y * width + x] = v << 16 | v << 8 | v;
      }
    }
    drawNumber(px, width, height, frame);
    return px;
  }

  /** A grey camera view (one byte per pixel) as packed RGB, with the frame number. */
  static int[] scene(byte[] grey, long frame, int width, int height) {
    int[] px = new int[width * height];
    for (int i = 0; i < px.length; i++) {
      int v = grey[i] & 0xFF;
      px[i] = v << 16 | v << 8 | v;
    }
    drawNumber(px, width, height, frame);
    return px;
  }

  /** A colon in the same 3x5 cells as the digits. */
  private static final int COLON = 0b000010000010000;

  /** The synthetic devices' rate, which the time code counts in. */
  private static final int FRAMES_PER_SECOND = 30;

  /**
   * The frame number in white block digits at the top left, and under it the frame's time in the
   * stream as a time code (hours:minutes:seconds:frames at 30 frames a second).
   */
  private static void drawNumber(int[] px, int width, int height, long frame) {
    int cell = Math.max(2, height / 90);
    drawText(px, width, Long.toString(frame), cell * 2, cell * 2, cell);
    drawText(px, width, timecode(frame), cell * 2, cell * 8, cell);
  }

  static String timecode(long frame) {
    long seconds = frame / FRAMES_PER_SECOND;
    return String.format(
        java.util.Locale.ROOT,
        "%02d:%02d:%02d:%02d",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60,
        frame % FRAMES_PER_SECOND);
  }

  private static void drawText(int[] px, int width, String digits, int x0, int y0, int cell) {
    for (int d = 0; d < digits.length(); d++) {
      char c = digits.charAt(d);
      int glyph = c == ':' ? COLON : DIGITS[c - '0'];
      for (int row = 0; row < 5; row++) {
        for (int col = 0; col < 3; col++) {
          if ((glyph >> (14 - (row * 3 + col)) & 1) == 1) {
            fill(px, width, x0 + (d * 4 + col) * cell, y0 + row * cell, cell, cell, 0xFFFFFF);
          }
        }
      }
    }
  }

  private static void fill(int[] px, int width, int x, int y, int w, int h, int rgb) {
    int height = px.length / width;
    for (int yy = Math.max(0, y); yy < Math.min(height, y + h); yy++) {
      int row = yy * width;
      for (int xx = Math.max(0, x); xx < Math.min(width, x + w); xx++) {
        px[row + xx] = rgb;
      }
    }
  }
}
