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

  /** libjpeg-turbo when its native library loads on this machine, the JDK's encoder otherwise. */
  static JpegEncoder fastest() {
    return TurboJpegEncoder.load().map(JpegEncoder.class::cast).orElseGet(ImageIoJpegEncoder::new);
  }
}
