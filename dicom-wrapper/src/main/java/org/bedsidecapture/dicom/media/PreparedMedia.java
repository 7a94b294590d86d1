package org.bedsidecapture.dicom.media;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A photo or clip made ready for DICOM: the pixel description, the pixel data (in memory for
 * stills, on disk for clips), and what the file itself said about when and with what it was taken.
 *
 * @param pixelBytes the frame as it goes into Pixel Data (one encapsulated fragment, or native
 *     samples); null when the data is in {@code pixelFile}
 * @param pixelFile a file whose bytes are the one fragment (a clip's MP4); null for stills
 * @param frameTimeMillis for clips: nominal time between frames
 * @param lossy null when the pixels have never been lossy-compressed
 * @param iccProfile the colour profile for (0028,2000); null for grey images
 * @param derivation what was done to the pixels, or null when they are as captured
 * @param takenAt from EXIF or MP4 metadata, or null when the file does not say
 * @param cameraMake from EXIF Make, or null
 * @param cameraModel from EXIF Model, or null
 */
public record PreparedMedia(
    Kind kind,
    int rows,
    int columns,
    int samplesPerPixel,
    String photometricInterpretation,
    String transferSyntaxUid,
    boolean encapsulated,
    byte[] pixelBytes,
    Path pixelFile,
    int numberOfFrames,
    double frameTimeMillis,
    LossyCompression lossy,
    byte[] iccProfile,
    String derivation,
    OffsetDateTime takenAt,
    String cameraMake,
    String cameraModel) {

  /** Still image or clip. */
  public enum Kind {
    STILL,
    CLIP
  }

  /**
   * The history of lossy compression the pixels went through, first step first, for Lossy Image
   * Compression Ratio (0028,2112) and Method (0028,2114).
   */
  public record LossyCompression(List<Double> ratios, List<String> methods) {
    public LossyCompression {
      ratios = List.copyOf(ratios);
      methods = List.copyOf(methods);
      if (ratios.size() != methods.size() || ratios.isEmpty()) {
        throw new IllegalArgumentException("one ratio per lossy step");
      }
    }

    public static LossyCompression once(double ratio, String method) {
      return new LossyCompression(List.of(ratio), List.of(method));
    }

    /** This history followed by one more lossy step. */
    public LossyCompression then(double ratio, String method) {
      List<Double> r = new java.util.ArrayList<>(ratios);
      List<String> m = new java.util.ArrayList<>(methods);
      r.add(ratio);
      m.add(method);
      return new LossyCompression(r, m);
    }
  }
}
