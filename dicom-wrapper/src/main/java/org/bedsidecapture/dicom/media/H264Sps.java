package org.bedsidecapture.dicom.media;

/**
 * The few facts of an H.264 sequence parameter set (ITU-T H.264 §7.3.2.1.1) that decide whether a
 * stream fits DICOM video: chroma format and bit depth. Parsing stops before the scaling lists.
 */
record H264Sps(int chromaFormat, int bitDepth) {
  private static final java.util.Set<Integer> HIGH_PROFILES =
      java.util.Set.of(100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135);

  /** The first SPS of an avcC box (ISO/IEC 14496-15 §5.3.3.1), or null when it cannot be read. */
  static H264Sps fromAvcC(byte[] avcC) {
    if (avcC.length < 8 || (avcC[5] & 0x1F) == 0) {
      return null;
    }
    int length = ((avcC[6] & 0xFF) << 8) | (avcC[7] & 0xFF);
    if (8 + length > avcC.length || length < 4) {
      return null;
    }
    byte[] rbsp = unescape(avcC, 9, 8 + length);
    try {
      return parse(rbsp);
    } catch (ArrayIndexOutOfBoundsException e) {
      return null;
    }
  }

  static String profileName(int profileIdc) {
    return switch (profileIdc) {
      case 66 -> "Baseline";
      case 77 -> "Main";
      case 88 -> "Extended";
      case 100 -> "High";
      case 110 -> "High 10";
      case 122 -> "High 4:2:2";
      case 244 -> "High 4:4:4";
      default -> "profile_idc " + profileIdc;
    };
  }

  private static H264Sps parse(byte[] rbsp) {
    Bits bits = new Bits(rbsp);
    int profile = bits.u(8);
    bits.u(8);
    bits.u(8);
    bits.ue();
    if (!HIGH_PROFILES.contains(profile)) {
      return new H264Sps(1, 8);
    }
    int chroma = bits.ue();
    if (chroma == 3) {
      bits.u(1);
    }
    int lumaDepth = bits.ue() + 8;
    return new H264Sps(chroma, lumaDepth);
  }

  /** Removes emulation-prevention bytes (00 00 03). */
  private static byte[] unescape(byte[] data, int from, int to) {
    byte[] out = new byte[to - from];
    int n = 0;
    int zeros = 0;
    for (int i = from; i < to; i++) {
      int b = data[i] & 0xFF;
      if (zeros >= 2 && b == 3) {
        zeros = 0;
        continue;
      }
      zeros = b == 0 ? zeros + 1 : 0;
      out[n++] = (byte) b;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** A big-endian bit reader with Exp-Golomb codes. */
  private static final class Bits {
    private final byte[] data;
    private int bit;

    Bits(byte[] data) {
      this.data = data;
    }

    int u(int n) {
      int v = 0;
      for (int i = 0; i < n; i++) {
        v = (v << 1) | ((data[bit >> 3] >> (7 - (bit & 7))) & 1);
        bit++;
      }
      return v;
    }

    int ue() {
      int zeros = 0;
      while (u(1) == 0) {
        zeros++;
      }
      return (1 << zeros) - 1 + u(zeros);
    }
  }
}
