package org.bedsidecapture.devices.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bedsidecapture.devices.barcode.DecodingLoop;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.VideoFormat;
import org.junit.jupiter.api.Test;

/**
 * The camera scanning path end to end on the synthetic device: the camera's preview, pointed at a
 * wristband, feeds the decoding loop, which reports the wristband once.
 */
class CameraScanTest {
  @Test
  void aWristbandHeldInFrontOfTheCameraIsReadOnce() throws Exception {
    SyntheticCamera camera =
        SyntheticCamera.pointedAt(
            BarcodeScene.barcode(BarcodeFormat.CODE_128, "DEMO-000002", false));
    VideoFormat format = camera.formats().get(0);
    List<String> reads = new CopyOnWriteArrayList<>();
    try (DecodingLoop loop =
            new DecodingLoop(10, Duration.ofSeconds(30), d -> reads.add(d.content()));
        Camera.Preview preview =
            camera.startPreview(
                format,
                f ->
                    loop.offer(
                        new DecodingLoop.LumaFrame(f.luma(), f.width(), f.height(), f.width())),
                gone -> {})) {
      Thread.sleep(1500);
    }
    assertThat(reads).containsExactly("DEMO-000002");
  }
}
