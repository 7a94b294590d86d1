package org.bedsidecapture.devices.grabber;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bedsidecapture.devices.spi.VideoFormat;

/**
 * Reads what FFmpeg's capture APIs print about devices and their modes; they print it as log
 * messages rather than return it. One reader per API: video4linux2's {@code list_formats} (sizes
 * per pixel format, no rates), DirectShow's {@code list_devices} and {@code list_options} (min/max
 * size and rate per pin format), AVFoundation's device list and supported modes.
 */
final class DeviceListings {
  /** V4L2 lists no rates; frame grabbers and UVC cameras all offer 30 at their common sizes. */
  static final double V4L2_ASSUMED_RATE = 30;

  private static final Pattern V4L2_LINE =
      Pattern.compile("(Raw|Compressed)\\s*:\\s*(\\S+)\\s*:[^:]*:\\s*(.*)");
  private static final Pattern SIZE = Pattern.compile("(\\d+)x(\\d+)");
  private static final Pattern DSHOW_OPTION =
      Pattern.compile(
          "(vcodec|pixel_format)=(\\S+)\\s+min s=(\\d+)x(\\d+) fps=([\\d.]+)\\s+max"
              + " s=(\\d+)x(\\d+) fps=([\\d.]+)");
  private static final Pattern DSHOW_DEVICE = Pattern.compile("\"([^\"]+)\" \\(video\\)");
  private static final Pattern AVF_DEVICE = Pattern.compile("\\[(\\d+)\\] (.+)");
  private static final Pattern AVF_MODE =
      Pattern.compile("(\\d+)x(\\d+)@\\[([\\d.]+) ([\\d.]+)\\]fps");

  private DeviceListings() {}

  /** The modes in a video4linux2 {@code list_formats all} listing, MJPEG ones first. */
  static List<VideoFormat> v4l2Formats(String listing) {
    Set<VideoFormat> mjpeg = new LinkedHashSet<>();
    Set<VideoFormat> raw = new LinkedHashSet<>();
    for (String line : listing.split("\n")) {
      Matcher m = V4L2_LINE.matcher(line);
      if (!m.find()) {
        continue;
      }
      VideoFormat.Encoding encoding = encoding(m.group(2));
      if (encoding == null) {
        continue;
      }
      for (String token : m.group(3).trim().split("\\s+")) {
        Matcher size = SIZE.matcher(token);
        if (size.matches()) {
          (encoding == VideoFormat.Encoding.MJPEG ? mjpeg : raw)
              .add(
                  new VideoFormat(
                      Integer.parseInt(size.group(1)),
                      Integer.parseInt(size.group(2)),
                      V4L2_ASSUMED_RATE,
                      encoding));
        }
      }
    }
    List<VideoFormat> all = new ArrayList<>(mjpeg);
    all.addAll(raw);
    return all;
  }

  /** The modes in a DirectShow {@code list_options true} listing, at each one's highest rate. */
  static List<VideoFormat> dshowFormats(String listing) {
    Set<VideoFormat> formats = new LinkedHashSet<>();
    Matcher m = DSHOW_OPTION.matcher(listing);
    while (m.find()) {
      VideoFormat.Encoding encoding =
          "vcodec".equals(m.group(1)) ? encoding(m.group(2)) : VideoFormat.Encoding.RAW;
      if (encoding != null) {
        formats.add(
            new VideoFormat(
                Integer.parseInt(m.group(6)),
                Integer.parseInt(m.group(7)),
                Double.parseDouble(m.group(8)),
                encoding));
      }
    }
    return List.copyOf(formats);
  }

  /** The video devices' names in a DirectShow {@code list_devices true} listing. */
  static List<String> dshowDevices(String listing) {
    List<String> names = new ArrayList<>();
    Matcher m = DSHOW_DEVICE.matcher(listing);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** Index and name of the video devices in an AVFoundation {@code list_devices true} listing. */
  static List<String[]> avfoundationDevices(String listing) {
    List<String[]> devices = new ArrayList<>();
    boolean video = false;
    for (String line : listing.split("\n")) {
      if (line.contains("AVFoundation video devices")) {
        video = true;
      } else if (line.contains("AVFoundation audio devices")) {
        video = false;
      } else if (video) {
        Matcher m = AVF_DEVICE.matcher(line);
        if (m.find() && !m.group(2).startsWith("Capture screen")) {
          devices.add(new String[] {m.group(1), m.group(2).strip()});
        }
      }
    }
    return devices;
  }

  /** The supported modes AVFoundation prints when asked for one it lacks, at the highest rate. */
  static List<VideoFormat> avfoundationFormats(String listing) {
    Set<VideoFormat> formats = new LinkedHashSet<>();
    Matcher m = AVF_MODE.matcher(listing);
    while (m.find()) {
      formats.add(
          new VideoFormat(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Math.round(Double.parseDouble(m.group(4)) * 1000) / 1000.0,
              VideoFormat.Encoding.RAW));
    }
    return List.copyOf(formats);
  }

  private static VideoFormat.Encoding encoding(String ffmpegName) {
    return switch (ffmpegName) {
      case "mjpeg" -> VideoFormat.Encoding.MJPEG;
      case "h264" -> VideoFormat.Encoding.H264;
      case "yuyv422", "uyvy422", "nv12", "yuv420p", "bgr24", "rgb24", "gray", "yuvj422p", "bgr0" ->
          VideoFormat.Encoding.RAW;
      default -> null;
    };
  }
}
