package org.bedsidecapture.dicom.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares an MP4 clip for a DICOM video transfer syntax, without decoding it: reads the ISO base
 * media file boxes (ISO/IEC 14496-12) for the video track's codec, profile, level, size, frame
 * count and frame rate, and picks the transfer syntax the stream fits. The whole MP4 becomes the
 * one fragment of Pixel Data, as PS3.5 §8.2.7 asks. Clips that fit no transfer syntax are refused
 * with the reason; re-encoding them is the device module's job.
 */
final class Mp4Clip {
  static final String H264_HP41 = "1.2.840.10008.1.2.4.102";
  static final String H264_HP42 = "1.2.840.10008.1.2.4.104";
  static final String HEVC_MAIN = "1.2.840.10008.1.2.4.107";
  private static final long SECONDS_1904_TO_1970 = 2_082_844_800L;
  private static final int HIGH_PROFILE = 100;
  private static final int HEVC_MAIN_PROFILE = 1;
  private static final int HEVC_LEVEL_51 = 153;

  /** One box: its type, where it starts, where its payload starts, and where it ends. */
  private record Box(String type, long start, long payloadStart, long end) {}

  /** What the video track's boxes say. */
  private static final class Track {
    String handler;
    String codec;
    int width;
    int height;
    byte[] avcC;
    byte[] hvcC;
    long timescale;
    long creationSeconds;
    List<long[]> timeToSample = new ArrayList<>();
    long sampleCount = -1;
    boolean rotated;
  }

  private Mp4Clip() {}

  /**
   * @param scratch a folder for the metadata-free copy of the clip, when the clip carries user data
   *     (phones write location and device names there); null to refuse such clips instead
   */
  static PreparedMedia read(Path file, ZoneId stationZone, Path scratch)
      throws IOException, UnsupportedMediaException {
    List<Box> userData = new ArrayList<>();
    List<Track> tracks = new ArrayList<>();
    long movieCreation;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      movieCreation = walk(ch, 0, ch.size(), tracks, null, userData, 0);
    }
    List<Track> video = tracks.stream().filter(t -> "vide".equals(t.handler)).toList();
    if (video.isEmpty()) {
      throw new UnsupportedMediaException("MP4 without a video track");
    }
    if (video.size() > 1) {
      throw new UnsupportedMediaException("MP4 with " + video.size() + " video tracks (one only)");
    }
    Track v = video.get(0);
    String ts = transferSyntax(v);
    if (v.rotated) {
      throw UnsupportedMediaException.needsReencoding(
          "the clip is stored rotated with a display-rotation flag that DICOM viewers ignore;"
              + " it has to be re-encoded upright");
    }
    double frameTimeMillis = constantFrameTime(v);
    long frames =
        v.sampleCount >= 0 ? v.sampleCount : v.timeToSample.stream().mapToLong(e -> e[0]).sum();
    if (frames <= 0 || v.width <= 0 || v.height <= 0) {
      throw new UnsupportedMediaException("MP4 video track without frames or size");
    }
    long bytes = Files.size(file);
    if (bytes > 0xFFFF_FFFEL) {
      throw new UnsupportedMediaException(
          "clip is over 4 GB, the limit of one DICOM fragment; record shorter clips");
    }
    Path pixels = file;
    if (!userData.isEmpty()) {
      pixels = withoutUserData(file, userData, scratch);
    }
    long created = v.creationSeconds > 0 ? v.creationSeconds : movieCreation;
    OffsetDateTime takenAt =
        created > SECONDS_1904_TO_1970
            ? Instant.ofEpochSecond(created - SECONDS_1904_TO_1970)
                .atZone(stationZone)
                .toOffsetDateTime()
            : null;
    String method = HEVC_MAIN.equals(ts) ? "ISO_23008_2" : "ISO_14496_10";
    double ratio = (double) v.width * v.height * 3 * frames / bytes;
    return new PreparedMedia(
        PreparedMedia.Kind.CLIP,
        v.height,
        v.width,
        3,
        "YBR_PARTIAL_420",
        ts,
        true,
        null,
        pixels,
        (int) frames,
        frameTimeMillis,
        PreparedMedia.LossyCompression.once(ratio, method),
        null,
        null,
        takenAt,
        null,
        null);
  }

  private static String transferSyntax(Track v) throws UnsupportedMediaException {
    if (v.avcC != null) {
      if (v.avcC.length < 4) {
        throw new UnsupportedMediaException("damaged MP4: H.264 configuration too short");
      }
      int profile = v.avcC[1] & 0xFF;
      int level = v.avcC[3] & 0xFF;
      H264Sps sps = H264Sps.fromAvcC(v.avcC);
      if (profile != HIGH_PROFILE) {
        throw UnsupportedMediaException.needsReencoding(
            "H.264 "
                + H264Sps.profileName(profile)
                + " profile: DICOM video needs High profile;"
                + " the clip has to be re-encoded");
      }
      if (sps != null && (sps.chromaFormat() != 1 || sps.bitDepth() != 8)) {
        throw UnsupportedMediaException.needsReencoding(
            "H.264 stream is not 8-bit 4:2:0, which DICOM video needs; re-encode the clip");
      }
      if (level <= 41) {
        return H264_HP41;
      }
      if (level == 42) {
        return H264_HP42;
      }
      throw UnsupportedMediaException.needsReencoding(
          "H.264 level "
              + level / 10
              + "."
              + level % 10
              + " is above 4.2, the highest a DICOM"
              + " H.264 transfer syntax allows (4K or high frame rate); re-encode the clip");
    }
    if (v.hvcC != null) {
      if (v.hvcC.length < 19) {
        throw new UnsupportedMediaException("damaged MP4: HEVC configuration too short");
      }
      int profile = v.hvcC[1] & 0x1F;
      int level = v.hvcC[12] & 0xFF;
      int chroma = v.hvcC[16] & 0x03;
      int bitDepth = (v.hvcC[17] & 0x07) + 8;
      if (profile != HEVC_MAIN_PROFILE || chroma != 1 || bitDepth != 8) {
        throw UnsupportedMediaException.needsReencoding(
            "HEVC stream is not Main profile 8-bit 4:2:0 (10-bit or HDR phone video);"
                + " re-encode the clip");
      }
      if (level > HEVC_LEVEL_51) {
        throw UnsupportedMediaException.needsReencoding(
            "HEVC level above 5.1 is beyond the DICOM HEVC transfer syntax; re-encode the clip");
      }
      return HEVC_MAIN;
    }
    throw UnsupportedMediaException.needsReencoding(
        "MP4 video codec '" + v.codec + "' has no DICOM transfer syntax here (H.264 or HEVC)");
  }

  private static double constantFrameTime(Track v) throws UnsupportedMediaException {
    if (v.timescale <= 0 || v.timeToSample.isEmpty()) {
      throw new UnsupportedMediaException("damaged MP4: video track has no timing");
    }
    List<long[]> entries = new ArrayList<>(v.timeToSample);
    if (entries.size() > 1 && entries.get(entries.size() - 1)[0] == 1) {
      entries.remove(entries.size() - 1);
    }
    long delta = entries.get(0)[1];
    for (long[] e : entries) {
      if (e[1] != delta) {
        throw UnsupportedMediaException.needsReencoding(
            "the clip has a variable frame rate (as phones record); DICOM video needs a constant"
                + " rate, so the clip has to be re-encoded");
      }
    }
    if (delta <= 0) {
      throw new UnsupportedMediaException("damaged MP4: zero frame duration");
    }
    return delta * 1000.0 / v.timescale;
  }

  /** Walks the boxes in [from, to); returns the movie header's creation time when found. */
  private static long walk(
      FileChannel ch,
      long from,
      long to,
      List<Track> tracks,
      Track track,
      List<Box> userData,
      int depth)
      throws IOException, UnsupportedMediaException {
    long movieCreation = 0;
    long pos = from;
    while (pos + 8 <= to) {
      Box box = header(ch, pos, to);
      switch (box.type) {
        case "moov", "mdia", "minf", "stbl", "edts" ->
            movieCreation =
                Math.max(
                    movieCreation,
                    walk(ch, box.payloadStart, box.end, tracks, track, userData, depth + 1));
        case "trak" -> {
          Track t = new Track();
          tracks.add(t);
          walk(ch, box.payloadStart, box.end, tracks, t, userData, depth + 1);
        }
        case "udta", "meta", "uuid" -> {
          if (depth > 0) {
            userData.add(box);
          }
        }
        case "mvhd" -> movieCreation = creationTime(read(ch, box, 16, 16));
        case "tkhd" -> {
          if (track != null) {
            trackHeader(track, read(ch, box, 12, 100));
          }
        }
        case "mdhd" -> {
          if (track != null) {
            mediaHeader(track, read(ch, box, 24, 32));
          }
        }
        case "hdlr" -> {
          if (track != null) {
            ByteBuffer b = read(ch, box, 12, 12);
            track.handler = fourCc(b, 8);
          }
        }
        case "stsd" -> {
          if (track != null) {
            sampleDescription(
                track, read(ch, box, 0, (int) Math.min(box.end - box.payloadStart, 1 << 20)));
          }
        }
        case "stts" -> {
          if (track != null) {
            ByteBuffer b = read(ch, box, 8, (int) Math.min(box.end - box.payloadStart, 1 << 24));
            long n = b.getInt(4) & 0xFFFFFFFFL;
            for (int i = 0; i < n && 8 + i * 8 + 8 <= b.limit(); i++) {
              track.timeToSample.add(
                  new long[] {
                    b.getInt(8 + i * 8) & 0xFFFFFFFFL, b.getInt(12 + i * 8) & 0xFFFFFFFFL
                  });
            }
          }
        }
        case "stsz" -> {
          if (track != null) {
            track.sampleCount = read(ch, box, 12, 12).getInt(8) & 0xFFFFFFFFL;
          }
        }
        default -> {}
      }
      pos = box.end;
    }
    return movieCreation;
  }

  private static Box header(FileChannel ch, long pos, long limit)
      throws IOException, UnsupportedMediaException {
    ByteBuffer h = ByteBuffer.allocate(16);
    ch.read(h, pos);
    long size = h.getInt(0) & 0xFFFFFFFFL;
    String type = fourCc(h, 4);
    long payload = pos + 8;
    if (size == 1) {
      size = h.getLong(8);
      payload = pos + 16;
    } else if (size == 0) {
      size = limit - pos;
    }
    if (size < payload - pos || pos + size > limit) {
      throw new UnsupportedMediaException(
          "damaged or truncated MP4: box '" + type + "' runs past the end of the file");
    }
    return new Box(type, pos, payload, pos + size);
  }

  /**
   * The first {@code most} bytes of the box's payload; a box of its kind shorter than {@code least}
   * bytes is damaged.
   */
  private static ByteBuffer read(FileChannel ch, Box box, int least, int most)
      throws IOException, UnsupportedMediaException {
    if (box.end - box.payloadStart < least) {
      throw new UnsupportedMediaException(
          "damaged MP4: box '" + box.type + "' is too short for what it must hold");
    }
    int length = (int) Math.min(most, box.end - box.payloadStart);
    ByteBuffer b = ByteBuffer.allocate(length);
    while (b.hasRemaining()) {
      if (ch.read(b, box.payloadStart + b.position()) < 0) {
        throw new UnsupportedMediaException("truncated MP4");
      }
    }
    return b.flip();
  }

  private static long creationTime(ByteBuffer b) {
    int version = b.get(0) & 0xFF;
    return version == 1 ? b.getLong(4) : b.getInt(4) & 0xFFFFFFFFL;
  }

  private static void trackHeader(Track t, ByteBuffer b) {
    int version = b.get(0) & 0xFF;
    t.creationSeconds = version == 1 ? b.getLong(4) : b.getInt(4) & 0xFFFFFFFFL;
    int matrix =
        version == 1
            ? 4 + 8 + 8 + 4 + 4 + 8 + 8 + 2 + 2 + 2 + 2
            : 4 + 4 + 4 + 4 + 4 + 4 + 8 + 2 + 2 + 2 + 2;
    if (b.limit() >= matrix + 36) {
      int a = b.getInt(matrix);
      int bb = b.getInt(matrix + 4);
      int c = b.getInt(matrix + 12);
      int d = b.getInt(matrix + 16);
      t.rotated = !(a == 0x10000 && bb == 0 && c == 0 && d == 0x10000);
    }
  }

  private static void mediaHeader(Track t, ByteBuffer b) {
    int version = b.get(0) & 0xFF;
    if (version == 1) {
      t.creationSeconds = Math.max(t.creationSeconds, b.getLong(4));
      t.timescale = b.getInt(20) & 0xFFFFFFFFL;
    } else {
      t.creationSeconds = Math.max(t.creationSeconds, b.getInt(4) & 0xFFFFFFFFL);
      t.timescale = b.getInt(12) & 0xFFFFFFFFL;
    }
  }

  /** The first sample entry: codec four-cc, size, and its avcC or hvcC configuration box. */
  private static void sampleDescription(Track t, ByteBuffer b) {
    if (b.limit() < 16) {
      return;
    }
    int entryStart = 8;
    long entrySize = b.getInt(entryStart) & 0xFFFFFFFFL;
    t.codec = fourCc(b, entryStart + 4);
    if (!"vide".equals(t.handler) || b.limit() < entryStart + 86) {
      return;
    }
    t.width = b.getShort(entryStart + 32) & 0xFFFF;
    t.height = b.getShort(entryStart + 34) & 0xFFFF;
    int pos = entryStart + 86;
    int end = (int) Math.min(b.limit(), entryStart + entrySize);
    while (pos + 8 <= end) {
      int size = b.getInt(pos);
      String type = fourCc(b, pos + 4);
      if (size < 8 || pos + size > end) {
        return;
      }
      byte[] payload = new byte[size - 8];
      b.get(pos + 8, payload);
      if (type.equals("avcC")) {
        t.avcC = payload;
      } else if (type.equals("hvcC")) {
        t.hvcC = payload;
      }
      pos += size;
    }
  }

  /**
   * A copy of the clip whose user-data and metadata boxes (location, device, owner) are turned into
   * 'free' boxes of the same size and zeroed, so that no offset in the file moves.
   */
  private static Path withoutUserData(Path file, List<Box> boxes, Path scratch) throws IOException {
    Path copy = Files.createTempFile(scratch, ".clip-", ".mp4.part");
    try {
      Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
        for (Box box : boxes) {
          ch.write(ByteBuffer.wrap(new byte[] {'f', 'r', 'e', 'e'}), box.start + 4);
          ByteBuffer zeros = ByteBuffer.allocate(1 << 16);
          for (long p = box.payloadStart; p < box.end; p += zeros.capacity()) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), box.end - p));
            ch.write(zeros, p);
          }
        }
        ch.force(true);
      }
      return copy;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(copy);
      throw e;
    }
  }

  private static String fourCc(ByteBuffer b, int at) {
    char[] c = new char[4];
    for (int i = 0; i < 4; i++) {
      c[i] = (char) (b.get(at + i) & 0xFF);
    }
    return new String(c);
  }
}
