package org.bedsidecapture.devices.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.bedsidecapture.devices.synthetic.SyntheticCameraProvider;
import org.junit.jupiter.api.Test;

class DevicesTest {
  @Test
  void brokenProvidersAreSkippedAndTheOthersListedByPriorityWithNoCameraPlugged() {
    Devices devices = Devices.load();

    assertThat(devices.providers())
        .extracting(CameraProvider::name)
        .containsExactly("fails-to-list", "ffmpeg-frame-grabbers", "webcam-capture", "synthetic");
    assertThat(devices.cameras())
        .extracting(Camera::id)
        .containsExactly("synthetic-camera", "synthetic-ultrasound");
  }

  @Test
  void aDevicePluggedInOrOutChangesTheList() throws Exception {
    List<Camera> plugged = new java.util.concurrent.CopyOnWriteArrayList<>();
    Camera usb = new SyntheticCameraProvider().cameras().get(0);
    CameraProvider hotPlug =
        new CameraProvider() {
          @Override
          public String name() {
            return "hot-plug";
          }

          @Override
          public int priority() {
            return 10;
          }

          @Override
          public boolean availableHere() {
            return true;
          }

          @Override
          public List<Camera> cameras() {
            return List.copyOf(plugged);
          }
        };
    List<List<String>> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (AutoCloseable watching =
        Devices.of(List.of(hotPlug))
            .watch(
                Duration.ofMillis(50), now -> changes.add(now.stream().map(Camera::id).toList()))) {
      plugged.add(usb);
      Thread.sleep(400);
      plugged.clear();
      Thread.sleep(400);
    }
    assertThat(changes).containsExactly(List.of("synthetic-camera"), List.of());
  }
}
