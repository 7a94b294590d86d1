package org.bedsidecapture.app.demo;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A printable sheet (A4 at 150 dpi, PNG) of the demo patients' wristbands and encounter labels:
 * each with the name, birth date and MRN in print, the MRN as Code 128 and DataMatrix, and the
 * current encounter's visit number as Code 128 — to scan with a real scanner or a camera in the
 * demo. Every label says it is synthetic.
 */
public final class WristbandSheet {
  private static final int WIDTH = 1240;
  private static final int HEIGHT = 1754;
  private static final int LABEL_HEIGHT = 240;

  /** One wristband's content. */
  public record Label(String name, String birthDate, String mrn, String visit) {}

  private WristbandSheet() {}

  /** Renders the sheet (as many labels as fit on one page) and writes it as PNG. */
  public static void write(List<Label> labels, Path png) throws IOException {
    BufferedImage page = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = page.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
    g.drawString(
        "Bedside Capture demo wristbands: SYNTHETIC PATIENTS, NOT FOR CLINICAL USE", 60, 60);
    int y = 100;
    for (Label l : labels) {
      if (y + LABEL_HEIGHT > HEIGHT) {
        break;
      }
      g.drawImage(label(l), 60, y, null);
      y += LABEL_HEIGHT + 20;
    }
    g.dispose();
    ImageIO.write(page, "png", png.toFile());
  }

  /** One wristband label: print, MRN as Code 128 and DataMatrix, visit number as Code 128. */
  public static BufferedImage label(Label l) {
    BufferedImage img = new BufferedImage(WIDTH - 120, LABEL_HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.setColor(Color.BLACK);
    g.drawRect(0, 0, img.getWidth() - 1, img.getHeight() - 1);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 26));
    g.drawString(l.name(), 20, 40);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
    g.drawString("born " + l.birthDate() + "   MRN " + l.mrn() + "   (synthetic)", 20, 72);
    g.drawImage(code(BarcodeFormat.CODE_128, l.mrn(), 520, 110), 20, 95, null);
    g.drawImage(code(BarcodeFormat.DATA_MATRIX, l.mrn(), 140, 140), 560, 85, null);
    if (l.visit() != null) {
      g.drawString("visit " + l.visit(), 740, 72);
      g.drawImage(code(BarcodeFormat.CODE_128, l.visit(), 360, 110), 740, 95, null);
    }
    g.dispose();
    return img;
  }

  private static BufferedImage code(BarcodeFormat format, String content, int width, int height) {
    BitMatrix m;
    try {
      m =
          new MultiFormatWriter()
              .encode(content, format, width, height, Map.of(EncodeHintType.MARGIN, 2));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode " + content + " as " + format, e);
    }
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    int cell = Math.max(1, Math.min(width / m.getWidth(), height / m.getHeight()));
    for (int y = 0; y < m.getHeight(); y++) {
      for (int x = 0; x < m.getWidth(); x++) {
        if (m.get(x, y)) {
          g.fillRect(x * cell, y * cell, cell, cell);
        }
      }
    }
    g.dispose();
    return img;
  }
}
