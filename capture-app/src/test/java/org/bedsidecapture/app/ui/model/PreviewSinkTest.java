package org.bedsidecapture.app.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.bedsidecapture.devices.spi.Frame;
import org.junit.jupiter.api.Test;

class PreviewSinkTest {
  /** A frame whose every pixel says where it is: red is the column / 8, green the row / 8. */
  private static Frame frame(int width, int height) {
    int[] rgb = new int[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        rgb[y * width + x] = (x / 8) << 16 | (y / 8) << 8;
      }
    }
    return new Frame(7, Instant.EPOCH, width, height, null, rgb);
  }

  @Test
  void aFrameLargerThanThePreviewIsCopiedAtTheSizeItIsShownKeepingItsShape() {
    PreviewModel.Sink sink = new PreviewModel.Sink();
    sink.fitTo(940, 490);

    sink.accept(frame(1920, 1080));

    PreviewModel.Shown shown = sink.newest();
    assertThat(shown.width()).isEqualTo(871);
    assertThat(shown.height()).isEqualTo(490);
    assertThat(shown.number()).isEqualTo(7);
    int bottomRight = shown.argb()[489 * 871 + 870];
    int fromX = 870 * 1920 / 871;
    int fromY = 489 * 1080 / 490;
    assertThat(bottomRight).isEqualTo(0xFF000000 | (fromX / 8) << 16 | (fromY / 8) << 8);
  }

  @Test
  void aPreviewShownWiderThanTheFrameGetsEveryPixelOpaque() {
    PreviewModel.Sink sink = new PreviewModel.Sink();
    sink.fitTo(1500, 0);

    sink.accept(frame(1280, 720));

    assertThat(sink.newest().width()).isEqualTo(1280);
    assertThat(java.util.Arrays.stream(sink.newest().argb())).allMatch(p -> p >>> 24 == 0xFF);
  }
}
