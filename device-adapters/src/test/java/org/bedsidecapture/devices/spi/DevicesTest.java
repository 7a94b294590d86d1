package org.bedsidecapture.devices.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bedsidecapture.devices.synthetic.SyntheticCameraProvider;
import org.junit.jupiter.api.Test;

class DevicesTest {
  @Test
  void brokenProvidersAreSkippedAndTheOthersListedByPriorityWithNoCameraPlugged() {
    Devices devices = Devices.load(DeviceSettings.defaults());

    assertThat(devices.providers())
        .extracting(CameraProvider::name)
        .containsExactly("fails-to-list", "ffmpeg-frame-grabbers", "webcam-capture", "synthetic");
    assertThat(devices.cameras())
        .extracting(Camera::id)
        .containsExactly("synthetic-camera", "synthetic-ultrasound");
  }

  @Test
  void aWardCartThatSaysNoToSyntheticDevicesListsNone() {
    assertThat(Devices.load(new DeviceSettings(null, false)).cameras())
        .extracting(Camera::id)
        .noneMatch(id -> id.startsWith("synthetic-"));
    assertThat(Devices.load(DeviceSettings.defaults()).cameras())
        .as("another Devices in the same JVM keeps its own settings")
        .extracting(Camera::id)
        .contains("synthetic-camera");
  }

  @Test
  void aDevicePluggedInOrOutChangesTheList() throws Exception {
    List<Camera> plugged = new java.util.concurrent.CopyOnWriteArrayList<>();
    Camera usb = SyntheticCameraProvider.devices().get(0);
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
          public List<Camera> cameras(DeviceSettings settings) {
            return List.copyOf(plugged);
          }
        };
    BlockingQueue<List<String>> changes = new LinkedBlockingQueue<>();
    try (AutoCloseable watching =
        Devices.of(List.of(hotPlug), DeviceSettings.defaults())
            .watch(
                Duration.ofMillis(50), now -> changes.add(now.stream().map(Camera::id).toList()))) {
      plugged.add(usb);
      assertThat(changes.poll(60, TimeUnit.SECONDS)).containsExactly("synthetic-camera");
      plugged.clear();
      assertThat(changes.poll(60, TimeUnit.SECONDS)).isEmpty();
    }
    assertThat(changes).as("nothing changed in between").isEmpty();
  }
}
