package org.bedsidecapture.dicom.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * What a photo's EXIF block says about how to show it and when and with what it was taken; read
 * with metadata-extractor, which copes with the many malformed EXIF blocks cameras write.
 *
 * @param orientation EXIF Orientation 1..8 (1 = as stored)
 * @param takenAt DateTimeOriginal with OffsetTimeOriginal; without an offset, the station's zone
 */
record ExifFacts(int orientation, OffsetDateTime takenAt, String make, String model) {
  private static final int TAG_OFFSET_TIME_ORIGINAL = 0x9011;
  private static final DateTimeFormatter EXIF_DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");
  static final ExifFacts NONE = new ExifFacts(1, null, null, null);

  /** Reads the TIFF structure that follows "Exif\0\0" in a JPEG's APP1 segment. */
  static ExifFacts fromExifBlock(byte[] tiff, ZoneId stationZone) {
    if (tiff == null) {
      return NONE;
    }
    Metadata metadata = new Metadata();
    new ExifReader().extract(new ByteArrayReader(tiff), metadata);
    return from(metadata, stationZone);
  }

  /** Reads whatever metadata a non-JPEG image file (PNG, TIFF...) carries. */
  static ExifFacts fromFile(Path file, ZoneId stationZone) {
    try {
      return from(ImageMetadataReader.readMetadata(file.toFile()), stationZone);
    } catch (ImageProcessingException | IOException e) {
      return NONE;
    }
  }

  private static ExifFacts from(Metadata metadata, ZoneId stationZone) {
    int orientation = 1;
    String make = null;
    String model = null;
    ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
    if (ifd0 != null) {
      Integer o = ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
      orientation = o != null && o >= 1 && o <= 8 ? o : 1;
      make = clean(ifd0.getString(ExifIFD0Directory.TAG_MAKE));
      model = clean(ifd0.getString(ExifIFD0Directory.TAG_MODEL));
    }
    OffsetDateTime takenAt = null;
    ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
    if (sub != null) {
      takenAt =
          parse(
              sub.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL),
              sub.getString(TAG_OFFSET_TIME_ORIGINAL),
              stationZone);
    }
    return new ExifFacts(orientation, takenAt, make, model);
  }

  private static OffsetDateTime parse(String dateTime, String offset, ZoneId stationZone) {
    if (dateTime == null) {
      return null;
    }
    try {
      LocalDateTime local = LocalDateTime.parse(dateTime.strip(), EXIF_DATE_TIME);
      if (offset != null && !offset.isBlank()) {
        return local.atOffset(ZoneOffset.of(offset.strip()));
      }
      return local.atZone(stationZone).toOffsetDateTime();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = s.replace("\0", "").strip();
    return t.isEmpty() ? null : t;
  }
}
