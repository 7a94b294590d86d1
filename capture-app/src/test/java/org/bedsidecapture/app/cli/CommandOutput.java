package org.bedsidecapture.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.bedsidecapture.app.AppContext;
import picocli.CommandLine;

/** The command line run in the test's JVM, and all it printed on its output and error streams. */
final class CommandOutput {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  /** Runs {@code args} on a station whose state is all in {@code home}; the exit code. */
  int run(Path home, String... args) {
    CommandLine cl = BedsideCaptureCommand.commandLine(new AppContext(home, Clock.systemUTC()));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }
}
