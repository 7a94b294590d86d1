package org.bedsidecapture.devices.stills;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Optional;
import org.bedsidecapture.devices.ffmpeg.FfmpegLog;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libjpeg-turbo (built into OpenCV's image codecs) through JavaCV: SIMD encoding, about 40–60 ms
 * for 12 MP on this machine against ImageIO's 120+. The packed RGB ints are handed over as BGRA
 * bytes (their little-endian layout), which OpenCV's JPEG writer takes without a conversion pass.
 */
public final class TurboJpegEncoder implements JpegEncoder {
  private static final Logger LOG = LoggerFactory.getLogger(TurboJpegEncoder.class);

  private TurboJpegEncoder() {}

  /** The encoder, or empty when OpenCV's native libraries do not load on this platform. */
  public static Optional<TurboJpegEncoder> load() {
    FfmpegLog.toSlf4j();
    try {
      Loader.load(opencv_imgcodecs.class);
      return Optional.of(new TurboJpegEncoder());
    } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
      LOG.warn(
          "libjpeg-turbo (OpenCV) does not load here, stills use the JDK encoder: {}",
          e.toString());
      return Optional.empty();
    }
  }

  @Override
  public String name() {
    return "libjpeg-turbo (OpenCV " + opencv_core.CV_VERSION() + ")";
  }

  @Override
  public byte[] encode(int[] rgb, int width, int height) throws IOException {
    if (rgb.length != width * height) {
      throw new IllegalArgumentException(rgb.length + " pixels for " + width + "x" + height);
    }
    if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
      throw new IOException("libjpeg-turbo path expects a little-endian machine");
    }
    try (Mat bgra = new Mat(height, width, opencv_core.CV_8UC4);
        IntPointer params = new IntPointer(opencv_imgcodecs.IMWRITE_JPEG_QUALITY, QUALITY);
        BytePointer out = new BytePointer()) {
      new IntPointer(bgra.data()).put(rgb, 0, rgb.length);
      if (!opencv_imgcodecs.imencode(".jpg", bgra, out, params)) {
        throw new IOException("libjpeg-turbo could not encode the still");
      }
      byte[] jpeg = new byte[(int) out.limit()];
      out.get(jpeg);
      return jpeg;
    }
  }
}
