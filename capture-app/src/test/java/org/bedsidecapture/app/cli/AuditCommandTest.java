package org.bedsidecapture.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
  @TempDir Path home;
  private final CommandOutput printed = new CommandOutput();
  private final StringWriter out = printed.out;
  private final StringWriter err = printed.err;

  private int run(String... args) {
    return printed.run(home, args);
  }

  @Test
  void verifyProvesTheChainOfWhatTheStationRecordedOrNamesTheFirstBrokenRecord() throws Exception {
    assertThat(run("audit", "verify")).isEqualTo(2);
    assertThat(err.toString()).contains("no audit log at " + home.resolve("audit.log"));

    assertThat(run("settings", "set", "ui.language=de", "session.idle-minutes=3")).isZero();
    assertThat(run("audit", "verify")).isZero();
    assertThat(out.toString()).contains("audit.log: 2 records, the chain holds");

    Path log = home.resolve("audit.log");
    List<String> lines = Files.readAllLines(log);
    Files.write(log, List.of(lines.get(0).replace("ui.language", "ui.theme"), lines.get(1)));
    assertThat(run("audit", "verify", log.toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains("BROKEN " + log + ": record 1 (")
        .contains("SETTINGS_CHANGED)");
  }
}
