package org.bedsidecapture.app.ui.model;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.bedsidecapture.devices.barcode.DecodingLoop;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.DeviceException;
import org.bedsidecapture.devices.spi.VideoFormat;

/**
 * Scanning a wristband with the camera: the device's preview feeds the barcode decoder on its own
 * thread, and a barcode read is handed to {@code onRead} on {@code ui}, once while it stays in
 * view.
 */
public final class CameraScan implements AutoCloseable {
  private final Camera.Preview preview;
  private final DecodingLoop decoding;

  private CameraScan(Camera.Preview preview, DecodingLoop decoding) {
    this.preview = preview;
    this.decoding = decoding;
  }

  /** Starts the camera's smallest format at least 1280 wide (or its largest) and decodes it. */
  public static CameraScan start(
      Camera camera, PreviewModel.Sink shown, Executor ui, Consumer<String> onRead)
      throws DeviceException {
    VideoFormat format =
        camera.formats().stream()
            .filter(f -> f.width() >= 1280)
            .findFirst()
            .orElse(camera.formats().get(camera.formats().size() - 1));
    DecodingLoop decoding =
        new DecodingLoop(
            10, Duration.ofSeconds(3), read -> ui.execute(() -> onRead.accept(read.content())));
    try {
      Camera.Preview preview =
          camera.startPreview(
              format,
              f -> {
                decoding.offer(
                    new DecodingLoop.LumaFrame(f.luma().clone(), f.width(), f.height(), f.width()));
                shown.accept(f);
              },
              gone -> {});
      return new CameraScan(preview, decoding);
    } catch (DeviceException | RuntimeException e) {
      try {
        decoding.close();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      throw e;
    }
  }

  @Override
  public void close() {
    preview.close();
    try {
      decoding.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
