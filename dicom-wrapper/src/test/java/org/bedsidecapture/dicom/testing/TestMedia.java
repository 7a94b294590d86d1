package org.bedsidecapture.dicom.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Synthetic photos for tests: deterministic pictures, with EXIF and ICC blocks where asked. */
public final class TestMedia {
  private TestMedia() {}

  /** A picture whose orientation can be seen: red top-left quadrant, blue bottom-right. */
  public static BufferedImage picture(int width, int height, int type) {
    BufferedImage img = new BufferedImage(width, height, type);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.LIGHT_GRAY);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 2, height / 2);
    g.setColor(Color.BLUE);
    g.fillRect(width / 2, height / 2, width - width / 2, height - height / 2);
    g.dispose();
    return img;
  }

  /** A baseline JPEG as ImageIO writes it (with a JFIF header). */
  public static byte[] jpeg(BufferedImage image, float quality) throws IOException {
    return jpeg(
        image,
        p -> {
          p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
          p.setCompressionQuality(quality);
        });
  }

  /** A JPEG as ImageIO writes it with the writer's parameters set by {@code settings}. */
  public static byte[] jpeg(BufferedImage image, Consumer<ImageWriteParam> settings)
      throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam p = writer.getDefaultWriteParam();
      settings.accept(p);
      writer.write(null, new IIOImage(image, null, null), p);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  public static byte[] jpeg(int width, int height) throws IOException {
    return jpeg(picture(width, height, BufferedImage.TYPE_INT_RGB), 0.9f);
  }

  public static Path write(Path dir, String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  /** Inserts segments right after SOI (APP1 EXIF, APP2 ICC, COM...). */
  public static byte[] withSegments(byte[] jpeg, byte[]... segments) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    for (byte[] s : segments) {
      out.writeBytes(s);
    }
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  public static byte[] segment(int marker, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(4 + payload.length);
    b.put((byte) 0xFF).put((byte) marker).putShort((short) (payload.length + 2)).put(payload);
    return b.array();
  }

  public static byte[] comment(String text) {
    return segment(0xFE, text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** An ICC APP2 segment carrying the given profile in one chunk. */
  public static byte[] iccSegment(byte[] profile) {
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    p.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1));
    p.write(1);
    p.write(1);
    p.writeBytes(profile);
    return segment(0xE2, p.toByteArray());
  }

  /**
   * An EXIF APP1 segment with Make, Model, Orientation, DateTimeOriginal, OffsetTimeOriginal and a
   * GPS block (latitude reference), as a phone writes them.
   */
  public static byte[] exifSegment(
      int orientation, String dateTimeOriginal, String offset, String make, String model) {
    ByteBuffer t = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
    t.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    int ifd0 = 8;
    int ifd0Entries = 5;
    int ifd0End = ifd0 + 2 + ifd0Entries * 12 + 4;
    int makeAt = ifd0End;
    byte[] makeB = ascii(make);
    int modelAt = makeAt + makeB.length;
    byte[] modelB = ascii(model);
    int subIfd = modelAt + modelB.length;
    int subEntries = 2;
    int subEnd = subIfd + 2 + subEntries * 12 + 4;
    byte[] dateB = ascii(dateTimeOriginal);
    int dateAt = subEnd;
    byte[] offB = ascii(offset);
    int offAt = dateAt + dateB.length;
    int gpsIfd = offAt + offB.length;
    t.position(ifd0);
    t.putShort((short) ifd0Entries);
    entry(t, 0x010F, 2, makeB.length, makeAt);
    entry(t, 0x0110, 2, modelB.length, modelAt);
    t.putShort((short) 0x0112)
        .putShort((short) 3)
        .putInt(1)
        .putShort((short) orientation)
        .putShort((short) 0);
    entry(t, 0x8769, 4, 1, subIfd);
    entry(t, 0x8825, 4, 1, gpsIfd);
    t.putInt(0);
    t.put(makeB).put(modelB);
    t.position(subIfd);
    t.putShort((short) subEntries);
    entry(t, 0x9003, 2, dateB.length, dateAt);
    entry(t, 0x9011, 2, offB.length, offAt);
    t.putInt(0);
    t.put(dateB).put(offB);
    t.position(gpsIfd);
    t.putShort((short) 1);
    t.putShort((short) 0x0001)
        .putShort((short) 2)
        .putInt(2)
        .put((byte) 'N')
        .put((byte) 0)
        .putShort((short) 0);
    t.putInt(0);
    int length = t.position();
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    p.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
    p.write(t.array(), 0, length);
    return segment(0xE1, p.toByteArray());
  }

  private static void entry(ByteBuffer t, int tag, int type, int count, int offset) {
    t.putShort((short) tag).putShort((short) type).putInt(count).putInt(offset);
  }

  private static byte[] ascii(String s) {
    return (s + "\0").getBytes(StandardCharsets.US_ASCII);
  }
}
