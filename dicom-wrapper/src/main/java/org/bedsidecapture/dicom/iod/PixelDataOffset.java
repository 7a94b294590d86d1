package org.bedsidecapture.dicom.iod;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Finds where the top-level Pixel Data element starts in a Part 10 stream whose data set is in
 * explicit VR little endian (every object this product writes): so an object's attributes can be
 * rewritten while its pixel data, a JPEG or an H.264 stream the toolkit cannot re-encode, is copied
 * byte for byte.
 */
public final class PixelDataOffset {
  private static final int PIXEL_DATA = 0x7FE00010;
  private static final int ITEM = 0xFFFEE000;
  private static final int ITEM_END = 0xFFFEE00D;
  private static final int SEQUENCE_END = 0xFFFEE0DD;
  private static final long UNDEFINED = 0xFFFFFFFFL;
  private static final Set<String> LONG_VRS =
      Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");

  private final DataInputStream in;
  private long position;

  private PixelDataOffset(InputStream in) {
    this.in = new DataInputStream(new BufferedInputStream(in, 1 << 16));
  }

  /**
   * The byte offset of the Pixel Data element's tag from the start of the stream (preamble
   * included).
   *
   * @throws IOException when the stream is not such an object or has no pixel data
   */
  public static long of(InputStream part10) throws IOException {
    return new PixelDataOffset(part10).find();
  }

  private long find() throws IOException {
    skip(128);
    if (readInt() != 0x4D434944) {
      throw new IOException("not a DICOM Part 10 stream (no DICM)");
    }
    while (true) {
      long at = position;
      int tag = readTag();
      if (tag == PIXEL_DATA) {
        return at;
      }
      skipValue(tag);
    }
  }

  /** Skips an element's VR, length and value, sequences item by item when undefined. */
  private void skipValue(int tag) throws IOException {
    String vr = new String(new byte[] {(byte) readByte(), (byte) readByte()}, "US-ASCII");
    long length;
    if (LONG_VRS.contains(vr)) {
      skip(2);
      length = readInt() & 0xFFFFFFFFL;
    } else {
      length = readShort();
    }
    if (length != UNDEFINED) {
      skip(length);
    } else if (vr.equals("SQ") || vr.equals("UN")) {
      skipItems();
    } else {
      throw new IOException("undefined length outside a sequence at " + Integer.toHexString(tag));
    }
  }

  private void skipItems() throws IOException {
    while (true) {
      int tag = readTag();
      long length = readInt() & 0xFFFFFFFFL;
      if (tag == SEQUENCE_END) {
        return;
      }
      if (tag != ITEM) {
        throw new IOException("expected a sequence item, found " + Integer.toHexString(tag));
      }
      if (length != UNDEFINED) {
        skip(length);
        continue;
      }
      while (true) {
        int inner = readTag();
        if (inner == ITEM_END) {
          skip(4);
          break;
        }
        skipValue(inner);
      }
    }
  }

  /** A tag as group << 16 | element. */
  private int readTag() throws IOException {
    int group = readShort();
    int element = readShort();
    return group << 16 | element;
  }

  private int readShort() throws IOException {
    int lo = readByte();
    int hi = readByte();
    return hi << 8 | lo;
  }

  private int readInt() throws IOException {
    int a = readShort();
    int b = readShort();
    return b << 16 | a;
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("the object ends before its pixel data");
    }
    position++;
    return b;
  }

  private void skip(long n) throws IOException {
    in.skipNBytes(n);
    position += n;
  }
}
