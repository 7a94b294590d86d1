package org.bedsidecapture.devices.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bedsidecapture.devices.barcode.DecodingLoop;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.VideoFormat;
import org.junit.jupiter.api.Test;

/**
 * The camera scanning path end to end on the synthetic device, in real time: the camera's preview,
 * pointed at a wristband, feeds the decoding loop, which reads the wristband. That a content is
 * reported once while it stays in view is {@code DecodingLoopTest}'s, on an injected clock.
 */
class CameraScanIT {
  @Test
  void aWristbandHeldInFrontOfTheCameraIsRead() throws Exception {
    SyntheticCamera camera =
        SyntheticCamera.pointedAt(
            BarcodeScene.barcode(BarcodeFormat.CODE_128, "DEMO-000002", false));
    VideoFormat format = camera.formats().get(0);
    CompletableFuture<String> read = new CompletableFuture<>();
    try (DecodingLoop loop =
            new DecodingLoop(10, Duration.ofSeconds(30), d -> read.complete(d.content()));
        Camera.Preview preview =
            camera.startPreview(
                format,
                f ->
                    loop.offer(
                        new DecodingLoop.LumaFrame(f.luma(), f.width(), f.height(), f.width())),
                gone -> {})) {
      assertThat(read.get(60, TimeUnit.SECONDS)).isEqualTo("DEMO-000002");
    }
  }
}
