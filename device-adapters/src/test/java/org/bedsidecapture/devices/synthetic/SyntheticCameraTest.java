package org.bedsidecapture.devices.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.DeviceException;
import org.bedsidecapture.devices.spi.VideoFormat;
import org.bedsidecapture.devices.stills.StillFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCameraTest {
  private final List<Camera> cameras = SyntheticCameraProvider.devices();
  private final SyntheticCamera camera = (SyntheticCamera) cameras.get(0);
  private final VideoFormat hd = new VideoFormat(1920, 1080, 30, VideoFormat.Encoding.RAW);

  @Test
  void framesCarryTheirTimeInTheStreamAsATimeCode() {
    assertThat(TestPattern.timecode(0)).isEqualTo("00:00:00:00");
    assertThat(TestPattern.timecode(30 * 3661 + 7)).isEqualTo("01:01:01:07");
  }

  @Test
  void aFrameIsTheSamePixelsEveryTimeAndTheBoxMoves() {
    assertThat(camera.render(hd, 7)).isEqualTo(camera.render(hd, 7));
    assertThat(camera.render(hd, 7)).isNotEqualTo(camera.render(hd, 8));
    Camera grabber = cameras.get(1);
    assertThat(grabber.kind()).isEqualTo(Camera.Kind.FRAME_GRABBER);
  }

  @Test
  void aStillIsAJpegOfTheFormatsSize(@TempDir Path dir) throws Exception {
    Path still = dir.resolve("still.jpg");
    StillFiles.write(camera.takeStill(hd), still);
    BufferedImage img = ImageIO.read(still.toFile());
    assertThat(img.getWidth()).isEqualTo(1920);
    assertThat(img.getHeight()).isEqualTo(1080);
    assertThatThrownBy(
            () ->
                StillFiles.write(
                    camera.takeStill(new VideoFormat(640, 480, 30, VideoFormat.Encoding.RAW)),
                    still))
        .isInstanceOf(DeviceException.class)
        .hasMessageContaining("does not offer 640x480");
  }
}
