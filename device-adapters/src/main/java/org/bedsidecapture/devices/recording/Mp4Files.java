package org.bedsidecapture.devices.recording;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.bedsidecapture.devices.ffmpeg.FfmpegLog;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;

/**
 * The two shapes a clip has on disk. While recording it is a fragmented MP4 part file (a fragment a
 * second, each complete on disk, so a crash or a pulled cable loses at most the last second); when
 * recording ends it is copied, packet for packet without decoding, into a plain MP4 with its index
 * in front, which archives and DICOM viewers expect. The part file is deleted only once the plain
 * clip has been read back whole.
 */
final class Mp4Files {
  static final String PART_SUFFIX = ".part";

  /** The muxer flags of the part file: fragments at key frames, a movie box with no samples. */
  static final String FRAGMENTED = "frag_keyframe+empty_moov+default_base_moof";

  private Mp4Files() {}

  static Path partFor(Path clip) {
    return clip.resolveSibling("." + clip.getFileName() + PART_SUFFIX);
  }

  /**
   * How many packets a finished file holds, read back before the part file, the only other copy, is
   * deleted: a muxer may report a failed write only in its log.
   */
  private static long packets(Path file) {
    try (FFmpegFrameGrabber in = new FFmpegFrameGrabber(file.toFile())) {
      in.start();
      long n = 0;
      AVPacket packet;
      while ((packet = in.grabPacket()) != null) {
        av_packet_unref(packet);
        n++;
      }
      return n;
    } catch (FrameGrabber.Exception e) {
      return -1;
    }
  }

  /**
   * Copies the packets of {@code part} (up to one cut short by a crash or a full disk) into a plain
   * MP4 at {@code clip} (written beside it, flushed and renamed), then deletes the part file.
   * Returns how many video frames the clip holds. The clip carries its creation time (the first
   * frame's, when known, else the part file's) and no other metadata: no encoder name, nothing a
   * DICOM wrapper would have to strip.
   */
  static long finish(Path part, Path clip, Instant created) throws IOException {
    Path temp = clip.resolveSibling("." + clip.getFileName() + ".finishing");
    long frames = 0;
    FfmpegLog.toSlf4j();
    try (FFmpegFrameGrabber in = new FFmpegFrameGrabber(part.toFile())) {
      in.start();
      try (FFmpegFrameRecorder out =
          new FFmpegFrameRecorder(temp.toFile(), in.getImageWidth(), in.getImageHeight(), 0)) {
        out.setFormat("mp4");
        out.setOption("movflags", "+faststart");
        out.setOption("fflags", "+bitexact");
        out.setMetadata(
            Map.of(
                "creation_time",
                (created != null
                        ? created
                        : in.getMetadata().containsKey("creation_time")
                            ? Instant.parse(in.getMetadata("creation_time"))
                            : Files.getLastModifiedTime(part).toInstant())
                    .truncatedTo(ChronoUnit.MICROS)
                    .toString()));
        out.setVideoCodec(in.getVideoCodec());
        out.setFrameRate(in.getFrameRate());
        out.start(in.getFormatContext());
        AVPacket packet;
        while ((packet = in.grabPacket()) != null) {
          boolean cut = (packet.flags() & avcodec.AV_PKT_FLAG_CORRUPT) != 0;
          if (!cut) {
            out.recordPacket(packet);
            frames++;
          }
          av_packet_unref(packet);
          if (cut) {
            break;
          }
        }
        out.stop();
      }
    } catch (FrameGrabber.Exception | FrameRecorder.Exception e) {
      Files.deleteIfExists(temp);
      throw new IOException("could not finish the clip: " + e.getMessage(), e);
    }
    if (frames == 0) {
      Files.deleteIfExists(temp);
      throw new IOException("the recording holds no complete frame");
    }
    long readBack = packets(temp);
    if (readBack != frames) {
      Files.deleteIfExists(temp);
      throw new IOException(
          "the finished clip reads back " + readBack + " of " + frames + " frames (disk full?)");
    }
    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(temp, clip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Files.delete(part);
    return frames;
  }
}
