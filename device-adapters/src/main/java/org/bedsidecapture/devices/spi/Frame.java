package org.bedsidecapture.devices.spi;

import java.time.Instant;

/**
 * One preview frame: its luma plane (what the barcode decoder and a grey preview need), its colour
 * pixels as packed RGB for display, its number in the stream and when it was taken. Buffers belong
 * to the device: a listener that keeps a frame beyond its call copies it.
 */
public record Frame(long number, Instant taken, int width, int height, byte[] luma, int[] rgb) {

  /** The BT.601 luma of packed RGB pixels, for devices that deliver RGB. */
  public static byte[] luma(int[] rgb) {
    byte[] y = new byte[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      int p = rgb[i];
      y[i] = (byte) ((77 * (p >> 16 & 0xFF) + 150 * (p >> 8 & 0xFF) + 29 * (p & 0xFF)) >> 8);
    }
    return y;
  }
}
