package org.bedsidecapture.dicom.media;

import static org.bedsidecapture.dicom.media.JpegStream.DHT;
import static org.bedsidecapture.dicom.media.JpegStream.DQT;
import static org.bedsidecapture.dicom.media.JpegStream.DRI;
import static org.bedsidecapture.dicom.media.JpegStream.EOI;
import static org.bedsidecapture.dicom.media.JpegStream.HIGH_BITS;
import static org.bedsidecapture.dicom.media.JpegStream.ONES;
import static org.bedsidecapture.dicom.media.JpegStream.SOI;
import static org.bedsidecapture.dicom.media.JpegStream.SOS;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Decodes every entropy-coded block of a sequential Huffman JPEG (baseline and extended, SOF0 and
 * SOF1) without dequantizing or transforming it: what a viewer's decoder finds wrong in the data —
 * a code none of the scan's tables has, a Huffman or quantization table or a component a scan names
 * that is not there, a scan ending before its last block, restart markers missing or out of order,
 * bytes left over before a marker, a component no scan carries, no end-of-image marker — is found
 * here without making a single pixel (18 ms on one core for a noisy 12-megapixel photo of 4 MB,
 * about 11 million codes). It is as lenient as libjpeg (a run of zeros past the block's end ends
 * the block) and stricter in one thing: bytes left over between a scan's last block and the next
 * marker are refused, where libjpeg lets pass those it had already read ahead. (ImageIO also takes
 * a scan whose Huffman tables were never defined, putting the standard's example tables in their
 * place; libjpeg refuses it, and so does this: DICOM's JPEG must define every table before its
 * use.) Other coding processes (progressive, arithmetic, lossless) and a height given only after
 * the first scan (DNL) are not checked here: the caller decodes those whole.
 */
final class JpegEntropy {
  private static final int SOF0 = 0xC0;
  private static final int SOF1 = 0xC1;
  private static final int RST0 = 0xD0;
  private static final int LOOKAHEAD = 12;
  private static final int FAST_ENTRIES = 1 << LOOKAHEAD;
  private static final int BITS_MASK = 31;
  private static final int ADVANCE_SHIFT = 5;
  private static final int ADVANCE_MASK = 0xFF;
  private static final int PREFIX_SHIFT = 13;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final byte[] data;
  private final HuffmanTable[] dcTables = new HuffmanTable[4];
  private final HuffmanTable[] acTables = new HuffmanTable[4];
  private int[] ids;
  private int[] h;
  private int[] v;
  private int[] quantTable;
  private final boolean[] quantDefined = new boolean[4];
  private boolean[] scanned;
  private int width;
  private int height;
  private int maxH;
  private int maxV;
  private int restartInterval;

  private int pos;
  private long bits;
  private int bitCount;
  private int padding;
  private boolean atMarker;

  private JpegEntropy(byte[] data) {
    this.data = data;
  }

  /**
   * Decodes the entropy-coded data of {@code jpeg} (a whole file whose marker structure {@link
   * JpegStream} has read).
   *
   * @return false when its coding process is not one this decodes (the caller decodes it whole)
   * @throws UnsupportedMediaException saying what a decoder would find wrong
   */
  static boolean decodes(byte[] jpeg) throws UnsupportedMediaException {
    return new JpegEntropy(jpeg).run();
  }

  private boolean run() throws UnsupportedMediaException {
    if (data.length < 4 || u8(0) != 0xFF || u8(1) != SOI) {
      throw damaged("no start-of-image marker");
    }
    pos = 2;
    while (true) {
      while (pos < data.length && u8(pos) == 0xFF && pos + 1 < data.length && u8(pos + 1) == 0xFF) {
        pos++;
      }
      if (pos + 1 >= data.length) {
        throw damaged("the data ends before the end-of-image marker");
      }
      if (u8(pos) != 0xFF) {
        throw damaged("a marker was expected at byte " + pos);
      }
      int marker = u8(pos + 1);
      if (marker == EOI) {
        if (ids == null) {
          throw damaged("no frame header");
        }
        for (int c = 0; c < ids.length; c++) {
          if (!scanned[c]) {
            throw damaged("component " + ids[c] + " is in no scan: the data ends early");
          }
        }
        return true;
      }
      if ((marker >= RST0 && marker <= RST0 + 7) || marker == 0x01) {
        pos += 2;
        continue;
      }
      if (pos + 3 >= data.length) {
        throw damaged("the data ends inside a marker segment");
      }
      int length = (u8(pos + 2) << 8) | u8(pos + 3);
      int end = pos + 2 + length;
      if (length < 2 || end > data.length) {
        throw damaged("the data ends inside a marker segment");
      }
      int at = pos + 4;
      if (marker == SOF0 || marker == SOF1) {
        if (!frame(at, end)) {
          return false;
        }
      } else if (isOtherFrame(marker)) {
        return false;
      } else if (marker == DHT) {
        tables(at, end);
      } else if (marker == DQT) {
        quantTables(at, end);
      } else if (marker == DRI) {
        if (length != 4) {
          throw damaged("a restart interval segment of the wrong length");
        }
        restartInterval = (u8(at) << 8) | u8(at + 1);
      } else if (marker == SOS) {
        pos = scan(at, end);
        continue;
      }
      pos = end;
    }
  }

  private static boolean isOtherFrame(int marker) {
    return marker >= 0xC2 && marker <= 0xCF && marker != DHT && marker != 0xC8 && marker != 0xCC;
  }

  /** Reads the frame header; false for a height that only comes after the first scan (DNL). */
  private boolean frame(int at, int end) throws UnsupportedMediaException {
    if (ids != null) {
      throw damaged("more than one frame header");
    }
    if (end - at < 6) {
      throw damaged("a frame header too short");
    }
    height = (u8(at + 1) << 8) | u8(at + 2);
    width = (u8(at + 3) << 8) | u8(at + 4);
    int n = u8(at + 5);
    if (height == 0) {
      return false;
    }
    if (width == 0 || n == 0 || end - at < 6 + 3 * n) {
      throw damaged("a frame header without a size or its components");
    }
    if (end - at != 6 + 3 * n) {
      throw damaged("a frame header of the wrong length");
    }
    ids = new int[n];
    h = new int[n];
    v = new int[n];
    quantTable = new int[n];
    scanned = new boolean[n];
    for (int c = 0; c < n; c++) {
      int p = at + 6 + 3 * c;
      ids[c] = u8(p);
      h[c] = u8(p + 1) >> 4;
      v[c] = u8(p + 1) & 15;
      quantTable[c] = u8(p + 2);
      if (h[c] < 1 || h[c] > 4 || v[c] < 1 || v[c] > 4) {
        throw damaged("component " + ids[c] + " has sampling factors out of range");
      }
      maxH = Math.max(maxH, h[c]);
      maxV = Math.max(maxV, v[c]);
    }
    return true;
  }

  /** Notes which quantization tables a DQT segment defines (their values are not needed). */
  private void quantTables(int at, int end) throws UnsupportedMediaException {
    int p = at;
    while (p < end) {
      int id = u8(p) & 15;
      int size = (u8(p) >> 4) == 0 ? 64 : 128;
      if (id > 3) {
        throw damaged("a quantization table of an unknown number");
      }
      if (p + 1 + size > end) {
        throw damaged("a quantization table segment too short");
      }
      quantDefined[id] = true;
      p += 1 + size;
    }
  }

  private void tables(int at, int end) throws UnsupportedMediaException {
    int p = at;
    while (p < end) {
      if (p + 17 > end) {
        throw damaged("a Huffman table segment too short");
      }
      int kind = u8(p) >> 4;
      int id = u8(p) & 15;
      if (kind > 1 || id > 3) {
        throw damaged("a Huffman table of an unknown class or number");
      }
      int[] counts = new int[17];
      int total = 0;
      for (int l = 1; l <= 16; l++) {
        counts[l] = u8(p + l);
        total += counts[l];
      }
      if (total > 256 || p + 17 + total > end) {
        throw damaged("a Huffman table segment too short");
      }
      HuffmanTable t = new HuffmanTable(kind == 0, counts, data, p + 17, total);
      if (kind == 0) {
        dcTables[id] = t;
      } else {
        acTables[id] = t;
      }
      p += 17 + total;
    }
  }

  /** Decodes one scan whose header is at {@code at}; returns where the marker after it is. */
  private int scan(int at, int end) throws UnsupportedMediaException {
    if (ids == null) {
      throw damaged("a scan before the frame header");
    }
    int n = u8(at);
    if (n < 1 || n > 4 || end - at < 1 + 2 * n + 3) {
      throw damaged("a scan header too short");
    }
    if (end - at != 1 + 2 * n + 3) {
      throw damaged("a scan header of the wrong length");
    }
    int spectral = at + 1 + 2 * n;
    if (u8(spectral) != 0 || u8(spectral + 1) != 63 || u8(spectral + 2) != 0) {
      throw damaged("scan parameters that a sequential JPEG cannot have");
    }
    int[] comp = new int[n];
    HuffmanTable[] dc = new HuffmanTable[n];
    HuffmanTable[] ac = new HuffmanTable[n];
    for (int i = 0; i < n; i++) {
      int id = u8(at + 1 + 2 * i);
      int c = indexOf(id);
      if (c < 0) {
        throw damaged("a scan names component " + id + ", which the frame does not have");
      }
      if (scanned[c]) {
        throw damaged(
            "component " + id + " is in a second scan, which a sequential JPEG cannot have");
      }
      if (i > 0 && c < comp[i - 1]) {
        throw damaged("a scan names its components in another order than the frame header");
      }
      comp[i] = c;
      scanned[c] = true;
      if (quantTable[c] > 3 || !quantDefined[quantTable[c]]) {
        throw damaged(
            "component "
                + id
                + " needs quantization table "
                + quantTable[c]
                + ", which is not defined before its scan");
      }
      int selectors = u8(at + 2 + 2 * i);
      if ((selectors >> 4) > 3 || (selectors & 15) > 3) {
        throw damaged("a scan uses a Huffman table number beyond the four a JPEG has");
      }
      dc[i] = dcTables[selectors >> 4];
      ac[i] = acTables[selectors & 15];
      if (dc[i] == null || ac[i] == null) {
        throw damaged("a scan uses a Huffman table that was never defined");
      }
      if (dc[i].defect != null || ac[i].defect != null) {
        throw damaged(dc[i].defect != null ? dc[i].defect : ac[i].defect);
      }
    }
    pos = end;
    bits = 0;
    bitCount = 0;
    padding = 0;
    atMarker = false;
    long units;
    if (n == 1) {
      int c = comp[0];
      units = (long) ceil(ceil(width * h[c], maxH), 8) * ceil(ceil(height * v[c], maxV), 8);
    } else {
      units = (long) ceil(width, 8 * maxH) * ceil(height, 8 * maxV);
    }
    int perUnit = 0;
    for (int i = 0; i < n; i++) {
      perUnit += n == 1 ? 1 : h[comp[i]] * v[comp[i]];
    }
    HuffmanTable[] unitDc = new HuffmanTable[perUnit];
    HuffmanTable[] unitAc = new HuffmanTable[perUnit];
    for (int i = 0, b = 0; i < n; i++) {
      for (int j = n == 1 ? 1 : h[comp[i]] * v[comp[i]]; j > 0; j--, b++) {
        unitDc[b] = dc[i];
        unitAc[b] = ac[i];
      }
    }
    units(units, unitDc, unitAc);
    endOfSegment("the scan");
    return pos;
  }

  private void restart(int expected) throws UnsupportedMediaException {
    endOfSegment("a restart interval");
    if (pos + 1 >= data.length || u8(pos + 1) != RST0 + expected) {
      throw damaged("restart marker " + expected + " is missing or out of order");
    }
    pos += 2;
    bits = 0;
    bitCount = 0;
    padding = 0;
    atMarker = false;
  }

  /**
   * After the last block of a scan or restart interval only the bits that fill its last byte may be
   * left, and the next thing must be a marker.
   */
  private void endOfSegment(String what) throws UnsupportedMediaException {
    fill();
    if (!atMarker || bitCount - padding >= 8) {
      throw damaged("bytes are left over after the last block of " + what);
    }
    if (pos >= data.length) {
      throw damaged("the data ends before the end-of-image marker");
    }
  }

  /**
   * Decodes {@code count} units (MCUs) of the blocks whose tables are given, restart markers in
   * between: each block's DC difference and AC coefficients, each Huffman code and the value bits
   * after it taken together (the values themselves are not needed), and as many AC codes at once as
   * lie whole in the next {@link #LOOKAHEAD} bits (a camera's photo spends about three bits a code:
   * one table look-up for several codes, where each used to wait for the one before). The bit
   * buffer lives in locals here, the hot loop of the whole check; the fields hold it across a
   * restart and a slow fill.
   */
  private void units(long count, HuffmanTable[] unitDc, HuffmanTable[] unitAc)
      throws UnsupportedMediaException {
    final byte[] b8 = data;
    final int lastWord = b8.length - 8;
    long buffer = bits;
    int count8 = bitCount;
    int at = pos;
    int nextRestart = 0;
    for (long u = 0; u < count; u++) {
      if (restartInterval > 0 && u > 0 && u % restartInterval == 0) {
        bits = buffer;
        bitCount = count8;
        pos = at;
        restart(nextRestart);
        nextRestart = (nextRestart + 1) & 7;
        buffer = bits;
        count8 = bitCount;
        at = pos;
      }
      for (int b = 0; b < unitDc.length; b++) {
        HuffmanTable table = unitDc[b];
        HuffmanTable ac = unitAc[b];
        int k = 0;
        while (true) {
          if (count8 < 32) {
            long word = at <= lastWord && !atMarker ? (long) LONGS.get(b8, at) : -1L;
            long inverted = ~word;
            if (((inverted - ONES) & ~inverted & HIGH_BITS) == 0) {
              int n = (63 - count8) >> 3;
              buffer = (buffer << (n << 3)) | (word >>> (64 - (n << 3)));
              count8 += n << 3;
              at += n;
            } else {
              bits = buffer;
              bitCount = count8;
              pos = at;
              fill();
              buffer = bits;
              count8 = bitCount;
              at = pos;
            }
          }
          int window = (int) (buffer >>> (count8 - LOOKAHEAD)) & (FAST_ENTRIES - 1);
          int entry = table.run[window];
          if (entry == 0 || k + (entry >>> PREFIX_SHIFT) >= 64) {
            entry = table.fast[window];
            if (entry == 0) {
              entry = table.longCode(buffer, count8);
            }
          }
          count8 -= entry & BITS_MASK;
          k += (entry >>> ADVANCE_SHIFT) & ADVANCE_MASK;
          table = ac;
          if (k >= 64) {
            break;
          }
        }
        if (count8 < padding) {
          throw damaged("the data ends early: the scan stops before its last block");
        }
      }
    }
    bits = buffer;
    bitCount = count8;
    pos = at;
  }

  /**
   * Tops the bit buffer up byte by byte, to more than 48 bits (the hot loop in {@link #units} takes
   * eight bytes at a time where none is 0xFF, and comes here near a marker). A marker (or the end
   * of the data) stops the bytes: like a decoder, zeros stand in for what is missing, and a block
   * that needs them fails.
   */
  private void fill() {
    while (bitCount <= 48) {
      int b;
      if (atMarker) {
        b = 0;
        padding += 8;
      } else if (pos >= data.length) {
        atMarker = true;
        continue;
      } else {
        b = u8(pos);
        if (b == 0xFF) {
          int next = pos + 1;
          while (next < data.length && u8(next) == 0xFF) {
            next++;
          }
          if (next < data.length && u8(next) == 0) {
            pos = next + 1;
          } else {
            pos = next - 1;
            atMarker = true;
            continue;
          }
        } else {
          pos++;
        }
      }
      bits = (bits << 8) | b;
      bitCount += 8;
    }
  }

  private int indexOf(int id) {
    for (int c = 0; c < ids.length; c++) {
      if (ids[c] == id) {
        return c;
      }
    }
    return -1;
  }

  private static int ceil(int a, int b) {
    return (a + b - 1) / b;
  }

  private int u8(int i) {
    return data[i] & 0xFF;
  }

  private static UnsupportedMediaException damaged(String why) {
    return new UnsupportedMediaException(
        "damaged JPEG: its picture does not decode whole (" + why + ")");
  }

  /**
   * A Huffman table as JPEG's Annex C defines it, each symbol kept as what decoding it does: how
   * many bits it takes with the value bits after it (low five bits), and how far it moves along the
   * block (above them: 1 for a DC difference, the run plus one for an AC coefficient, 16 for a run
   * of sixteen zeros, 64 for the end of the block). Codes up to {@link #LOOKAHEAD} bits are looked
   * up at once, in a table small enough for the processor's first-level cache; zero there means a
   * longer code, or none.
   */
  private static final class HuffmanTable {
    final char[] fast = new char[FAST_ENTRIES];
    final int[] run = new int[FAST_ENTRIES];
    private final byte[] codeLengths = new byte[FAST_ENTRIES];
    final int[] maxCode = new int[17];
    final int[] minCode = new int[17];
    final int[] valueIndex = new int[17];
    final char[] entries;
    final String defect;

    /**
     * Builds the table; one a scan may not use keeps its {@link #defect} (like libjpeg, which
     * refuses such a table only when a scan uses it).
     */
    HuffmanTable(boolean dc, int[] counts, byte[] data, int at, int total) {
      entries = new char[total];
      defect = build(dc, counts, data, at);
      if (defect == null) {
        for (int w = 0; w < FAST_ENTRIES; w++) {
          run[w] = dc ? fast[w] : run(w);
        }
      }
    }

    private String build(boolean dc, int[] counts, byte[] data, int at) {
      int code = 0;
      int k = 0;
      for (int l = 1; l <= 16; l++) {
        valueIndex[l] = k;
        minCode[l] = code;
        for (int i = 0; i < counts[l]; i++) {
          if (code >= 1 << l) {
            return "a Huffman table with more codes than its lengths allow";
          }
          int value = data[at + k] & 0xFF;
          if (dc && value > 15) {
            return "a DC Huffman table with a difference of more than 15 bits";
          }
          entries[k] = entry(dc, value, l);
          if (l <= LOOKAHEAD) {
            int shift = LOOKAHEAD - l;
            for (int fill = 0; fill < 1 << shift; fill++) {
              fast[(code << shift) | fill] = entries[k];
              codeLengths[(code << shift) | fill] = (byte) l;
            }
          }
          code++;
          k++;
        }
        maxCode[l] = counts[l] == 0 ? -1 : code - 1;
        code <<= 1;
      }
      return null;
    }

    /**
     * The AC symbols whose codes lie whole in {@code window}, decoded one after another up to the
     * end of the block: their bits together, their advance together, and (above) the advance before
     * the last of them, so that a block ending earlier is left to one symbol at a time.
     */
    private int run(int window) {
      int used = 0;
      int advance = 0;
      int before = 0;
      int symbols = 0;
      while (used < LOOKAHEAD) {
        int index = (window << used) & (FAST_ENTRIES - 1);
        int e = fast[index];
        int length = e == 0 ? LOOKAHEAD + 1 : codeLengths[index];
        if (length > LOOKAHEAD - used) {
          break;
        }
        before = advance;
        used += e & BITS_MASK;
        advance += e >>> ADVANCE_SHIFT;
        symbols++;
        if (advance >= 64) {
          break;
        }
      }
      if (symbols == 0 || advance > ADVANCE_MASK) {
        return 0;
      }
      return before << PREFIX_SHIFT | advance << ADVANCE_SHIFT | used;
    }

    private static char entry(boolean dc, int value, int codeLength) {
      if (dc) {
        return (char) (1 << ADVANCE_SHIFT | (codeLength + value));
      }
      int run = value >> 4;
      int size = value & 15;
      int advance = size != 0 ? run + 1 : value == 0xF0 ? 16 : 64;
      return (char) (advance << ADVANCE_SHIFT | (codeLength + size));
    }

    /**
     * The entry for a code longer than the lookahead at the top of {@code bits} ({@code count}
     * valid bits), as the lookahead's entries are.
     */
    int longCode(long bits, int count) throws UnsupportedMediaException {
      for (int l = LOOKAHEAD + 1; l <= 16; l++) {
        int code = (int) (bits >>> (count - l)) & ((1 << l) - 1);
        if (code <= maxCode[l]) {
          return entries[valueIndex[l] + code - minCode[l]];
        }
      }
      throw damaged("a Huffman code that no table of the scan has");
    }
  }
}
