package org.bedsidecapture.devices.stills;

import java.io.IOException;

/**
 * Encodes a still from packed RGB pixels (what the devices deliver when they do not deliver JPEG)
 * into JPEG bytes. Implementations: {@link TurboJpegEncoder} (libjpeg-turbo inside OpenCV) and
 * {@link ImageIoJpegEncoder} (the JDK's); {@link #fastest()} picks the first one that loads here.
 */
public interface JpegEncoder {
  /** Quality of every still: visually lossless for wound photos, about 3 bits a pixel. */
  int QUALITY = 92;

  String name();

  byte[] encode(int[] rgb, int width, int height) throws IOException;

  /**
   * libjpeg-turbo when its native library loads on this machine, the JDK's encoder otherwise
   * (measured by {@code bench-preview}: about 60 against 120+ ms for 12 MP); loaded once.
   */
  static JpegEncoder fastest() {
    return Fastest.ENCODER;
  }

  /** Holds the chosen encoder, loaded on first use. */
  final class Fastest {
    private static final JpegEncoder ENCODER =
        TurboJpegEncoder.load().map(JpegEncoder.class::cast).orElseGet(ImageIoJpegEncoder::new);

    private Fastest() {}
  }
}
