package org.bedsidecapture.app.ui;

import java.nio.IntBuffer;
import javafx.animation.AnimationTimer;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.bedsidecapture.app.ui.model.PreviewModel;

/**
 * A live preview: on each screen pulse the sink's newest frame goes into a pixel buffer the
 * renderer reads as it is (opaque ARGB is already premultiplied, so nothing is converted on the FX
 * thread), and the sink is told the size the preview is shown at so frames arrive at that size
 * (drawn 1:1, nothing to scale). An empty sink (the device went away) leaves the preview black,
 * never a frozen last frame.
 */
final class LivePreview extends ImageView {
  private final PreviewModel.Sink sink;
  private final AnimationTimer drawing;
  private PixelBuffer<IntBuffer> buffer;
  private int[] pixels;
  private long drawn = -1;

  LivePreview(PreviewModel.Sink sink) {
    this.sink = sink;
    setPreserveRatio(true);
    setSmooth(false);
    drawing =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            draw();
          }
        };
    fitWidthProperty().addListener((o, was, now) -> fitSink());
    fitHeightProperty().addListener((o, was, now) -> fitSink());
    sceneProperty().addListener((o, was, now) -> fitSink());
  }

  void start() {
    drawing.start();
  }

  void stop() {
    drawing.stop();
  }

  private void fitSink() {
    double scale =
        getScene() == null || getScene().getWindow() == null
            ? 1
            : getScene().getWindow().getOutputScaleX();
    sink.fitTo((int) Math.floor(getFitWidth() * scale), (int) Math.floor(getFitHeight() * scale));
  }

  private void draw() {
    PreviewModel.Shown f = sink.newest();
    if (f == null) {
      if (buffer != null) {
        setImage(null);
        buffer = null;
        drawn = -1;
      }
      return;
    }
    if (f.number() == drawn) {
      return;
    }
    if (buffer == null || buffer.getWidth() != f.width() || buffer.getHeight() != f.height()) {
      pixels = new int[f.width() * f.height()];
      buffer =
          new PixelBuffer<>(
              f.width(), f.height(), IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
      setImage(new WritableImage(buffer));
    }
    buffer.updateBuffer(
        b -> {
          System.arraycopy(f.argb(), 0, pixels, 0, pixels.length);
          return null;
        });
    drawn = f.number();
    sink.drew();
  }
}
