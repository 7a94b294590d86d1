package org.bedsidecapture.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the built jar as a user would, in a child JVM with its own app home. */
final class Jar {
  private Jar() {}

  record Run(int exitCode, String out, String err) {}

  /**
   * @param scratch where the child's output is kept
   */
  static Run run(Path appHome, Path scratch, String... args) throws Exception {
    return run(appHome, scratch, List.of(), args);
  }

  /** The same with options for the child JVM (system properties, e.g.). */
  static Run run(Path appHome, Path scratch, List<String> jvmOptions, String... args)
      throws Exception {
    List<String> cmd = new ArrayList<>(List.of("java"));
    cmd.addAll(jvmOptions);
    cmd.addAll(
        List.of("-jar", Path.of("target", "bedside-capture.jar").toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("BEDSIDE_CAPTURE_HOME", appHome.toString());
    Path out = Files.createTempFile(scratch, "out", ".txt");
    Path err = Files.createTempFile(scratch, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    int rc = p.waitFor();
    return new Run(rc, Files.readString(out), Files.readString(err));
  }
}
