package org.bedsidecapture.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bedsidecapture.app.AppContext;
import org.bedsidecapture.app.fhir.demo.SyntheticEncounters;
import org.bedsidecapture.dicom.testing.DicomTools;
import org.bedsidecapture.dicom.testing.TestMedia;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code wrap} command as a user runs it: exit codes, one-line errors, valid objects. */
class WrapCommandIT {
  @TempDir Path dir;
  private Path bundle;
  private Path out;
  private final StringWriter stdout = new StringWriter();
  private final StringWriter stderr = new StringWriter();

  @BeforeEach
  void setUp() throws Exception {
    bundle = writeBundle(SyntheticEncounters.bundle(SyntheticEncounters.CASES.get(2)));
    out = dir.resolve("out");
  }

  private Path writeBundle(Bundle b) throws Exception {
    Path f = Files.createTempFile(dir, "bundle", ".json");
    Files.writeString(f, FhirContext.forR4Cached().newJsonParser().encodeResourceToString(b));
    return f;
  }

  private int run(String... args) {
    CommandLine cl =
        BedsideCaptureCommand.commandLine(
            new AppContext(dir.resolve("home"), java.time.Clock.systemUTC()));
    cl.setOut(new PrintWriter(stdout, true));
    cl.setErr(new PrintWriter(stderr, true));
    return cl.execute(args);
  }

  private int wrap(String site, String laterality, Path... files) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "wrap",
                "--context",
                bundle.toString(),
                "--body-site",
                site,
                "--laterality",
                laterality,
                "--operator",
                "Nurse^Nora",
                "--out",
                out.toString()));
    for (Path f : files) {
      args.add(f.toString());
    }
    return run(args.toArray(String[]::new));
  }

  private List<Path> written() throws Exception {
    if (!Files.exists(out)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(out)) {
      return s.sorted().toList();
    }
  }

  /** The demo's encounter as a Bundle file (what the benchmarks wrap with) is one `wrap` reads. */
  @Test
  void theDemoEhrWritesItsEncounterAsABundleThatWrapReads() throws Exception {
    Path demo = dir.resolve("demo-encounter.json");
    assertThat(run("demo-ehr", "--bundle", demo.toString())).as(stderr.toString()).isZero();
    bundle = demo;

    assertThat(wrap("56459004", "L", TestMedia.write(dir, "c.jpg", TestMedia.jpeg(320, 240))))
        .as(stderr.toString())
        .isZero();
    assertThat(written()).hasSize(1);
  }

  @Test
  void wrapsEveryFileIntoAValidObjectCarryingTheBundlesContext() throws Exception {
    Path a = TestMedia.write(dir, "a.jpg", TestMedia.jpeg(800, 600));
    Path b = TestMedia.write(dir, "b.jpg", TestMedia.jpeg(640, 480));

    assertThat(wrap("56459004", "L", a, b)).as(stderr.toString()).isZero();

    List<Path> files = written();
    assertThat(files).hasSize(2).allMatch(f -> f.getFileName().toString().endsWith(".dcm"));
    assertThat(stdout.toString()).contains("a.jpg -> ").contains("b.jpg -> ");
    for (Path f : files) {
      assertThat(DicomTools.dciodvfyFindings(f)).as(DicomTools.dciodvfyReport(f)).isEmpty();
      assertThat(DicomTools.dcmdumpValue(f, "0010,0010")).isEqualTo("Zzπαράδειγμα^Ελένη");
      assertThat(DicomTools.dcmdumpValue(f, "0010,0020")).isEqualTo("DEMO-000003");
      assertThat(DicomTools.dcmdumpValue(f, "0038,0010")).isEqualTo("DEMO-V0003");
      assertThat(DicomTools.dcmdumpValue(f, "0008,2218.0008,0100")).isEqualTo("56459004");
      assertThat(DicomTools.dcmdumpValue(f, "0020,0062")).isEqualTo("L");
      assertThat(DicomTools.dcmdumpValue(f, "0008,1070")).isEqualTo("Nurse^Nora");
      assertThat(DicomTools.dcmdumpValue(f, "0008,0080"))
          .isEqualTo("Demo General Hospital (synthetic)");
    }
    assertThat(DicomTools.dcmdumpValue(files.get(0), "0020,000E"))
        .isEqualTo(DicomTools.dcmdumpValue(files.get(1), "0020,000E"));
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(out)))
        .as("a folder of patient images made by wrap is the user's alone, whatever the umask")
        .isEqualTo("rwx------");
    for (Path f : files) {
      assertThat(
              java.nio.file.attribute.PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(f)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void aBadFileIsNamedWithItsReasonAndTheOthersAreStillWrapped() throws Exception {
    Path good = TestMedia.write(dir, "good.jpg", TestMedia.jpeg(320, 240));
    Path empty = TestMedia.write(dir, "empty.jpg", new byte[0]);
    Path text = TestMedia.write(dir, "notes.png", "hello".getBytes(StandardCharsets.UTF_8));
    byte[] jpeg = TestMedia.jpeg(320, 240);
    Path cut = TestMedia.write(dir, "cut.jpg", java.util.Arrays.copyOf(jpeg, jpeg.length / 3));
    byte[] huge = TestMedia.jpeg(16, 16);
    int sof = 2;
    while (!((huge[sof] & 0xFF) == 0xFF && (huge[sof + 1] & 0xFF) == 0xC0)) {
      sof++;
    }
    huge[sof + 5] = (byte) 0xFF;
    huge[sof + 6] = (byte) 0xDC;
    huge[sof + 7] = (byte) 0xFF;
    huge[sof + 8] = (byte) 0xDC;
    Path forged = TestMedia.write(dir, "forged.jpg", huge);

    int rc = wrap("54735007", "U", empty, good, text, cut, forged, dir.resolve("missing.jpg"));

    assertThat(rc).isEqualTo(1);
    assertThat(written()).hasSize(1);
    assertThat(stderr.toString().lines())
        .containsExactly(
            empty + ": empty file (0 bytes)",
            text + ": not a photo or clip this app can wrap (JPEG, PNG, BMP, GIF, TIFF or MP4)",
            cut + ": truncated JPEG: the file ends before the image does",
            forged
                + ": JPEG claims 65500 x 65500 pixels, more than any camera or frame grabber makes"
                + " (at most 16384 pixels a side, 201 megapixels): a damaged or forged file",
            dir.resolve("missing.jpg") + ": no such file");
  }

  /** A clip as a phone records it, made by the ffmpeg command. */
  private Path phoneClip(String name, String... encoding) {
    Path file = dir.resolve(name);
    List<String> command =
        new ArrayList<>(
            List.of(
                "ffmpeg",
                "-v",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=640x360:rate=30",
                "-t",
                "1"));
    command.addAll(List.of(encoding));
    command.add(file.toString());
    DicomTools.Result r = DicomTools.run(command);
    assertThat(r.exitCode()).as(r.output()).isZero();
    return file;
  }

  @Test
  void phoneClipsThatDicomCannotCarryAsTheyAreAreReencodedAndWrapped() throws Exception {
    Path baseline = phoneClip("baseline.mp4", "-c:v", "libx264", "-profile:v", "baseline");
    Path landscape = phoneClip("landscape.mp4", "-c:v", "libx264");
    Path portrait = dir.resolve("portrait.mp4");
    DicomTools.Result turned =
        DicomTools.run(
            List.of(
                "ffmpeg",
                "-v",
                "error",
                "-i",
                landscape.toString(),
                "-c",
                "copy",
                "-metadata:s:v:0",
                "rotate=90",
                portrait.toString()));
    assertThat(turned.exitCode()).as(turned.output()).isZero();

    assertThat(wrap("56459004", "L", baseline, portrait)).as(stderr.toString()).isZero();

    List<Path> files = written();
    assertThat(files).hasSize(2);
    for (Path f : files) {
      assertThat(DicomTools.dciodvfyFindings(f)).as(DicomTools.dciodvfyReport(f)).isEmpty();
      assertThat(DicomTools.dcmdumpValue(f, "0002,0010")).isEqualTo("1.2.840.10008.1.2.4.102");
      assertThat(DicomTools.dcmdumpValue(f, "0028,0008")).isEqualTo("30");
      assertThat(DicomTools.probeVideoFragment(f)).containsEntry("codec_name", "h264");
    }
    assertThat(files.stream().map(f -> DicomTools.dcmdumpValue(f, "0028,0010")))
        .containsExactlyInAnyOrder("360", "640");
  }

  @Test
  void theSourceDecidesTheObjectType() throws Exception {
    Path grab = TestMedia.write(dir, "grab.jpg", TestMedia.jpeg(320, 240));
    assertThat(
            run(
                "wrap",
                "--context",
                bundle.toString(),
                "--body-site",
                "818981001",
                "--laterality",
                "U",
                "--source",
                "ultrasound",
                "--image-area-only",
                "--out",
                out.toString(),
                grab.toString()))
        .as(stderr.toString())
        .isZero();
    assertThat(
            run(
                "wrap",
                "--context",
                bundle.toString(),
                "--body-site",
                "818981001",
                "--laterality",
                "U",
                "--source",
                "screen",
                "--out",
                out.toString(),
                grab.toString()))
        .isZero();
    List<String> classes =
        written().stream().map(f -> DicomTools.dcmdumpValue(f, "0008,0016")).sorted().toList();
    assertThat(classes).containsExactly("1.2.840.10008.5.1.4.1.1.6.1", "1.2.840.10008.5.1.4.1.1.7");
  }

  @Test
  void pairedSiteWithoutSideIsRefused() throws Exception {
    Path a = TestMedia.write(dir, "a.jpg", TestMedia.jpeg(64, 64));
    assertThat(wrap("72696002", "U", a)).isEqualTo(1);
    assertThat(stderr.toString()).contains("body site 'Knee' is paired: laterality R, L or B");
    assertThat(written()).isEmpty();
  }

  @Test
  void badArgumentsOrContextStopBeforeAnythingIsWritten() throws Exception {
    Path a = TestMedia.write(dir, "a.jpg", TestMedia.jpeg(64, 64));

    assertThat(wrap("12345", "L", a)).isEqualTo(2);
    assertThat(stderr.toString()).contains("unknown body site code '12345'");

    assertThat(wrap("56459004", "X", a)).isEqualTo(2);
    assertThat(stderr.toString()).contains("laterality must be R, L, B or U");

    Bundle noEncounter = SyntheticEncounters.bundle(SyntheticEncounters.CASES.get(0));
    noEncounter.getEntry().removeIf(e -> e.getResource() instanceof Encounter);
    bundle = writeBundle(noEncounter);
    assertThat(wrap("56459004", "L", a)).isEqualTo(2);
    assertThat(stderr.toString()).contains("the Bundle holds no Encounter");
    assertThat(written()).isEmpty();

    Path reencoded = phoneClip("baseline.mp4", "-c:v", "libx264", "-profile:v", "baseline");
    assertThat(wrap("56459004", "L", a, reencoded)).isEqualTo(2);
    assertThat(written())
        .as("the clip's re-encoded copy, read while the Bundle was parsed, is not left behind")
        .isEmpty();
  }

  @Test
  void theJarRunsAsTheReadmeSays() throws Exception {
    Path a = TestMedia.write(dir, "a.jpg", TestMedia.jpeg(64, 64));
    Jar.Run run =
        Jar.run(
            dir.resolve("home"),
            dir,
            "wrap",
            "--context",
            bundle.toString(),
            "--body-site",
            "54735007",
            "--laterality",
            "U",
            "--out",
            out.toString(),
            a.toString(),
            dir.resolve("missing.jpg").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines()).containsExactly(dir.resolve("missing.jpg") + ": no such file");
    assertThat(written()).hasSize(1);
  }
}
