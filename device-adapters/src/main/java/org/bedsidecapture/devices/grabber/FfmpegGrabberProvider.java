package org.bedsidecapture.devices.grabber;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.bedsidecapture.devices.ffmpeg.FfmpegLog;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.CameraProvider;
import org.bedsidecapture.devices.spi.DeviceException;
import org.bedsidecapture.devices.spi.DeviceSettings;
import org.bedsidecapture.devices.spi.VideoFormat;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frame grabbers through FFmpeg. On Linux the devices are read from sysfs (a capture card's first
 * node; its metadata nodes are left out) and their modes from video4linux2's format list; on
 * Windows and macOS both come from DirectShow's and AVFoundation's listings. A device's modes are
 * asked once and remembered while it stays plugged in.
 */
public final class FfmpegGrabberProvider implements CameraProvider {
  private static final Logger LOG = LoggerFactory.getLogger(FfmpegGrabberProvider.class);

  private final Path sysfs;
  private final String os;
  private final BiFunction<GrabberInput, String, List<VideoFormat>> probe;
  private final Map<String, List<VideoFormat>> known = new ConcurrentHashMap<>();

  public FfmpegGrabberProvider() {
    this(
        Path.of("/sys/class/video4linux"),
        System.getProperty("os.name", ""),
        FfmpegGrabberProvider::probeFormats);
  }

  FfmpegGrabberProvider(
      Path sysfs, String os, BiFunction<GrabberInput, String, List<VideoFormat>> probe) {
    this.sysfs = sysfs;
    this.os = os;
    this.probe = probe;
  }

  @Override
  public String name() {
    return "ffmpeg-frame-grabbers";
  }

  @Override
  public int priority() {
    return 60;
  }

  @Override
  public boolean availableHere() {
    if (GrabberInput.deviceFormatFor(os) == null) {
      return false;
    }
    FfmpegLog.toSlf4j();
    try {
      FFmpegFrameGrabber.tryLoad();
      Loader.load(org.bytedeco.ffmpeg.global.avdevice.class);
      return true;
    } catch (FrameGrabber.Exception | UnsatisfiedLinkError | NoClassDefFoundError e) {
      LOG.warn("FFmpeg does not load here; frame grabbers are not offered: {}", e.toString());
      return false;
    }
  }

  @Override
  public List<Camera> cameras(DeviceSettings settings) throws DeviceException {
    FrameGrabberNames frameGrabbers = FrameGrabberNames.of(settings);
    String format = GrabberInput.deviceFormatFor(os);
    if (format == null) {
      return List.of();
    }
    List<String[]> devices =
        switch (format) {
          case "video4linux2" -> v4l2Devices();
          case "dshow" ->
              DeviceListings.dshowDevices(listDevices("dshow", "dummy")).stream()
                  .map(n -> new String[] {"video=" + n, n})
                  .toList();
          default ->
              DeviceListings.avfoundationDevices(listDevices("avfoundation", "")).stream()
                  .map(d -> new String[] {d[0] + ":none", d[1]})
                  .toList();
        };
    List<Camera> grabbers = new ArrayList<>();
    for (String[] device : devices) {
      String address = device[0];
      String name = device[1];
      if (!frameGrabbers.isFrameGrabber(name)) {
        continue;
      }
      GrabberInput input = new GrabberInput(format, address, true);
      List<VideoFormat> formats =
          known.computeIfAbsent(address + "|" + name, k -> probe.apply(input, name));
      if (formats.isEmpty()) {
        LOG.info("video device {} offers no capture format; left out", address);
        continue;
      }
      grabbers.add(
          new FfmpegGrabber(
              "ffmpeg:" + address,
              name,
              Camera.Kind.FRAME_GRABBER,
              input,
              formats,
              FfmpegGrabber.Deinterlace.AUTO));
    }
    known.keySet().removeIf(k -> devices.stream().noneMatch(d -> k.equals(d[0] + "|" + d[1])));
    return grabbers;
  }

  /** A video4linux2 device per capture card: its first node, with the name the driver gives. */
  private List<String[]> v4l2Devices() throws DeviceException {
    if (!Files.isDirectory(sysfs)) {
      return List.of();
    }
    List<String[]> devices = new ArrayList<>();
    try (DirectoryStream<Path> nodes = Files.newDirectoryStream(sysfs, "video*")) {
      for (Path node : nodes) {
        Path index = node.resolve("index");
        if (Files.exists(index) && !Files.readString(index).strip().equals("0")) {
          continue;
        }
        String name = Files.readString(node.resolve("name"), StandardCharsets.UTF_8).strip();
        devices.add(new String[] {"/dev/" + node.getFileName(), name});
      }
    } catch (IOException e) {
      throw new DeviceException("the list of video devices could not be read: " + e, e);
    }
    devices.sort(Comparator.comparing((String[] d) -> d[0].length()).thenComparing(d -> d[0]));
    return devices;
  }

  /** What an API prints when asked to list its devices (it then refuses to open "dummy"). */
  private static String listDevices(String format, String address) {
    return FfmpegLog.capture(
            () -> {
              FFmpegFrameGrabber lister = new FFmpegFrameGrabber(address);
              lister.setFormat(format);
              lister.setOption("list_devices", "true");
              startAndClose(lister);
              return null;
            })
        .text();
  }

  /** The modes a device offers, from what its API prints about them. */
  static List<VideoFormat> probeFormats(GrabberInput input, String name) {
    FFmpegFrameGrabber lister = new FFmpegFrameGrabber(input.address());
    lister.setFormat(input.format());
    switch (input.format()) {
      case "video4linux2" -> lister.setOption("list_formats", "all");
      case "dshow" -> lister.setOption("list_options", "true");
      default -> {
        lister.setImageWidth(1);
        lister.setImageHeight(1);
      }
    }
    String text =
        FfmpegLog.capture(
                () -> {
                  startAndClose(lister);
                  return null;
                })
            .text();
    return switch (input.format()) {
      case "video4linux2" -> DeviceListings.v4l2Formats(text);
      case "dshow" -> DeviceListings.dshowFormats(text);
      default -> DeviceListings.avfoundationFormats(text);
    };
  }

  /** Listing options make FFmpeg print and then fail the opening; the failure is expected. */
  private static void startAndClose(FFmpegFrameGrabber grabber) {
    try (grabber) {
      grabber.start();
    } catch (FrameGrabber.Exception e) {
      LOG.debug("listing ended the opening as expected: {}", e.getMessage());
    }
  }
}
