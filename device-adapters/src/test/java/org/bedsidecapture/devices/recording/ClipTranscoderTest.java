package org.bedsidecapture.devices.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bedsidecapture.devices.spi.Clip;
import org.bedsidecapture.devices.testing.Ffprobe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clips as phones and other tools write them, made by the ffmpeg command, re-encoded. */
class ClipTranscoderTest {
  @TempDir Path dir;

  private Path clip(String name, String size, String rate, List<String> encoding) {
    Path file = dir.resolve(name);
    List<String> options = new ArrayList<>(encoding);
    options.addAll(List.of("-metadata", "creation_time=2026-11-20T08:15:30Z"));
    return Ffprobe.testSource(file, size, rate, "2", options.toArray(String[]::new));
  }

  @Test
  void aBaselineClipBecomesHighProfileWithItsCreationTime() throws Exception {
    Path source =
        clip("baseline.mp4", "640x480", "30", List.of("-c:v", "libx264", "-profile:v", "baseline"));
    Path target = dir.resolve("high.mp4");

    Clip clip = ClipTranscoder.transcode(source, target);

    assertThat(clip.frames()).isEqualTo(60);
    assertThat(Ffprobe.video(target))
        .containsEntry("profile", "High")
        .containsEntry("width", "640")
        .containsEntry("avg_frame_rate", "30/1")
        .containsEntry("nb_read_frames", "60");
    assertThat(
            Ffprobe.run(
                List.of(
                    "ffprobe",
                    "-v",
                    "error",
                    "-show_entries",
                    "format_tags",
                    "-of",
                    "default=noprint_wrappers=1",
                    target.toString())))
        .contains("creation_time=2026-11-20T08:15:30")
        .doesNotContain("encoder");
  }

  @Test
  void aClipStoredRotatedIsTurnedUprightAsPlayersShowIt() throws Exception {
    Path upright = clip("upright.mp4", "320x240", "25", List.of("-c:v", "libx264"));
    Path rotated = dir.resolve("rotated.mp4");
    Ffprobe.ffmpeg(
        "-i", upright.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90", rotated.toString());
    Path shownByFfmpeg = dir.resolve("shown.png");
    Ffprobe.ffmpeg("-i", rotated.toString(), "-frames:v", "1", shownByFfmpeg.toString());
    Path target = dir.resolve("turned.mp4");

    ClipTranscoder.transcode(rotated, target);

    Map<String, String> video = Ffprobe.video(target);
    assertThat(video).containsEntry("width", "240").containsEntry("height", "320");
    Path ours = dir.resolve("ours.png");
    Ffprobe.ffmpeg("-i", target.toString(), "-frames:v", "1", ours.toString());
    String psnr =
        Ffprobe.run(
            List.of(
                "ffmpeg",
                "-i",
                ours.toString(),
                "-i",
                shownByFfmpeg.toString(),
                "-lavfi",
                "psnr",
                "-f",
                "null",
                "-"));
    double average =
        Double.parseDouble(
            psnr.replaceAll("(?s).*average:([0-9.]+|inf).*", "$1").replace("inf", "99"));
    assertThat(average).as("same picture as ffmpeg shows it").isGreaterThan(30);
  }

  @Test
  void aVariableRateClipIsPlacedOnAConstantRateKeepingItsLength() throws Exception {
    Path vfr =
        clip(
            "vfr.mp4",
            "320x240",
            "30",
            List.of(
                "-vf", "select='not(mod(n\\,3))+lt(n\\,10)'", "-vsync", "vfr", "-c:v", "libx264"));
    Path target = dir.resolve("cfr.mp4");

    Clip clip = ClipTranscoder.transcode(vfr, target);

    assertThat(Ffprobe.video(target))
        .containsEntry("r_frame_rate", "30/1")
        .containsEntry("avg_frame_rate", "30/1");
    assertThat(clip.frames()).isBetween(57L, 60L);
  }

  @Test
  void tenBitAndFourKAreBroughtIntoWhatDicomTakes() throws Exception {
    Path uhd =
        clip(
            "uhd10.mp4",
            "3840x2160",
            "30",
            List.of(
                "-t",
                "0.3",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-profile:v",
                "high10",
                "-pix_fmt",
                "yuv420p10le"));
    Path target = dir.resolve("hd8.mp4");

    ClipTranscoder.transcode(uhd, target);

    assertThat(Ffprobe.video(target))
        .containsEntry("pix_fmt", "yuv420p")
        .containsEntry("width", "1920")
        .containsEntry("height", "1080")
        .containsEntry("level", "41");
  }

  @Test
  void ratesAreTheNearestCommonOne() {
    assertThat(ClipTranscoder.nearestRate(29.97)).isEqualTo(30);
    assertThat(ClipTranscoder.nearestRate(23.5)).isEqualTo(24);
    assertThat(ClipTranscoder.nearestRate(59.2)).isEqualTo(60);
    assertThat(ClipTranscoder.nearestRate(0)).isEqualTo(30);
  }
}
