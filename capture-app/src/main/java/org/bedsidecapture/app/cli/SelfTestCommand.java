package org.bedsidecapture.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bedsidecapture.app.AppContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Proves an installation works on the machine it is installed on: the demo's capture path, run in a
 * temporary station of its own, so it touches neither this station's outbox nor its settings.
 */
@Command(
    name = "self-test",
    mixinStandardHelpOptions = true,
    description = {
      "Prove this installation works: a synthetic wristband read and looked up in a demo EHR, two"
          + " photos and an H.264 clip wrapped as DICOM into an encrypted outbox and delivered to a"
          + " local archive, all through this installation's runtime and libraries, in a temporary"
          + " folder removed afterwards (this station's outbox and settings are not touched). Exit"
          + " 0 when everything was delivered."
    })
final class SelfTestCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  private final AppContext app;

  SelfTestCommand(AppContext app) {
    this.app = app;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path scratch = Files.createTempDirectory("bedside-capture-self-test-");
    int exit;
    try {
      CommandLine demo = BedsideCaptureCommand.commandLine(new AppContext(scratch, app.clock()));
      demo.setOut(out);
      demo.setErr(err);
      exit = demo.execute("demo");
    } finally {
      ScratchFolder.delete(scratch);
    }
    out.println(
        exit == 0
            ? "self-test: passed"
            : "self-test: FAILED (exit " + exit + "); the lines above say where");
    return exit;
  }
}
