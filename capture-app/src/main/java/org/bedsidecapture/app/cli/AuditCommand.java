package org.bedsidecapture.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bedsidecapture.app.AppContext;
import org.bedsidecapture.dicom.outbox.AuditLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The station's audit log, for a privacy officer: does its chain hold? */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Check the station's audit log.",
    subcommands = {AuditCommand.Verify.class})
final class AuditCommand {
  private AuditCommand() {}

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Recompute the audit log's hash chain (each record chained to the one before it) and say"
            + " whether it holds or which record is the first that does not: changed, removed or"
            + " put in after it was written. Exit 0 when it holds, 1 when it is broken, 2 when"
            + " there is no log to check."
      })
  static final class Verify implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    private final AppContext app;

    @CommandLine.Parameters(
        arity = "0..1",
        paramLabel = "FILE",
        description = "an audit log (default: this station's)")
    Path file;

    Verify(AppContext app) {
      this.app = app;
    }

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      Path log = file != null ? file : app.folders().data().resolve("audit.log");
      if (!Files.isRegularFile(log)) {
        spec.commandLine().getErr().println("audit verify: no audit log at " + log);
        return 2;
      }
      AuditLog.Verification v = AuditLog.verify(log);
      if (!v.intact()) {
        out.println(
            "BROKEN "
                + log
                + ": record "
                + v.firstBroken()
                + " ("
                + v.brokenAt()
                + ") does not chain to the one before it: it, or one before it, was changed,"
                + " removed or put in after it was written");
        return 1;
      }
      out.println(
          "OK   "
              + log
              + ": "
              + v.lines()
              + " records, the chain holds"
              + (v.beforeTheChain() == 0
                  ? ""
                  : " (the first " + v.beforeTheChain() + " were written before it began)"));
      return 0;
    }
  }
}
