package org.bedsidecapture.app.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Deterministic demo "photos": a skin-toned field with a marked lesion and a SYNTHETIC label. */
public final class SyntheticPhotos {
  private SyntheticPhotos() {}

  public static BufferedImage photo(int width, int height, int seed) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setPaint(
          new GradientPaint(
              0, 0, new Color(224, 172, 140), width, height, new Color(196, 140, 110)));
      g.fillRect(0, 0, width, height);
      int r = Math.min(width, height) / 6;
      int cx = width / 2 + (seed * 37 % (width / 4)) - width / 8;
      int cy = height / 2;
      g.setColor(new Color(150, 40, 40));
      g.fillOval(cx - r, cy - r * 2 / 3, 2 * r, r * 4 / 3);
      g.setColor(Color.BLACK);
      g.setStroke(new BasicStroke(Math.max(2, width / 400f)));
      for (int i = 0; i <= 10; i++) {
        int x = width / 10 + i * (width / 15);
        g.drawLine(x, height - height / 8, x, height - height / 8 - (i % 5 == 0 ? 30 : 15));
      }
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, height / 20)));
      g.drawString("SYNTHETIC DEMO " + seed, width / 20, height / 12);
    } finally {
      g.dispose();
    }
    return img;
  }

  public static Path writeJpeg(Path file, int width, int height, int seed) throws IOException {
    ImageIO.write(photo(width, height, seed), "jpeg", file.toFile());
    return file;
  }
}
