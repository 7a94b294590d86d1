package org.bedsidecapture.devices.grabber;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bedsidecapture.devices.spi.VideoFormat;
import org.bedsidecapture.devices.spi.VideoFormat.Encoding;
import org.junit.jupiter.api.Test;

/** What FFmpeg 8's capture APIs print, as seen from a USB HDMI capture card on each system. */
class DeviceListingsTest {

  @Test
  void video4linux2FormatListGivesEverySizeMjpegFirst() {
    String listing =
        """
        [video4linux2,v4l2 @ 0x55d0c0a1b2c0] Compressed:       mjpeg :          Motion-JPEG : 1920x1080 1280x720 640x480
        [video4linux2,v4l2 @ 0x55d0c0a1b2c0] Raw       :     yuyv422 :           YUYV 4:2:2 : 1280x720 720x576 {32-4096, 2}x{32-2304, 2}
        [video4linux2,v4l2 @ 0x55d0c0a1b2c0] Raw       :        nv12 :         Y/UV 4:2:0 : 1920x1080
        [video4linux2,v4l2 @ 0x55d0c0a1b2c0] Raw       :        Y10B :     Y10B packed  : 640x480
        """;

    assertThat(DeviceListings.v4l2Formats(listing))
        .containsExactly(
            new VideoFormat(1920, 1080, 30, Encoding.MJPEG),
            new VideoFormat(1280, 720, 30, Encoding.MJPEG),
            new VideoFormat(640, 480, 30, Encoding.MJPEG),
            new VideoFormat(1280, 720, 30, Encoding.RAW),
            new VideoFormat(720, 576, 30, Encoding.RAW),
            new VideoFormat(1920, 1080, 30, Encoding.RAW));
  }

  @Test
  void directShowListsDevicesAndPinFormatsAtTheirHighestRate() {
    String devices =
        """
        [dshow @ 000001d2a8b3c440] "USB3.0 HD Video Capture" (video)
        [dshow @ 000001d2a8b3c440]   Alternative name "@device_pnp_\\\\?\\usb#vid_534d&pid_2109&mi_00"
        [dshow @ 000001d2a8b3c440] "Integrated Webcam" (video)
        [dshow @ 000001d2a8b3c440] "Microphone (USB3.0 HD Audio Capture)" (audio)
        """;
    String options =
        """
        [dshow @ 0000020b] DirectShow video device options (from video devices)
        [dshow @ 0000020b]  Pin "Capture" (alternative pin name "0")
        [dshow @ 0000020b]   vcodec=mjpeg  min s=1920x1080 fps=5 max s=1920x1080 fps=30
        [dshow @ 0000020b]   vcodec=mjpeg  min s=1280x720 fps=5 max s=1280x720 fps=60
        [dshow @ 0000020b]   pixel_format=yuyv422  min s=1920x1080 fps=5 max s=1920x1080 fps=5 (tv, bt470bg/bt709/unknown, topleft)
        """;

    assertThat(DeviceListings.dshowDevices(devices))
        .containsExactly("USB3.0 HD Video Capture", "Integrated Webcam");
    assertThat(DeviceListings.dshowFormats(options))
        .containsExactly(
            new VideoFormat(1920, 1080, 30, Encoding.MJPEG),
            new VideoFormat(1280, 720, 60, Encoding.MJPEG),
            new VideoFormat(1920, 1080, 5, Encoding.RAW));
  }

  @Test
  void avfoundationListsVideoDevicesWithoutScreensAndTheirModes() {
    String devices =
        """
        [AVFoundation indev @ 0x7f9c] AVFoundation video devices:
        [AVFoundation indev @ 0x7f9c] [0] FaceTime HD Camera
        [AVFoundation indev @ 0x7f9c] [1] Cam Link 4K
        [AVFoundation indev @ 0x7f9c] [2] Capture screen 0
        [AVFoundation indev @ 0x7f9c] AVFoundation audio devices:
        [AVFoundation indev @ 0x7f9c] [0] MacBook Pro Microphone
        """;
    String modes =
        """
        [avfoundation @ 0x7fa1] Selected video size (1x1) is not supported by the device.
        [avfoundation @ 0x7fa1] Supported modes:
        [avfoundation @ 0x7fa1]   1920x1080@[59.940060 59.940060]fps
        [avfoundation @ 0x7fa1]   1280x720@[1.000000 30.000000]fps
        """;

    List<String[]> found = DeviceListings.avfoundationDevices(devices);
    assertThat(found)
        .extracting(d -> d[0] + " " + d[1])
        .containsExactly("0 FaceTime HD Camera", "1 Cam Link 4K");
    assertThat(DeviceListings.avfoundationFormats(modes))
        .containsExactly(
            new VideoFormat(1920, 1080, 59.94, Encoding.RAW),
            new VideoFormat(1280, 720, 30, Encoding.RAW));
  }
}
