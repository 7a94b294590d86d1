package org.bedsidecapture.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A program the tests run as an installer or a user would, without a display. */
record Program(int exit, String said) {
  static Program run(Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
    pb.environment().remove("DISPLAY");
    pb.environment().remove("WAYLAND_DISPLAY");
    pb.environment().remove("BEDSIDE_CAPTURE_HOME");
    pb.environment().putAll(env);
    Path out = Files.createTempFile("program", ".log");
    try {
      pb.redirectOutput(out.toFile());
      Process p = pb.start();
      assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command) + " ends").isTrue();
      return new Program(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /**
   * The environment of an account whose home is {@code home}: the XDG base folders in it (Java
   * takes the home folder from the account database, not from {@code HOME}).
   */
  static Map<String, String> account(Path home) {
    return Map.of(
        "HOME", home.toString(),
        "XDG_CONFIG_HOME", home.resolve(".config").toString(),
        "XDG_DATA_HOME", home.resolve(".local/share").toString(),
        "XDG_STATE_HOME", home.resolve(".local/state").toString());
  }

  /** Runs it and expects exit 0; what it said. */
  static String ok(Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    Program p = run(env, command);
    assertThat(p.exit()).as(String.join(" ", command) + " said: " + p.said()).isZero();
    return p.said();
  }
}
