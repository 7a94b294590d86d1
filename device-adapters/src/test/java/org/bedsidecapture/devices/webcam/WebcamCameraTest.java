package org.bedsidecapture.devices.webcam;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import org.bedsidecapture.devices.spi.VideoFormat;
import org.junit.jupiter.api.Test;

/** The USB camera adapter at its seams: format negotiation and error wording (no camera on CI). */
class WebcamCameraTest {
  private static final Dimension[] OFFERED = {
    new Dimension(640, 480), new Dimension(1920, 1080), new Dimension(1280, 720)
  };

  @Test
  void formatsAreOfferedLargestFirst() {
    assertThat(WebcamCamera.formats(OFFERED))
        .extracting(VideoFormat::width)
        .containsExactly(1920, 1280, 640);
  }

  @Test
  void aSizeTheCameraLacksFallsToTheNearestItHas() {
    assertThat(
            WebcamCamera.nearest(
                OFFERED, new VideoFormat(3840, 2160, 30, VideoFormat.Encoding.RAW)))
        .isEqualTo(new Dimension(1920, 1080));
    assertThat(
            WebcamCamera.nearest(OFFERED, new VideoFormat(1024, 768, 30, VideoFormat.Encoding.RAW)))
        .isEqualTo(new Dimension(1280, 720));
  }

  @Test
  void failuresSayWhatToDo() {
    assertThat(
            WebcamCamera.explain("Cam A", new RuntimeException("Device or resource busy (EBUSY)")))
        .isEqualTo("Cam A is in use by another program: close it and try again");
    assertThat(WebcamCamera.explain("Cam A", new UnsatisfiedLinkError("libv4l2.so.0: not found")))
        .contains("install libv4l-0");
  }

  @Test
  void theProviderWorksOnTheDesktopSystems() {
    assertThat(new WebcamCameraProvider().availableHere()).isTrue();
  }

  @Test
  void captureCardsAreLeftToTheFrameGrabberProvider() {
    assertThat(WebcamCameraProvider.deviceName("USB3.0 HD Video Capture /dev/video2"))
        .isEqualTo("USB3.0 HD Video Capture");
    assertThat(WebcamCameraProvider.deviceName("HD Pro Webcam C920"))
        .isEqualTo("HD Pro Webcam C920");
  }
}
