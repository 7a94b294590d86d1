package org.bedsidecapture.dicom.media;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A JPEG file taken apart at its markers: what kind of frame it holds, its ICC profile and EXIF
 * block, and a copy of the stream with everything DICOM must not carry removed (JFIF, EXIF, XMP,
 * maker notes, comments, embedded previews after EOI). Entropy-coded data is copied untouched.
 */
public final class JpegStream {
  static final int SOI = 0xD8;
  static final int EOI = 0xD9;
  static final int SOS = 0xDA;
  static final int DQT = 0xDB;
  static final int DHT = 0xC4;
  static final int DRI = 0xDD;
  private static final int APP1 = 0xE1;
  private static final int APP2 = 0xE2;
  private static final int APP14 = 0xEE;
  private static final byte[] EXIF_ID = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] ICC_ID = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] ADOBE_ID = "Adobe".getBytes(StandardCharsets.ISO_8859_1);
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  static final long ONES = 0x0101010101010101L;
  static final long HIGH_BITS = 0x8080808080808080L;

  /**
   * The largest photo accepted: the biggest phone and medium-format sensors (200 MP, 16320 x 12240)
   * fit; beyond it a frame header is lying, and a viewer trusting it would run out of memory.
   */
  static final int MAX_SIDE = 16384;

  static final long MAX_PIXELS = (long) MAX_SIDE * 12288;

  private final int frameMarker;
  private final int precision;
  private final int rows;
  private final int columns;
  private final int components;
  private final int adobeTransform;
  private final byte[] iccProfile;
  private final byte[] exif;
  private final byte[] cleaned;

  private JpegStream(
      int frameMarker,
      int precision,
      int rows,
      int columns,
      int components,
      int adobeTransform,
      byte[] iccProfile,
      byte[] exif,
      byte[] cleaned) {
    this.frameMarker = frameMarker;
    this.precision = precision;
    this.rows = rows;
    this.columns = columns;
    this.components = components;
    this.adobeTransform = adobeTransform;
    this.iccProfile = iccProfile;
    this.exif = exif;
    this.cleaned = cleaned;
  }

  /** Reads the marker structure of a whole JPEG file. */
  public static JpegStream parse(byte[] data) throws UnsupportedMediaException {
    if (data.length < 2 || u8(data, 0) != 0xFF || u8(data, 1) != SOI) {
      throw new UnsupportedMediaException("not a JPEG file (no start-of-image marker)");
    }
    Ranges out = new Ranges(data);
    out.keep(0, 2);
    List<byte[]> iccChunks = new ArrayList<>();
    byte[] exif = null;
    int frameMarker = -1;
    int precision = 0;
    int rows = 0;
    int columns = 0;
    int components = 0;
    int adobeTransform = -1;
    int pos = 2;
    while (true) {
      if (pos + 1 >= data.length) {
        throw truncated();
      }
      if (u8(data, pos) != 0xFF) {
        throw new UnsupportedMediaException(
            "damaged JPEG: expected a marker at byte " + pos + " of " + data.length);
      }
      int marker = u8(data, pos + 1);
      if (marker == 0xFF) {
        pos++;
        continue;
      }
      if (marker == EOI) {
        out.keep(pos, 2);
        break;
      }
      if (pos + 3 >= data.length) {
        throw truncated();
      }
      int length = (u8(data, pos + 2) << 8) | u8(data, pos + 3);
      int end = pos + 2 + length;
      if (length < 2 || end > data.length) {
        throw truncated();
      }
      int payload = pos + 4;
      if (isFrameMarker(marker)) {
        if (frameMarker >= 0) {
          throw new UnsupportedMediaException("JPEG holds more than one frame header");
        }
        if (length < 8) {
          throw truncated();
        }
        frameMarker = marker;
        precision = u8(data, payload);
        rows = (u8(data, payload + 1) << 8) | u8(data, payload + 2);
        columns = (u8(data, payload + 3) << 8) | u8(data, payload + 4);
        components = u8(data, payload + 5);
        out.keep(pos, end - pos);
      } else if (marker == APP1 && startsWith(data, payload, end, EXIF_ID)) {
        exif = Arrays.copyOfRange(data, payload + EXIF_ID.length, end);
      } else if (marker == APP2 && startsWith(data, payload, end, ICC_ID)) {
        iccChunks.add(Arrays.copyOfRange(data, payload + ICC_ID.length, end));
      } else if (marker == APP14 && startsWith(data, payload, end, ADOBE_ID) && length >= 14) {
        adobeTransform = u8(data, payload + 11);
      } else if (marker == DQT || marker == DHT || marker == DRI) {
        out.keep(pos, end - pos);
      } else if (marker == SOS) {
        int scanEnd = endOfEntropyCodedData(data, end);
        out.keep(pos, scanEnd - pos);
        pos = scanEnd;
        continue;
      }
      pos = end;
    }
    if (frameMarker < 0) {
      throw new UnsupportedMediaException("damaged JPEG: no frame header");
    }
    return new JpegStream(
        frameMarker,
        precision,
        rows,
        columns,
        components,
        adobeTransform,
        joinIcc(iccChunks),
        exif,
        out.join());
  }

  /**
   * Checks that the stream is what the JPEG Baseline transfer syntax can carry: sequential
   * Huffman-coded, 8 bits, one (grey) or three (colour) components, YCbCr.
   */
  public void requireBaseline() throws UnsupportedMediaException {
    if (frameMarker == 0xC2 || frameMarker == 0xC6 || frameMarker == 0xCA || frameMarker == 0xCE) {
      throw new UnsupportedMediaException(
          "progressive JPEG is not supported: DICOM JPEG Baseline needs a sequential JPEG;"
              + " re-save the photo as baseline (standard) JPEG");
    }
    if (frameMarker != 0xC0) {
      throw new UnsupportedMediaException(
          String.format(
              "JPEG coding process SOF%d is not supported (only baseline JPEG)",
              frameMarker - 0xC0));
    }
    if (precision != 8) {
      throw new UnsupportedMediaException(
          precision + "-bit JPEG is not supported: DICOM JPEG Baseline holds 8-bit samples only");
    }
    if (components == 4) {
      throw new UnsupportedMediaException(
          "CMYK JPEG (print colour) is not supported: convert the photo to RGB first");
    }
    if (components != 1 && components != 3) {
      throw new UnsupportedMediaException(
          "JPEG with " + components + " colour components is not supported (1 or 3 only)");
    }
    if (components == 3 && adobeTransform == 0) {
      throw new UnsupportedMediaException(
          "JPEG stores RGB without colour transform; DICOM photographic objects need YCbCr JPEG");
    }
    if (rows == 0 || columns == 0) {
      throw new UnsupportedMediaException("JPEG without image size in its frame header");
    }
    if (rows > MAX_SIDE || columns > MAX_SIDE || (long) rows * columns > MAX_PIXELS) {
      throw new UnsupportedMediaException(
          "JPEG claims "
              + columns
              + " x "
              + rows
              + " pixels, more than any camera or frame grabber makes (at most "
              + MAX_SIDE
              + " pixels a side, "
              + MAX_PIXELS / 1_000_000
              + " megapixels): a damaged or forged file");
    }
  }

  public int rows() {
    return rows;
  }

  public int columns() {
    return columns;
  }

  public int components() {
    return components;
  }

  /** The embedded ICC profile, or null when the file has none. */
  public byte[] iccProfile() {
    return iccProfile;
  }

  /** The EXIF block (a TIFF structure), or null when the file has none. */
  public byte[] exif() {
    return exif;
  }

  /** The stream with only SOI, tables, frame and scans, and EOI. */
  public byte[] cleaned() {
    return cleaned;
  }

  /** The parts of the file to keep, copied into one array of exactly their size at the end. */
  private static final class Ranges {
    private final byte[] data;
    private int[] starts = new int[16];
    private int[] lengths = new int[16];
    private int count;
    private int total;

    Ranges(byte[] data) {
      this.data = data;
    }

    void keep(int start, int length) {
      if (count > 0 && starts[count - 1] + lengths[count - 1] == start) {
        lengths[count - 1] += length;
      } else {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
          lengths = Arrays.copyOf(lengths, count * 2);
        }
        starts[count] = start;
        lengths[count] = length;
        count++;
      }
      total += length;
    }

    byte[] join() {
      byte[] out = new byte[total];
      int at = 0;
      for (int i = 0; i < count; i++) {
        System.arraycopy(data, starts[i], out, at, lengths[i]);
        at += lengths[i];
      }
      return out;
    }
  }

  private static boolean isFrameMarker(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != DHT && marker != 0xC8 && marker != 0xCC;
  }

  /**
   * Returns the offset of the first marker after a scan's entropy-coded data. A 12-megapixel photo
   * is mostly entropy-coded data in which 0xFF is rare, so the search looks at eight bytes at a
   * time and only inspects words that hold a 0xFF.
   */
  private static int endOfEntropyCodedData(byte[] data, int from) throws UnsupportedMediaException {
    int i = from;
    int wordsEnd = data.length - 9;
    while (i < wordsEnd) {
      long word = (long) LONGS.get(data, i);
      long inverted = ~word;
      if (((inverted - ONES) & ~inverted & HIGH_BITS) == 0) {
        i += 8;
        continue;
      }
      for (int end = i + 8; i < end; i++) {
        if (data[i] == (byte) 0xFF && isMarker(u8(data, i + 1))) {
          return i;
        }
      }
    }
    for (; i + 1 < data.length; i++) {
      if (data[i] == (byte) 0xFF && isMarker(u8(data, i + 1))) {
        return i;
      }
    }
    throw truncated();
  }

  /** After 0xFF inside a scan: stuffing (00), a restart marker, a fill byte, or a real marker. */
  private static boolean isMarker(int next) {
    return next != 0x00 && (next < 0xD0 || next > 0xD7) && next != 0xFF;
  }

  private static byte[] joinIcc(List<byte[]> chunks) {
    if (chunks.isEmpty()) {
      return null;
    }
    chunks.sort(
        (a, b) -> Integer.compare(a.length > 0 ? a[0] & 0xFF : 0, b.length > 0 ? b[0] & 0xFF : 0));
    ByteArrayOutputStream icc = new ByteArrayOutputStream();
    for (byte[] chunk : chunks) {
      if (chunk.length > 2) {
        icc.write(chunk, 2, chunk.length - 2);
      }
    }
    return icc.toByteArray();
  }

  private static boolean startsWith(byte[] data, int from, int end, byte[] prefix) {
    if (end - from < prefix.length) {
      return false;
    }
    return Arrays.equals(data, from, from + prefix.length, prefix, 0, prefix.length);
  }

  private static int u8(byte[] data, int i) {
    return data[i] & 0xFF;
  }

  private static UnsupportedMediaException truncated() {
    return new UnsupportedMediaException("truncated JPEG: the file ends before the image does");
  }
}
