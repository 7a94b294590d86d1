package org.bedsidecapture.dicom;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One captured photo, clip or frame on disk, with what the user said about it.
 *
 * @param capturedAt when it was taken; null means: take it from the file's own metadata (EXIF
 *     DateTimeOriginal, MP4 creation time), falling back to the file's modification time
 * @param operator the person who captured it; may be null
 * @param note a short note of the user's, for Image Comments; may be null
 */
public record Capture(
    Path media,
    CaptureDevice device,
    BodySite bodySite,
    Laterality laterality,
    PersonName operator,
    OffsetDateTime capturedAt,
    String note) {

  public Capture(
      Path media,
      CaptureDevice device,
      BodySite bodySite,
      Laterality laterality,
      PersonName operator,
      OffsetDateTime capturedAt) {
    this(media, device, bodySite, laterality, operator, capturedAt, null);
  }

  public Capture {
    Objects.requireNonNull(media, "media file");
    Objects.requireNonNull(bodySite, "body site");
    Objects.requireNonNull(laterality, "laterality");
    device = device == null ? CaptureDevice.importedCamera() : device;
  }
}
