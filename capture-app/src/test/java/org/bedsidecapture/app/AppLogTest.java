package org.bedsidecapture.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bedsidecapture.app.settings.StationFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppLogTest {
  @TempDir Path home;
  private final PrintStream terminal = System.err;
  private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T10:15:30Z"), ZoneOffset.UTC);

  @AfterEach
  void backToTheTerminal() {
    System.setErr(terminal);
  }

  @Test
  void whatTheAppSaysGoesToItsLogAsWellAsTheTerminal() throws Exception {
    Path file = AppLog.start(StationFolders.inOne(home), false, clock);
    System.err.println("the archive refused the association");
    System.err.flush();

    assertThat(file).isEqualTo(home.resolve("logs").resolve("bedside-capture.log"));
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)))
        .as("the account's own")
        .isEqualTo("rw-------");
    assertThat(Files.readString(file))
        .contains("2026-12-03T10:15:30Z Bedside Capture")
        .contains(" started (Java ")
        .contains("the archive refused the association");
  }

  @Test
  void aLogGrownPastItsLimitIsKeptAsTheOneBeforeAndStartedAfresh() throws Exception {
    Path logs = Files.createDirectories(home.resolve("logs"));
    Files.write(logs.resolve("bedside-capture.log"), new byte[(int) AppLog.ROLL_OVER_BYTES + 1]);

    Path file = AppLog.start(StationFolders.inOne(home), false, clock);

    assertThat(logs.resolve("bedside-capture.log.1")).hasSize(AppLog.ROLL_OVER_BYTES + 1);
    assertThat(Files.size(file)).isLessThan(1000);
  }

  @Test
  void theDiagnosticLauncherWritesALogOfItsOwnSayingWhereTheStationKeepsWhat() throws Exception {
    Path file = AppLog.start(StationFolders.inOne(home), true, clock);

    assertThat(file.getFileName().toString()).startsWith("diagnostic-").endsWith(".log");
    assertThat(Files.readString(file))
        .contains("site file: " + home.resolve("site.properties"))
        .contains("JVM options: ");
  }

  @Test
  void crashFilesLeftWhereTheAppStartedGoToTheLogFolderOwnerOnly() throws Exception {
    Path startedIn = Files.createDirectories(home.resolve("desktop"));
    Path crash = startedIn.resolve("hs_err_pid4711.log");
    Files.writeString(crash, "# A fatal error has been detected by the Java Runtime Environment");
    Files.setPosixFilePermissions(
        crash, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    Files.writeString(startedIn.resolve("notes.txt"), "not a crash file");
    Path logs = home.resolve("logs");

    assertThat(AppLog.collectCrashFiles(startedIn, logs)).isEqualTo(1);

    assertThat(crash).doesNotExist();
    assertThat(startedIn.resolve("notes.txt")).exists();
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(logs.resolve("hs_err_pid4711.log"))))
        .isEqualTo("rw-------");
  }
}
