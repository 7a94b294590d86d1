package org.bedsidecapture.devices.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bedsidecapture.devices.synthetic.BarcodeScene;
import org.junit.jupiter.api.Test;

class DecodingLoopTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void decodesOffTheCallersThreadAndReportsWhatItRead() throws Exception {
    BufferedImage frame =
        BarcodeScene.frame(
            BarcodeScene.barcode(BarcodeFormat.CODE_128, "DEMO-000001", false),
            new BarcodeScene.View(0, false, 1, false),
            1);
    DecodingLoop.LumaFrame luma =
        new DecodingLoop.LumaFrame(
            BarcodeScene.luma(frame), BarcodeScene.WIDTH, BarcodeScene.HEIGHT, BarcodeScene.WIDTH);
    CompletableFuture<String> thread = new CompletableFuture<>();
    CompletableFuture<String> read = new CompletableFuture<>();
    try (DecodingLoop loop =
        new DecodingLoop(
            5,
            Duration.ofSeconds(10),
            d -> {
              thread.complete(Thread.currentThread().getName());
              read.complete(d.content());
            })) {
      loop.offer(luma);
      assertThat(read.get(60, TimeUnit.SECONDS)).isEqualTo("DEMO-000001");
    }
    assertThat(thread.join()).isEqualTo("barcode-decoding");
  }

  @Test
  void theSameContentIsReportedOnceWhileItStaysInView() {
    SameContentQuiet quiet = new SameContentQuiet(Duration.ofSeconds(10));

    assertThat(quiet.isNew("DEMO-000001", 0)).isTrue();
    for (long t = 1; t <= 60; t++) {
      assertThat(quiet.isNew("DEMO-000001", t * SECOND / 2)).as("in view at %d/2 s", t).isFalse();
    }
    assertThat(quiet.isNew("DEMO-000002", 31 * SECOND)).as("another wristband").isTrue();
    assertThat(quiet.isNew("DEMO-000001", 32 * SECOND)).as("the first one again").isTrue();
    assertThat(quiet.isNew("DEMO-000001", 43 * SECOND)).as("back after 11 s away").isTrue();
  }
}
