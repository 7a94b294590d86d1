package org.bedsidecapture.devices.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.bedsidecapture.devices.synthetic.BarcodeScene;
import org.junit.jupiter.api.Test;

class DecodingLoopTest {
  @Test
  void decodesOffTheCallersThreadAndReportsAContentOnceWhileItStaysInView() throws Exception {
    BufferedImage frame =
        BarcodeScene.frame(
            BarcodeScene.barcode(BarcodeFormat.CODE_128, "DEMO-000001", false),
            new BarcodeScene.View(0, false, 1, false),
            1);
    DecodingLoop.LumaFrame luma =
        new DecodingLoop.LumaFrame(
            BarcodeScene.luma(frame), BarcodeScene.WIDTH, BarcodeScene.HEIGHT, BarcodeScene.WIDTH);
    List<String> reads = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    try (DecodingLoop loop =
        new DecodingLoop(
            5,
            Duration.ofSeconds(10),
            d -> {
              reads.add(d.content());
              threads.add(Thread.currentThread().getName());
            })) {
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
      int offered = 0;
      while (System.nanoTime() < end) {
        loop.offer(luma);
        offered++;
        Thread.sleep(33);
      }
      assertThat(offered).isGreaterThan(30);
    }
    assertThat(reads).containsExactly("DEMO-000001");
    assertThat(threads).containsExactly("barcode-decoding");
  }
}
