package org.bedsidecapture.dicom.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The independent peers that judge what we write: dciodvfy (dicom3tools), dcmdump (dcmtk) and
 * ffprobe. The project's set-up installs them; a missing one fails the test loudly.
 */
public final class DicomTools {
  private DicomTools() {}

  /** The output of a finished process. */
  public record Result(int exitCode, String output) {}

  public static Result run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError(command.get(0) + " did not finish");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(
          command.get(0) + " could not run; install it with the README's set-up: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * Warnings that are gaps of dciodvfy itself, not of the object: it does not know the photometric
   * interpretation of MPEG-4 video, nor the HEVC compression method.
   */
  private static final List<String> TOOL_GAPS =
      List.of(
          "Unrecognized defined term <YBR_PARTIAL_420> for value 1 of attribute <Photometric"
              + " Interpretation>",
          "Unrecognized defined term <ISO_23008_2> for value 1 of attribute <Lossy Image"
              + " Compression Method>");

  /** dciodvfy's errors and warnings for one file, less the known gaps of the tool. */
  public static List<String> dciodvfyFindings(Path file) {
    Result r = run(List.of("dciodvfy", file.toString()));
    List<String> findings = new ArrayList<>();
    for (String line : r.output().split("\n")) {
      boolean finding = line.startsWith("Error") || line.startsWith("Warning");
      if (finding && TOOL_GAPS.stream().noneMatch(line::contains)) {
        findings.add(line);
      }
    }
    return findings;
  }

  /** The whole dciodvfy report, for failure messages. */
  public static String dciodvfyReport(Path file) {
    return run(List.of("dciodvfy", file.toString())).output();
  }

  /**
   * One attribute's value as dcmdump prints it, or null when absent. {@code path} names the tag,
   * inside sequences too: {@code 0010,0020} (top level) or {@code 0038,0014.0040,0031} (in the
   * first item of that sequence).
   */
  public static String dcmdumpValue(Path file, String path) {
    String[] steps = path.toLowerCase(java.util.Locale.ROOT).split("\\.");
    String leaf = steps[steps.length - 1];
    String wanted = "(" + String.join(").(", steps) + ") ";
    Result r = run(List.of("dcmdump", "+U8", "-Un", "-q", "+p", "+P", leaf, file.toString()));
    for (String line : r.output().split("\n")) {
      if (!line.toLowerCase(java.util.Locale.ROOT).startsWith(wanted)) {
        continue;
      }
      int open = line.indexOf('[');
      int close = line.lastIndexOf(']');
      if (open >= 0 && close > open) {
        return line.substring(open + 1, close);
      }
      if (line.contains("(no value available)")) {
        return "";
      }
      String[] words = line.substring(wanted.length()).strip().split("\\s+", 3);
      return words.length > 1 ? words[1] : "";
    }
    return null;
  }

  /**
   * The stream inside a video object, as ffprobe sees it: the Pixel Data fragments are written out
   * by dcmdump and probed. Keys are ffprobe's stream fields plus "fragments".
   */
  public static java.util.Map<String, String> probeVideoFragment(Path file) throws IOException {
    Path dir = java.nio.file.Files.createTempDirectory("fragments");
    try {
      Result dump = run(List.of("dcmdump", "-q", "+W", dir.toString(), file.toString()));
      if (dump.exitCode() != 0) {
        throw new AssertionError(dump.output());
      }
      List<Path> frags;
      try (var s = java.nio.file.Files.list(dir)) {
        frags = s.sorted().toList();
      }
      Path stream = frags.get(frags.size() - 1);
      Result probe =
          run(
              List.of(
                  "ffprobe",
                  "-v",
                  "error",
                  "-select_streams",
                  "v:0",
                  "-count_packets",
                  "-show_entries",
                  "stream=codec_name,profile,level,width,height,pix_fmt,r_frame_rate,nb_read_packets",
                  "-of",
                  "default=noprint_wrappers=1",
                  stream.toString()));
      java.util.Map<String, String> fields = new java.util.HashMap<>();
      for (String line : probe.output().split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          fields.put(line.substring(0, eq), line.substring(eq + 1).strip());
        }
      }
      fields.put("fragments", Integer.toString(frags.size()));
      return fields;
    } finally {
      try (var s = java.nio.file.Files.walk(dir)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Makes a test clip with ffmpeg from its synthetic test source. */
  public static Path ffmpeg(Path out, String... outputOptions) {
    List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y"));
    cmd.addAll(List.of(outputOptions));
    cmd.add(out.toString());
    Result r = run(cmd);
    if (r.exitCode() != 0) {
      throw new AssertionError("ffmpeg failed: " + r.output());
    }
    return out;
  }

  /** dcmdump's strict parse of the whole file; exit code 0 means it parsed. */
  public static Result dcmdumpStrict(Path file) {
    return run(List.of("dcmdump", "+U8", "+fo", "-Ep", file.toString()));
  }
}
