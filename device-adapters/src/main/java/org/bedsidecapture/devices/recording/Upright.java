package org.bedsidecapture.devices.recording;

/** Turns a frame's pixels clockwise by a multiple of a quarter turn. */
final class Upright {
  private Upright() {}

  static int[] turn(int[] rgb, int width, int height, int clockwiseDegrees) {
    if (clockwiseDegrees == 0) {
      return rgb;
    }
    int[] out = new int[rgb.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int p = rgb[y * width + x];
        switch (clockwiseDegrees) {
          case 90 -> out[x * height + (height - 1 - y)] = p;
          case 180 -> out[(height - 1 - y) * width + (width - 1 - x)] = p;
          case 270 -> out[(width - 1 - x) * height + y] = p;
          default -> throw new IllegalArgumentException(clockwiseDegrees + " degrees");
        }
      }
    }
    return out;
  }
}
