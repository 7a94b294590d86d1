package org.bedsidecapture.dicom.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;

/** Recognises a media file by its content (not its name) and prepares it for DICOM. */
public final class MediaReader {
  private final ZoneId stationZone;
  private final ClipReencoder reencoder;

  /**
   * @param stationZone the zone a photo was taken in when its EXIF carries no offset
   */
  public MediaReader(ZoneId stationZone) {
    this(stationZone, null);
  }

  /**
   * @param reencoder what re-encodes clips whose stream DICOM cannot carry, or null to refuse them
   */
  public MediaReader(ZoneId stationZone, ClipReencoder reencoder) {
    this.stationZone = stationZone;
    this.reencoder = reencoder;
  }

  /**
   * Reads and checks a media file.
   *
   * @param scratch where a clip's metadata-free copy may be made (same disk as the output); the
   *     caller deletes {@link PreparedMedia#pixelFile()} when it is not the media file itself
   */
  public PreparedMedia read(Path file, Path scratch) throws IOException, UnsupportedMediaException {
    long size = Files.size(file);
    if (size == 0) {
      throw new UnsupportedMediaException("empty file (0 bytes)");
    }
    byte[] head = new byte[12];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    head = Arrays.copyOf(head, n);
    if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
      return PhotoReader.read(Files.readAllBytes(file), stationZone);
    }
    if (head.length >= 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
      return clip(file, scratch);
    }
    String lossless = losslessFormat(head);
    if (lossless != null) {
      return LosslessImageReader.read(Files.readAllBytes(file), file, stationZone, lossless);
    }
    throw new UnsupportedMediaException(
        "not a photo or clip this app can wrap (JPEG, PNG, BMP, GIF, TIFF or MP4)");
  }

  private PreparedMedia clip(Path file, Path scratch)
      throws IOException, UnsupportedMediaException {
    try {
      return Mp4Clip.read(file, stationZone, scratch);
    } catch (UnsupportedMediaException e) {
      if (reencoder == null || !e.reencodable()) {
        throw e;
      }
    }
    Path reencoded = reencoder.reencode(file, scratch);
    try {
      PreparedMedia media = Mp4Clip.read(reencoded, stationZone, scratch);
      if (!media.pixelFile().equals(reencoded)) {
        Files.delete(reencoded);
      }
      return media;
    } catch (UnsupportedMediaException | IOException | RuntimeException e) {
      Files.deleteIfExists(reencoded);
      throw e;
    }
  }

  private static String losslessFormat(byte[] head) {
    if (startsWith(head, 0x89, 'P', 'N', 'G')) {
      return "PNG";
    }
    if (startsWith(head, 'B', 'M')) {
      return "BMP";
    }
    if (startsWith(head, 'G', 'I', 'F', '8')) {
      return "GIF";
    }
    if (startsWith(head, 'I', 'I', 42, 0) || startsWith(head, 'M', 'M', 0, 42)) {
      return "TIFF";
    }
    return null;
  }

  private static boolean startsWith(byte[] data, int... prefix) {
    if (data.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((data[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
