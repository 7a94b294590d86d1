package org.bedsidecapture.devices.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bedsidecapture.devices.ffmpeg.FfmpegErrors;
import org.bedsidecapture.devices.ffmpeg.FfmpegLog;
import org.bedsidecapture.devices.spi.Clip;
import org.bedsidecapture.devices.spi.ClipFormat;
import org.bedsidecapture.devices.spi.Frame;
import org.bedsidecapture.devices.spi.Recording;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records preview frames into an H.264 High profile MP4 clip at a constant frame rate, on its own
 * encoder thread, straight to disk (never more than a few frames in memory).
 *
 * <p>Each frame's place in the clip comes from when the device took it: a frame the encoder had no
 * time for, or one the device skipped, is filled with the frame before it, so the clip's clock
 * stays the wall clock and its rate constant, as DICOM video needs. Encoded with x264 at its
 * fastest motion search (preset ultrafast) but with the High profile's tools on (CABAC, 8×8
 * transform, B-frames), CRF 20, peak rate kept well inside the level, a key frame every second: the
 * setting that records noisy 1080p30 in real time on two cores (see {@code bench-preview}).
 *
 * <p>While recording, the clip is a fragmented MP4 part file; {@link #stop()}, the maximum length,
 * the device going away or a write failure all end it the same way: the part file becomes a plain
 * MP4 of everything recorded so far. Part files a crash left behind are finished by {@link
 * #recover(Path)}.
 */
public final class ClipRecorder implements Recording {
  private static final Logger LOG = LoggerFactory.getLogger(ClipRecorder.class);

  /** Frames waiting for the encoder; beyond this a frame is dropped (and later filled). */
  private static final int QUEUE = 4;

  /** Longest stretch filled with a repeated frame before the gap is taken as a clock jump. */
  private static final Duration LONGEST_FILL = Duration.ofSeconds(2);

  /** How soon the encoder notices the end of a recording once its queue is empty. */
  private static final Duration POLL = Duration.ofMillis(20);

  private final Path clip;
  private final Path part;
  private final ClipFormat format;
  private final int sourceWidth;
  private final int sourceHeight;
  private final long maxFrames;
  private final BlockingQueue<Slot> queue = new ArrayBlockingQueue<>(QUEUE);
  private final BlockingQueue<Slot> free = new ArrayBlockingQueue<>(QUEUE + 2);
  private final CompletableFuture<Clip> result = new CompletableFuture<>();
  private final AtomicLong dropped = new AtomicLong();
  private final Thread encoder;
  private FFmpegFrameRecorder x264;
  private volatile Instant firstTaken;
  private volatile Clip.Ending ending;
  private volatile String endMessage;

  /**
   * A frame's pixels, as the little-endian BGRA bytes of packed RGB ints, and when it was taken.
   */
  private static final class Slot {
    final ByteBuffer pixels;
    Instant taken;

    Slot(int pixelCount) {
      pixels = ByteBuffer.allocateDirect(pixelCount * 4).order(ByteOrder.LITTLE_ENDIAN);
    }
  }

  private ClipRecorder(
      Path clip, int sourceWidth, int sourceHeight, ClipFormat format, Duration maxLength) {
    this.clip = clip;
    this.part = Mp4Files.partFor(clip);
    this.sourceWidth = sourceWidth;
    this.sourceHeight = sourceHeight;
    this.format = format;
    this.maxFrames =
        Math.max(1, Math.round(maxLength.toMillis() * format.framesPerSecond() / 1000));
    for (int i = 0; i < QUEUE + 2; i++) {
      free.add(new Slot(sourceWidth * sourceHeight));
    }
    this.encoder = new Thread(this::encodeAll, "clip-encoder");
  }

  /**
   * Starts recording frames of {@code sourceWidth}×{@code sourceHeight} at {@code sourceRate} into
   * {@code clip}; {@code onEnd} is told on the encoder thread when the clip is finished, however it
   * ended.
   *
   * @throws IOException if the encoder cannot start or the file cannot be created
   */
  public static ClipRecorder start(
      Path clip,
      int sourceWidth,
      int sourceHeight,
      double sourceRate,
      Duration maxLength,
      Consumer<Clip> onEnd)
      throws IOException {
    FfmpegLog.toSlf4j();
    ClipFormat format = ClipFormat.forSource(sourceWidth, sourceHeight, sourceRate);
    ClipRecorder recorder = new ClipRecorder(clip, sourceWidth, sourceHeight, format, maxLength);
    recorder.x264 = recorder.openEncoder();
    recorder.result.thenAccept(onEnd);
    recorder.encoder.start();
    return recorder;
  }

  public ClipFormat format() {
    return format;
  }

  /** Frames the encoder had no time for so far (filled with their predecessor in the clip). */
  @Override
  public long droppedFrames() {
    return dropped.get();
  }

  /**
   * Hands a frame to the encoder without waiting; the frame is copied, so the device may reuse its
   * buffer. Returns false when the frame was not taken (encoder busy, or recording over).
   */
  public boolean offer(Frame frame) {
    if (ending != null || frame.width() != sourceWidth || frame.height() != sourceHeight) {
      return false;
    }
    Slot slot = free.poll();
    if (slot == null) {
      dropped.incrementAndGet();
      return false;
    }
    fill(slot, frame.taken(), frame.rgb());
    if (!queue.offer(slot)) {
      free.add(slot);
      dropped.incrementAndGet();
      return false;
    }
    return true;
  }

  /**
   * Hands a picture of the clip's size (packed RGB) taken at {@code taken} to the encoder, waiting
   * for room: for clips re-encoded from a file, where no frame may be dropped. Returns false when
   * the recording has ended.
   */
  public boolean put(Instant taken, int[] rgb) throws InterruptedException {
    if (rgb.length != sourceWidth * sourceHeight) {
      throw new IllegalArgumentException(
          rgb.length + " pixels in a clip of " + sourceWidth + "x" + sourceHeight);
    }
    while (ending == null) {
      Slot slot = free.poll(POLL.toNanos(), TimeUnit.NANOSECONDS);
      if (slot != null) {
        fill(slot, taken, rgb);
        queue.put(slot);
        return true;
      }
    }
    return false;
  }

  /** Ends the recording and waits until the clip is finished on disk. */
  @Override
  public Clip stop() throws IOException {
    end(Clip.Ending.STOPPED, "recording stopped");
    return await();
  }

  private static void fill(Slot slot, Instant taken, int[] rgb) {
    slot.pixels.clear();
    slot.pixels.asIntBuffer().put(rgb);
    slot.taken = taken;
  }

  /** Ends the recording without waiting; {@code onEnd} is told when the clip is finished. */
  public void endWhenQueued(String why) {
    end(Clip.Ending.STOPPED, why);
  }

  /**
   * The device went away during recording: what was recorded is finished into a playable clip,
   * whose message says so.
   */
  public void deviceGone(String reason) {
    end(Clip.Ending.DEVICE_GONE, reason);
  }

  /** Whether the recording is over (the clip finished, or it could not be). */
  @Override
  public boolean ended() {
    return result.isDone();
  }

  /** The finished clip, once recording has ended with one, or empty. */
  @Override
  public Optional<Clip> finished() {
    return result.isDone() && !result.isCompletedExceptionally()
        ? Optional.of(result.join())
        : Optional.empty();
  }

  /** Waits for the clip to be finished, however the recording ends. */
  @Override
  public Clip await() throws IOException {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the clip was being finished", e);
    } catch (ExecutionException e) {
      throw new IOException(e.getCause().getMessage(), e.getCause());
    }
  }

  /** Ends the recording once the frames already queued are encoded; the first reason given wins. */
  private synchronized void end(Clip.Ending why, String message) {
    if (ending == null) {
      endMessage = message;
      ending = why;
    }
  }

  private FFmpegFrameRecorder openEncoder() throws IOException {
    if (avcodec.avcodec_find_encoder_by_name("libx264") == null) {
      throw new IOException(
          "this installation's FFmpeg has no H.264 encoder (x264; it was built without the GPL"
              + " components), so clips cannot be recorded; stills work. See the README,"
              + " 'Licences'.");
    }
    Files.deleteIfExists(part);
    FFmpegFrameRecorder x264 =
        new FFmpegFrameRecorder(part.toFile(), format.width(), format.height(), 0);
    x264.setFormat("mp4");
    x264.setOption("movflags", Mp4Files.FRAGMENTED);
    x264.setOption("flush_packets", "1");
    x264.setMetadata(
        Map.of("creation_time", Instant.now().truncatedTo(ChronoUnit.MICROS).toString()));
    x264.setVideoCodecName("libx264");
    x264.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
    x264.setFrameRate(format.framesPerSecond());
    x264.setGopSize((int) Math.max(1, Math.round(format.framesPerSecond())));
    x264.setVideoOption("preset", "ultrafast");
    x264.setVideoOption("profile", "high");
    x264.setVideoOption("level", format.level());
    x264.setVideoOption("crf", "20");
    x264.setVideoOption(
        "x264-params",
        "cabac=1:8x8dct=1:bframes=2:vbv-maxrate=40000:vbv-bufsize=50000"
            + ":colorprim=smpte170m:transfer=smpte170m"
            + ":colormatrix=smpte170m");
    try {
      x264.start();
    } catch (FrameRecorder.Exception e) {
      x264.close();
      Files.deleteIfExists(part);
      throw new IOException("the H.264 encoder could not start: " + e.getMessage(), e);
    }
    return x264;
  }

  private void encodeAll() {
    long written = 0;
    Slot previous = null;
    long longestFill = Math.round(LONGEST_FILL.toSeconds() * format.framesPerSecond());
    try {
      while (written < maxFrames) {
        Slot slot = queue.poll(POLL.toNanos(), TimeUnit.NANOSECONDS);
        if (slot == null) {
          if (ending != null) {
            break;
          }
          continue;
        }
        if (previous == null) {
          firstTaken = slot.taken;
        }
        long index =
            Math.round(
                Duration.between(firstTaken, slot.taken).toNanos()
                    * format.framesPerSecond()
                    / 1e9);
        if (index < written) {
          free.add(slot);
          continue;
        }
        long fill = Math.min(index - written, longestFill);
        for (long i = 0; i < fill && written < maxFrames; i++) {
          encode(previous);
          written++;
        }
        if (written < maxFrames) {
          encode(slot);
          written++;
        }
        if (previous != null) {
          free.add(previous);
        }
        previous = slot;
      }
      if (written >= maxFrames) {
        end(Clip.Ending.MAX_LENGTH, "the clip reached its maximum length");
      }
    } catch (InterruptedException e) {
      end(Clip.Ending.STOPPED, "recording interrupted");
      Thread.currentThread().interrupt();
    } catch (FrameRecorder.Exception | RuntimeException e) {
      end(Clip.Ending.WRITE_FAILED, "recording stopped: " + FfmpegErrors.writing(e));
      LOG.warn("clip encoder failed", e);
    }
    finish(written);
  }

  private void encode(Slot slot) throws FrameRecorder.Exception {
    if (slot == null) {
      return;
    }
    slot.pixels.rewind();
    x264.recordImage(
        sourceWidth,
        sourceHeight,
        org.bytedeco.javacv.Frame.DEPTH_UBYTE,
        4,
        sourceWidth * 4,
        avutil.AV_PIX_FMT_BGRA,
        slot.pixels);
  }

  private void finish(long written) {
    try {
      try {
        x264.close();
      } catch (FrameRecorder.Exception e) {
        LOG.warn("closing the clip's part file failed; finishing what is on disk", e);
      }
      long frames = Mp4Files.finish(part, clip, firstTaken);
      Duration length = Duration.ofNanos(Math.round(frames * 1e9 / format.framesPerSecond()));
      if (frames != written) {
        LOG.info("clip holds {} of {} encoded frames", frames, written);
      }
      result.complete(new Clip(clip, format, frames, length, ending, endMessage));
    } catch (IOException | RuntimeException e) {
      String kept =
          Files.exists(part)
              ? "; what was recorded is kept in "
                  + part
                  + " and becomes a clip when there is room again"
              : "";
      result.completeExceptionally(
          new IOException(
              endMessage
                  + "; the clip could not be finished ("
                  + FfmpegErrors.writing(e.getCause() != null ? e.getCause() : e)
                  + ")"
                  + kept,
              e));
    }
  }

  /**
   * Finishes every part file left in {@code folder} by a crash or a full disk (at start-up, or once
   * room is made); a part file that cannot be finished yet stays for the next time. Returns the
   * clips made.
   */
  public static List<Path> recoverAll(Path folder) throws IOException {
    List<Path> parts;
    try (Stream<Path> files = Files.list(folder)) {
      parts =
          files
              .filter(
                  f -> {
                    String n = f.getFileName().toString();
                    return n.startsWith(".") && n.endsWith(".mp4" + Mp4Files.PART_SUFFIX);
                  })
              .sorted()
              .toList();
    }
    List<Path> clips = new ArrayList<>();
    for (Path part : parts) {
      try {
        clips.add(recover(part));
      } catch (IOException e) {
        LOG.warn("a clip's part file could not be finished yet: {}", e.getMessage());
      }
    }
    return clips;
  }

  /**
   * Finishes a part file that a crash left behind into a plain clip beside it (the name without the
   * leading dot and ".part"). Returns the clip, or throws when nothing in it is playable.
   */
  public static Path recover(Path part) throws IOException {
    String name = part.getFileName().toString();
    if (!name.startsWith(".") || !name.endsWith(Mp4Files.PART_SUFFIX)) {
      throw new IllegalArgumentException("not a clip part file: " + part);
    }
    Path clip =
        part.resolveSibling(name.substring(1, name.length() - Mp4Files.PART_SUFFIX.length()));
    Mp4Files.finish(part, clip, null);
    return clip;
  }
}
