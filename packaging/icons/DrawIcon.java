import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the app's icon (a camera with a medical cross on the app's teal) and writes it as the
 * installers want it: PNG for Linux, ICO for Windows, ICNS for macOS, each holding the PNG. Run
 * once when the icon changes: {@code java packaging/icons/DrawIcon.java packaging/src/jpackage}.
 */
public final class DrawIcon {
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    byte[] png = png(draw(256));
    Files.createDirectories(out.resolve("linux"));
    Files.createDirectories(out.resolve("windows"));
    Files.createDirectories(out.resolve("macos"));
    Files.write(out.resolve("linux/bedside-capture.png"), png);
    Files.write(out.resolve("windows/bedside-capture.ico"), ico(png, 256));
    Files.write(out.resolve("macos/bedside-capture.icns"), icns(png));
  }

  static BufferedImage draw(int size) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.scale(size / 256.0, size / 256.0);
    g.setColor(new Color(0x0B6E79));
    g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));
    g.setColor(Color.WHITE);
    g.fill(new RoundRectangle2D.Double(40, 84, 176, 124, 28, 28));
    g.fill(new RoundRectangle2D.Double(92, 64, 72, 32, 12, 12));
    g.setColor(new Color(0x0B6E79));
    g.fill(new Ellipse2D.Double(86, 104, 84, 84));
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(10));
    g.draw(new Ellipse2D.Double(100, 118, 56, 56));
    g.setColor(new Color(0xD7263D));
    g.fillRect(184, 28, 16, 48);
    g.fillRect(168, 44, 48, 16);
    g.dispose();
    return image;
  }

  static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    ImageIO.write(image, "png", b);
    return b.toByteArray();
  }

  /** An ICO file of one PNG image (Windows Vista and later read PNG inside ICO). */
  static byte[] ico(byte[] png, int size) {
    ByteBuffer b = ByteBuffer.allocate(6 + 16 + png.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort((short) 0).putShort((short) 1).putShort((short) 1);
    b.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size));
    b.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32);
    b.putInt(png.length).putInt(6 + 16);
    b.put(png);
    return b.array();
  }

  /** An ICNS file of one 256-pixel PNG image ('ic08'). */
  static byte[] icns(byte[] png) {
    ByteBuffer b = ByteBuffer.allocate(8 + 8 + png.length).order(ByteOrder.BIG_ENDIAN);
    b.put("icns".getBytes()).putInt(16 + png.length);
    b.put("ic08".getBytes()).putInt(8 + png.length);
    b.put(png);
    return b.array();
  }
}
