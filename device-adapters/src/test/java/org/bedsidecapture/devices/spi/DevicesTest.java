package org.bedsidecapture.devices.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DevicesTest {
  @Test
  void brokenProvidersAreSkippedAndTheOthersListedByPriorityWithNoCameraPlugged() {
    Devices devices = Devices.load();

    assertThat(devices.providers())
        .extracting(CameraProvider::name)
        .containsExactly("fails-to-list", "webcam-capture", "synthetic");
    assertThat(devices.cameras())
        .extracting(Camera::id)
        .containsExactly("synthetic-camera", "synthetic-ultrasound");
  }
}
