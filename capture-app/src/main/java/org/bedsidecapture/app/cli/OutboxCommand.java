package org.bedsidecapture.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.bedsidecapture.app.AppContext;
import org.bedsidecapture.app.settings.SettingsException;
import org.bedsidecapture.app.settings.SiteSettings;
import org.bedsidecapture.dicom.outbox.Delivery;
import org.bedsidecapture.dicom.outbox.DeliveryState;
import org.bedsidecapture.dicom.outbox.Outbox;
import org.bedsidecapture.dicom.outbox.OutboxEntry;
import org.bedsidecapture.dicom.outbox.OutboxStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** What the outbox holds, and delivering what waits in it now. */
@Command(
    name = "outbox",
    mixinStandardHelpOptions = true,
    description = "Show the outbox, or deliver what waits in it now.",
    subcommands = {
      OutboxCommand.Status.class,
      OutboxCommand.ListEntries.class,
      OutboxCommand.Retry.class,
      OutboxBenchCommand.class
    })
final class OutboxCommand {
  private OutboxCommand() {}

  /** The part each subcommand shares: settings and the opened outbox. */
  abstract static class Base implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    private final AppContext app;
    SiteSettings settings;

    Base(AppContext app) {
      this.app = app;
    }

    @Override
    public Integer call() throws IOException {
      try {
        settings = app.settings();
      } catch (SettingsException e) {
        spec.commandLine().getErr().println("outbox: " + e.getMessage());
        return 2;
      }
      PrintWriter err = spec.commandLine().getErr();
      try (Outbox outbox = app.openOutbox("outbox " + spec.name(), err)) {
        return run(outbox, spec.commandLine().getOut(), err);
      }
    }

    abstract int run(Outbox outbox, PrintWriter out, PrintWriter err) throws IOException;
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Counts per state, the oldest waiting, the last error.")
  static final class Status extends Base {
    Status(AppContext app) {
      super(app);
    }

    @Override
    int run(Outbox outbox, PrintWriter out, PrintWriter err) {
      OutboxStatus s = outbox.status();
      out.println("objects: " + s.objects());
      for (DeliveryState state : DeliveryState.values()) {
        out.printf(
            "%-12s %d%n",
            state.name().toLowerCase(java.util.Locale.ROOT) + ":",
            s.counts().getOrDefault(state, 0));
      }
      out.println("oldest waiting: " + (s.oldestWaiting() == null ? "none" : s.oldestWaiting()));
      out.println("last error: " + (s.lastError() == null ? "none" : s.lastError()));
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "One line per object and destination.")
  static final class ListEntries extends Base {
    ListEntries(AppContext app) {
      super(app);
    }

    @Override
    int run(Outbox outbox, PrintWriter out, PrintWriter err) {
      for (OutboxEntry e : outbox.entries()) {
        for (Map.Entry<String, Delivery> d : e.deliveries().entrySet()) {
          Delivery v = d.getValue();
          out.printf(
              "%s  %,d bytes  queued %s  -> %s  %s  attempts %d%s%n",
              e.sopInstanceUid(),
              e.bytes(),
              e.queuedAt(),
              d.getKey(),
              v.state().name().toLowerCase(java.util.Locale.ROOT),
              v.attempts(),
              v.lastError() == null ? "" : "  (" + v.lastError() + ")");
        }
      }
      return 0;
    }
  }

  @Command(
      name = "retry",
      mixinStandardHelpOptions = true,
      description =
          "Deliver everything waiting (failed and quarantined too) now, in the foreground.")
  static final class Retry extends Base {
    Retry(AppContext app) {
      super(app);
    }

    @Override
    int run(Outbox outbox, PrintWriter out, PrintWriter err) throws IOException {
      outbox.retryNow();
      TreeSet<String> destinations = new TreeSet<>();
      outbox.entries().forEach(e -> destinations.addAll(e.deliveries().keySet()));
      destinations.remove("unknown");
      boolean all =
          Deliveries.deliverDue(
              outbox,
              java.util.List.copyOf(destinations),
              settings.aeTitle(),
              settings.dicomWebAuthorization(),
              settings.dicomTimeout(),
              settings.tls(),
              null,
              out,
              err);
      return all ? 0 : 1;
    }
  }
}
