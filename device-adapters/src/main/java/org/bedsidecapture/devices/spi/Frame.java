package org.bedsidecapture.devices.spi;

import java.time.Instant;

/**
 * One preview frame: its luma plane (what the barcode decoder and a grey preview need), its colour
 * pixels as packed RGB for display, its number in the stream and when it was taken. Buffers belong
 * to the device: a listener that keeps a frame beyond its call copies it.
 */
public record Frame(long number, Instant taken, int width, int height, byte[] luma, int[] rgb) {}
