package org.bedsidecapture.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Stream;
import org.bedsidecapture.dicom.testing.Contexts;
import org.bedsidecapture.dicom.testing.DicomTools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MP4 clips (made by ffmpeg) wrapped as Video Photographic Image, judged by dciodvfy and ffprobe.
 */
class VideoWrappingIT {
  private static final BodySite FOOT =
      BodySiteCatalogue.standard().bySnomedId("56459004").orElseThrow();
  private static final String SOURCE = "testsrc2=size=%s:rate=%s";

  @TempDir Path dir;
  private Path out;
  private DicomFactory factory;
  private StudySession session;

  @BeforeEach
  void setUp() throws Exception {
    out = Files.createDirectory(dir.resolve("out"));
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:30:00Z"), ZoneId.of("Europe/Berlin"));
    factory = Contexts.factory(clock);
    session = Contexts.session(clock);
  }

  private Path clip(String name, String size, String rate, String seconds, String... codec) {
    String[] args = new String[6 + codec.length];
    args[0] = "-f";
    args[1] = "lavfi";
    args[2] = "-i";
    args[3] = String.format(SOURCE, size, rate);
    args[4] = "-t";
    args[5] = seconds;
    System.arraycopy(codec, 0, args, 6, codec.length);
    return DicomTools.ffmpeg(dir.resolve(name), args);
  }

  private static String[] x264(String profile, String level, String... more) {
    String[] base = {
      "-c:v",
      "libx264",
      "-preset",
      "veryfast",
      "-profile:v",
      profile,
      "-level:v",
      level,
      "-pix_fmt",
      "yuv420p"
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  private WrappedObject wrap(Path media) throws Exception {
    return factory.wrap(
        Contexts.typical(),
        session,
        new Capture(media, null, FOOT, Laterality.RIGHT, PersonName.of("Nurse", "Nora"), null),
        out);
  }

  private static void assertValid(Path f) {
    assertThat(DicomTools.dciodvfyFindings(f)).as(DicomTools.dciodvfyReport(f)).isEmpty();
    DicomTools.Result strict = DicomTools.dcmdumpStrict(f);
    assertThat(strict.output().lines().filter(l -> l.startsWith("W:") || l.startsWith("E:")))
        .isEmpty();
  }

  @Test
  void highProfileLevel41ClipIsWrappedAsItIs() throws Exception {
    Path mp4 = clip("a.mp4", "640x480", "30", "2", x264("high", "4.1"));

    WrappedObject o = wrap(mp4);

    Path f = o.file();
    assertValid(f);
    assertThat(o.sopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.1.77.1.4.1");
    assertThat(DicomTools.dcmdumpValue(f, "0002,0010")).isEqualTo("1.2.840.10008.1.2.4.102");
    assertThat(DicomTools.dcmdumpValue(f, "0028,0008")).isEqualTo("60");
    assertThat(Double.parseDouble(DicomTools.dcmdumpValue(f, "0018,1063")))
        .isCloseTo(33.333, org.assertj.core.data.Offset.offset(0.01));
    assertThat(DicomTools.dcmdumpValue(f, "0018,0040")).isEqualTo("30");
    assertThat(DicomTools.dcmdumpValue(f, "0028,0004")).isEqualTo("YBR_PARTIAL_420");
    assertThat(DicomTools.dcmdumpValue(f, "0028,2114")).isEqualTo("ISO_14496_10");
    assertThat(DicomTools.dcmdumpValue(f, "0008,2218.0008,0100")).isEqualTo("56459004");
    Map<String, String> stream = DicomTools.probeVideoFragment(f);
    assertThat(stream)
        .containsEntry("codec_name", "h264")
        .containsEntry("profile", "High")
        .containsEntry("width", "640")
        .containsEntry("height", "480")
        .containsEntry("nb_read_packets", "60")
        .containsEntry("fragments", "2");
    assertThat(Files.readAllBytes(mp4)).isEqualTo(Files.readAllBytes(mp4));
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.toList()).containsExactly(f);
    }
  }

  @Test
  void level42ClipGetsTheLevel42TransferSyntax() throws Exception {
    Path mp4 = clip("b.mp4", "1280x720", "60", "1", x264("high", "4.2"));
    Path f = wrap(mp4).file();
    assertValid(f);
    assertThat(DicomTools.dcmdumpValue(f, "0002,0010")).isEqualTo("1.2.840.10008.1.2.4.104");
    assertThat(DicomTools.probeVideoFragment(f)).containsEntry("nb_read_packets", "60");
  }

  @Test
  void hevcMainClipGetsTheHevcTransferSyntax() throws Exception {
    Path mp4 =
        clip(
            "h.mp4",
            "320x240",
            "25",
            "1",
            "-c:v",
            "libx265",
            "-preset",
            "ultrafast",
            "-x265-params",
            "log-level=error",
            "-pix_fmt",
            "yuv420p",
            "-tag:v",
            "hvc1");
    Path f = wrap(mp4).file();
    assertThat(DicomTools.dcmdumpValue(f, "0002,0010")).isEqualTo("1.2.840.10008.1.2.4.107");
    // dicom3tools does not know the HEVC transfer syntax: judge a copy labelled as H.264
    // (the UIDs have the same length, so nothing else moves), as the checklist's tools do.
    byte[] bytes = Files.readAllBytes(f);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("1.2.840.10008.1.2.4.107");
    System.arraycopy(
        "1.2.840.10008.1.2.4.102".getBytes(StandardCharsets.US_ASCII), 0, bytes, at, 23);
    assertValid(Files.write(dir.resolve("relabelled.dcm"), bytes));
    assertThat(DicomTools.dcmdumpValue(f, "0028,2114")).isEqualTo("ISO_23008_2");
    assertThat(DicomTools.probeVideoFragment(f))
        .containsEntry("codec_name", "hevc")
        .containsEntry("nb_read_packets", "25");
  }

  @Test
  void locationAndDeviceMetadataAreRemovedFromTheStoredClip() throws Exception {
    Path mp4 =
        clip(
            "gps.mp4",
            "320x240",
            "30",
            "1",
            x264(
                "high",
                "4.1",
                "-metadata",
                "location=+52.5200+013.4050/",
                "-metadata",
                "comment=secret-device-note",
                "-movflags",
                "+use_metadata_tags"));
    assertThat(new String(Files.readAllBytes(mp4), StandardCharsets.ISO_8859_1))
        .contains("+52.5200");

    Path f = wrap(mp4).file();

    assertValid(f);
    String stored = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
    assertThat(stored).doesNotContain("+52.5200").doesNotContain("secret-device-note");
    assertThat(DicomTools.probeVideoFragment(f)).containsEntry("nb_read_packets", "30");
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.toList()).as("no scratch copy left behind").containsExactly(f);
    }
  }

  @Test
  void clipsThatFitNoTransferSyntaxAreRefusedWithTheReason() throws Exception {
    assertRefused(
        clip("base.mp4", "320x240", "30", "1", x264("baseline", "3.0")), "Baseline profile");
    assertRefused(
        clip(
            "10bit.mp4",
            "320x240",
            "30",
            "1",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-profile:v",
            "high10",
            "-pix_fmt",
            "yuv420p10le"),
        "High 10 profile");
    assertRefused(
        rotatedQuarterTurn(clip("rot.mp4", "320x240", "30", "1", x264("high", "4.1"))),
        "stored rotated");
    assertRefused(
        clip(
            "vfr.mp4",
            "320x240",
            "30",
            "2",
            x264("high", "4.1", "-vf", "select='not(mod(n\\,3))+lt(n\\,10)'", "-vsync", "vfr")),
        "variable frame rate");
    byte[] whole = Files.readAllBytes(clip("cut.mp4", "320x240", "30", "1", x264("high", "4.1")));
    Path cut =
        Files.write(dir.resolve("cut2.mp4"), java.util.Arrays.copyOf(whole, whole.length / 2));
    assertRefused(cut, "truncated MP4");
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.toList()).isEmpty();
    }
  }

  /** Sets the track header's display matrix to a quarter turn, as a phone held upright writes. */
  private static Path rotatedQuarterTurn(Path mp4) throws Exception {
    byte[] b = Files.readAllBytes(mp4);
    int tkhd = new String(b, StandardCharsets.ISO_8859_1).indexOf("tkhd");
    assertThat(b[tkhd + 4]).as("version 0 track header").isZero();
    java.nio.ByteBuffer matrix = java.nio.ByteBuffer.wrap(b, tkhd + 4 + 40, 20);
    matrix.putInt(0).putInt(0x10000).putInt(0).putInt(-0x10000).putInt(0);
    return Files.write(mp4, b);
  }

  private void assertRefused(Path mp4, String reason) {
    assertThatThrownBy(() -> wrap(mp4))
        .isInstanceOf(CaptureRejectedException.class)
        .hasMessageContaining(reason);
  }
}
