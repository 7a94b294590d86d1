package org.bedsidecapture.devices.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bedsidecapture.devices.spi.Clip;

/**
 * ffprobe (Debian ffmpeg, installed by the README's set-up) as the independent judge of the clips
 * we write: it decodes every frame and reports the video stream as the world sees it.
 */
public final class Ffprobe {
  private Ffprobe() {}

  /**
   * The first video stream's facts (codec_name, profile, level, width, height, pix_fmt,
   * r_frame_rate, avg_frame_rate, nb_read_frames, field_order), after decoding every frame; fails
   * the test when ffprobe reports any error.
   */
  public static Map<String, String> video(Path file) {
    String out =
        run(
            List.of(
                "ffprobe",
                "-v",
                "error",
                "-count_frames",
                "-select_streams",
                "v:0",
                "-show_entries",
                "stream=codec_name,profile,level,width,height,pix_fmt,r_frame_rate,avg_frame_rate,"
                    + "nb_read_frames,field_order",
                "-of",
                "default=noprint_wrappers=1",
                file.toString()));
    Map<String, String> facts = new LinkedHashMap<>();
    for (String line : out.split("\n")) {
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new AssertionError("ffprobe reports a problem with " + file + ":\n" + out);
      }
      facts.put(line.substring(0, eq), line.substring(eq + 1).trim());
    }
    return facts;
  }

  /** Runs the ffmpeg command (errors only on its output); fails on a non-zero exit. */
  /**
   * Checks a clip recorded from a live 30 frames/s source: it has frames, is as long as they are at
   * 30 frames/s, and ffprobe decodes every one of them as H.264 High at 30/1; returns what ffprobe
   * read, for further checks.
   */
  public static Map<String, String> recordedAt30(Clip clip) {
    assertThat(clip.frames()).isPositive();
    assertThat(clip.length().toNanos())
        .as("a clip is as long as its frames at 30 frames/s")
        .isCloseTo(clip.frames() * 1_000_000_000L / 30, within(1_000L));
    Map<String, String> video = video(clip.file());
    assertThat(video)
        .containsEntry("profile", "High")
        .containsEntry("avg_frame_rate", "30/1")
        .containsEntry("nb_read_frames", Long.toString(clip.frames()));
    return video;
  }

  public static void ffmpeg(String... arguments) {
    List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error"));
    command.addAll(List.of(arguments));
    run(command);
  }

  /**
   * Writes {@code seconds} of FFmpeg's moving test picture ({@code testsrc2}) at {@code size} and
   * {@code rate} to {@code file}, with these output options (codec, filters, metadata).
   */
  public static Path testSource(
      Path file, String size, String rate, String seconds, String... outputOptions) {
    List<String> arguments =
        new ArrayList<>(
            List.of("-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=" + rate, "-t", seconds));
    arguments.addAll(List.of(outputOptions));
    arguments.add(file.toString());
    ffmpeg(arguments.toArray(String[]::new));
    return file;
  }

  /** Runs a command of the ffmpeg package and returns its output; fails on a non-zero exit. */
  public static String run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError(command.get(0) + " did not finish");
      }
      String text = new String(out, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new AssertionError(command + " failed (" + p.exitValue() + "):\n" + text);
      }
      return text;
    } catch (IOException e) {
      throw new AssertionError(
          command.get(0) + " could not run; install it with the README's set-up: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
