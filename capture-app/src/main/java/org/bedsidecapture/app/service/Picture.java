package org.bedsidecapture.app.service;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A small picture of a capture for the screens (thumbnail strip, review), as packed ARGB pixels: no
 * UI toolkit type, so the services and their tests need no screen. Held in memory only.
 */
public record Picture(int width, int height, int[] argb) {

  /** A picture of an image file, read subsampled so that it is at most {@code maxWidth} wide. */
  public static Picture ofImageFile(Path file, int maxWidth) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new IOException("not an image this station can show");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, width / maxWidth);
        param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage image = reader.read(0, param);
        return scaled(image, maxWidth);
      } finally {
        reader.dispose();
      }
    }
  }

  /** A picture of packed RGB pixels (a preview frame), at most {@code maxWidth} wide. */
  public static Picture ofRgb(int[] rgb, int width, int height, int maxWidth) {
    int w = Math.min(width, maxWidth);
    int h = Math.max(1, (int) ((long) height * w / width));
    int[] column = new int[w];
    for (int x = 0; x < w; x++) {
      column[x] = (int) ((long) x * width / w);
    }
    int[] out = new int[w * h];
    for (int y = 0; y < h; y++) {
      int row = (int) ((long) y * height / h) * width;
      int to = y * w;
      for (int x = 0; x < w; x++) {
        out[to + x] = 0xFF000000 | rgb[row + column[x]];
      }
    }
    return new Picture(w, h, out);
  }

  /** This picture at most {@code maxWidth} wide. */
  public Picture scaled(int maxWidth) {
    return width <= maxWidth ? this : ofRgb(argb, width, height, maxWidth);
  }

  private static Picture scaled(BufferedImage image, int maxWidth) {
    int w = image.getWidth();
    int h = image.getHeight();
    return ofRgb(image.getRGB(0, 0, w, h, null, 0, w), w, h, maxWidth);
  }
}
