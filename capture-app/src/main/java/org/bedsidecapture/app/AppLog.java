package org.bedsidecapture.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.bedsidecapture.app.settings.StationFolders;

/**
 * Where what the app says goes when nobody watches a terminal: the app opened from the desktop
 * writes its messages (its own, the libraries' warnings, a failure to start) to {@code
 * bedside-capture.log} in the station's log folder as well as to the terminal, and the diagnostic
 * launcher writes everything, verbosely (the app's own debug messages, the libraries' information,
 * time and thread on every line), to a {@code diagnostic-TIME.log} of its own. What is written is
 * what the terminal would show: never patient data (the app does not log it); the folder and the
 * files are the account's own.
 */
public final class AppLog {
  /** The system property the diagnostic launcher sets. */
  public static final String DIAGNOSTIC_PROPERTY = "bedside.diagnostic";

  /** The app's log, started afresh (the last one kept as {@code .1}) when it grows past this. */
  static final long ROLL_OVER_BYTES = 10L * 1024 * 1024;

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private AppLog() {}

  /** Whether this process was started by the diagnostic launcher. */
  public static boolean diagnostic() {
    return Boolean.getBoolean(DIAGNOSTIC_PROPERTY);
  }

  /**
   * From now on, this process's error stream also goes to its log file in {@code folders}' log
   * folder; returns that file. Call it before anything logs.
   */
  public static Path start(StationFolders folders, boolean diagnostic, Clock clock)
      throws IOException {
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    if (diagnostic) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
      System.setProperty("org.slf4j.simpleLogger.log.org.bedsidecapture", "debug");
      System.setProperty("org.slf4j.simpleLogger.showThreadName", "true");
    }
    Path logs = org.bedsidecapture.dicom.OwnerOnly.folder(folders.logs());
    Path file;
    if (diagnostic) {
      file =
          logs.resolve(
              "diagnostic-"
                  + STAMP.format(clock.instant().atZone(ZoneId.systemDefault()))
                  + ".log");
    } else {
      file = logs.resolve("bedside-capture.log");
      if (Files.exists(file) && Files.size(file) > ROLL_OVER_BYTES) {
        Files.move(
            file, logs.resolve("bedside-capture.log.1"), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    OutputStream log =
        java.nio.channels.Channels.newOutputStream(
            java.nio.channels.FileChannel.open(
                file,
                java.util.Set.of(
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE),
                org.bedsidecapture.dicom.OwnerOnly.file()));
    PrintStream both = new PrintStream(new Both(System.err, log), true, StandardCharsets.UTF_8);
    System.setErr(both);
    both.println(
        clock.instant()
            + " "
            + AppVersion.softwareVersion()
            + " started (Java "
            + Runtime.version()
            + ", "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.arch")
            + ")");
    int crashes = collectCrashFiles(Path.of(System.getProperty("user.dir")), logs);
    if (crashes > 0) {
      both.println(crashes + " crash file(s) of an earlier run moved into " + logs);
    }
    if (diagnostic) {
      both.println("site file: " + folders.siteFile());
      both.println("settings:  " + folders.settings());
      both.println("data:      " + folders.data());
      both.println(
          "JVM options: "
              + java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    }
    return file;
  }

  /**
   * Moves the JVM's crash files ({@code hs_err_pid*.log}, written where the app was started, e.g.
   * the home folder) into the account's own log folder, owner-only: they may hold pieces of memory,
   * patients' data among them, and belong with the logs a support engineer is given. Returns how
   * many were moved; one that cannot be moved is left and said on the error stream.
   */
  public static int collectCrashFiles(Path startedIn, Path logs) throws IOException {
    int moved = 0;
    if (!Files.isDirectory(startedIn)) {
      return 0;
    }
    try (java.nio.file.DirectoryStream<Path> crashes =
        Files.newDirectoryStream(startedIn, "hs_err_pid*.log")) {
      for (Path crash : crashes) {
        Path to = org.bedsidecapture.dicom.OwnerOnly.folder(logs).resolve(crash.getFileName());
        try {
          Files.move(crash, to, StandardCopyOption.REPLACE_EXISTING);
          if (Files.getFileStore(to).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(
                to, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
          }
          moved++;
        } catch (IOException e) {
          System.err.println(
              "bedside-capture: the crash file "
                  + crash
                  + " cannot be moved to "
                  + logs
                  + ": "
                  + e);
        }
      }
    }
    return moved;
  }

  /** Writes to the terminal's stream and the log file; a log that fails never stops the app. */
  private static final class Both extends OutputStream {
    private final OutputStream terminal;
    private final OutputStream log;
    private boolean logBroken;

    Both(OutputStream terminal, OutputStream log) {
      this.terminal = terminal;
      this.log = log;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      terminal.write(b, off, len);
      if (!logBroken) {
        try {
          log.write(b, off, len);
        } catch (IOException e) {
          logBroken = true;
        }
      }
    }

    @Override
    public synchronized void flush() throws IOException {
      terminal.flush();
      if (!logBroken) {
        try {
          log.flush();
        } catch (IOException e) {
          logBroken = true;
        }
      }
    }
  }
}
