package org.bedsidecapture.devices.spi;

/**
 * What a clip is encoded as, worked out from the source: H.264 High profile at the lowest level of
 * the two DICOM allows (PS3.5 §8.2.7–8.2.8: 4.1 for up to 1080p30 or 720p60, 4.2 for 1080p60). A
 * source larger than a level 4.2 frame (4K, 12 MP) is scaled down to fit 1920×1080; a frame rate
 * beyond the level is lowered to 30 (frames are dropped evenly).
 */
public record ClipFormat(int width, int height, double framesPerSecond, String level) {
  /** Largest frame of levels 4.1/4.2, in 16×16 macroblocks (ITU-T H.264 Table A-1). */
  private static final int MAX_FRAME_MACROBLOCKS = 8192;

  private static final int LEVEL_41_MACROBLOCKS_PER_SECOND = 245_760;
  private static final int LEVEL_42_MACROBLOCKS_PER_SECOND = 522_240;

  public static ClipFormat forSource(int sourceWidth, int sourceHeight, double sourceRate) {
    if (sourceWidth <= 0 || sourceHeight <= 0 || !(sourceRate > 0)) {
      throw new IllegalArgumentException(
          "no clip format for " + sourceWidth + "x" + sourceHeight + "@" + sourceRate);
    }
    int width = even(sourceWidth);
    int height = even(sourceHeight);
    if (macroblocks(width, height) > MAX_FRAME_MACROBLOCKS) {
      double scale = Math.min(1920.0 / sourceWidth, 1080.0 / sourceHeight);
      width = even((int) Math.floor(sourceWidth * scale));
      height = even((int) Math.floor(sourceHeight * scale));
    }
    double rate = sourceRate;
    long perSecond = (long) Math.ceil(macroblocks(width, height) * rate);
    if (perSecond <= LEVEL_41_MACROBLOCKS_PER_SECOND) {
      return new ClipFormat(width, height, rate, "4.1");
    }
    if (perSecond <= LEVEL_42_MACROBLOCKS_PER_SECOND) {
      return new ClipFormat(width, height, rate, "4.2");
    }
    return forSource(width, height, 30);
  }

  private static int macroblocks(int width, int height) {
    return ((width + 15) / 16) * ((height + 15) / 16);
  }

  private static int even(int n) {
    return n & ~1;
  }
}
