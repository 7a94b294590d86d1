package org.bedsidecapture.devices.grabber;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.DeviceSettings;
import org.bedsidecapture.devices.spi.VideoFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegGrabberProviderTest {
  @TempDir Path sysfs;

  private final List<String> probed = new ArrayList<>();

  private FfmpegGrabberProvider provider() {
    return new FfmpegGrabberProvider(
        sysfs,
        "Linux",
        (input, name) -> {
          probed.add(input.address());
          return input.address().equals("/dev/video4")
              ? List.of()
              : List.of(new VideoFormat(1920, 1080, 30, VideoFormat.Encoding.MJPEG));
        });
  }

  private void node(String node, String name, int index) throws Exception {
    Files.createDirectories(sysfs.resolve(node));
    Files.writeString(sysfs.resolve(node).resolve("name"), name + "\n");
    Files.writeString(sysfs.resolve(node).resolve("index"), index + "\n");
  }

  @Test
  void listsCaptureCardsOnceAndLeavesCamerasAndMetadataNodesOut() throws Exception {
    node("video0", "Integrated Camera: Integrated C", 0);
    node("video1", "Integrated Camera: Integrated C", 1);
    node("video2", "USB3.0 HD Video Capture", 0);
    node("video3", "USB3.0 HD Video Capture", 1);
    node("video4", "Magewell USB Capture HDMI", 0);
    node("video10", "Epiphan DVI2USB 3.0", 0);
    FfmpegGrabberProvider provider = provider();

    List<Camera> grabbers = provider.cameras(DeviceSettings.defaults());

    assertThat(grabbers)
        .extracting(Camera::id)
        .containsExactly("ffmpeg:/dev/video2", "ffmpeg:/dev/video10");
    assertThat(grabbers).extracting(Camera::kind).containsOnly(Camera.Kind.FRAME_GRABBER);
    assertThat(grabbers.get(0).name()).isEqualTo("USB3.0 HD Video Capture");
    assertThat(probed).containsExactly("/dev/video2", "/dev/video4", "/dev/video10");

    provider.cameras(DeviceSettings.defaults());
    assertThat(probed).as("modes asked once while plugged in").hasSize(3);
  }

  @Test
  void noVideoDevicesAtAllIsAnEmptyListNotAFailure() throws Exception {
    assertThat(
            new FfmpegGrabberProvider(sysfs.resolve("absent"), "Linux", (i, n) -> List.of())
                .cameras(DeviceSettings.defaults()))
        .isEmpty();
    assertThat(new FfmpegGrabberProvider(sysfs, "Plan 9", (i, n) -> List.of()).availableHere())
        .isFalse();
  }

  @Test
  void theRealProviderLoadsFfmpegAndFindsNoGrabberOnThisMachine() throws Exception {
    FfmpegGrabberProvider real = new FfmpegGrabberProvider();
    assertThat(real.availableHere()).isTrue();
    assertThat(real.cameras(DeviceSettings.defaults())).isEmpty();
  }

  @Test
  void probingADeviceThatIsNotThereYieldsNoFormats() {
    assertThat(
            FfmpegGrabberProvider.probeFormats(
                new GrabberInput("video4linux2", "/dev/video97", true), "gone"))
        .isEmpty();
  }

  @Test
  void namesDecideWhoListsADevice() {
    FrameGrabberNames builtIn = FrameGrabberNames.of(DeviceSettings.defaults());
    assertThat(builtIn.isFrameGrabber("USB Video")).isTrue();
    assertThat(builtIn.isFrameGrabber("Cam Link 4K")).isTrue();
    assertThat(builtIn.isFrameGrabber("HD Pro Webcam C920")).isFalse();
    assertThat(builtIn.isFrameGrabber("USB Video Camera")).isFalse();
    FrameGrabberNames site = FrameGrabberNames.of(new DeviceSettings("vivid", true));
    assertThat(site.isFrameGrabber("vivid")).isTrue();
    assertThat(site.isFrameGrabber("USB3.0 HD Video Capture")).isFalse();
    assertThat(builtIn.isFrameGrabber("USB3.0 HD Video Capture"))
        .as("another site's names change nothing here")
        .isTrue();
  }

  @Test
  void theSitesNamesReachTheProviderAsAnArgument() throws Exception {
    node("video6", "Osprey 260e", 0);
    node("video7", "USB3.0 HD Video Capture", 0);

    assertThat(provider().cameras(new DeviceSettings("osprey", true)))
        .extracting(Camera::name)
        .containsExactly("Osprey 260e");
    assertThat(provider().cameras(DeviceSettings.defaults()))
        .extracting(Camera::name)
        .containsExactly("USB3.0 HD Video Capture");
  }
}
