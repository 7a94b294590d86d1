package org.bedsidecapture.devices.ffmpeg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Pixels of a JavaCV frame in BGRA (what our grabbers ask FFmpeg for) as packed RGB ints. */
public final class Pixels {
  private Pixels() {}

  public static int[] fromBgra(org.bytedeco.javacv.Frame image) {
    int w = image.imageWidth;
    int h = image.imageHeight;
    int[] rgb = new int[w * h];
    ByteBuffer bytes = ((ByteBuffer) image.image[0]).duplicate().order(ByteOrder.LITTLE_ENDIAN);
    int stride = image.imageStride;
    if (stride == w * 4) {
      bytes.position(0);
      bytes.asIntBuffer().get(rgb);
    } else {
      for (int y = 0; y < h; y++) {
        bytes.position(y * stride);
        bytes.slice().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(rgb, y * w, w);
      }
    }
    return rgb;
  }
}
