package org.bedsidecapture.devices.barcode;

import com.google.zxing.LuminanceSource;

/**
 * A camera frame's luma (Y) plane as ZXing reads it: no conversion from RGB, which is most of
 * ZXing's time per frame when it is given a BufferedImage. Rotation is offered, so that ZXing's
 * "try harder" mode also finds one-dimensional barcodes held upright.
 */
final class LumaSource extends LuminanceSource {
  private final byte[] luma;
  private final int rowStride;

  LumaSource(byte[] luma, int width, int height, int rowStride) {
    super(width, height);
    this.luma = luma;
    this.rowStride = rowStride;
  }

  @Override
  public byte[] getRow(int y, byte[] row) {
    int w = getWidth();
    byte[] r = row == null || row.length < w ? new byte[w] : row;
    System.arraycopy(luma, y * rowStride, r, 0, w);
    return r;
  }

  @Override
  public byte[] getMatrix() {
    int w = getWidth();
    int h = getHeight();
    if (rowStride == w) {
      return luma.length == w * h ? luma : java.util.Arrays.copyOf(luma, w * h);
    }
    byte[] m = new byte[w * h];
    for (int y = 0; y < h; y++) {
      System.arraycopy(luma, y * rowStride, m, y * w, w);
    }
    return m;
  }

  @Override
  public boolean isRotateSupported() {
    return true;
  }

  @Override
  public LuminanceSource rotateCounterClockwise() {
    int w = getWidth();
    int h = getHeight();
    byte[] rotated = new byte[w * h];
    for (int y = 0; y < h; y++) {
      int row = y * rowStride;
      for (int x = 0; x < w; x++) {
        rotated[(w - 1 - x) * h + y] = luma[row + x];
      }
    }
    return new LumaSource(rotated, h, w, h);
  }
}
