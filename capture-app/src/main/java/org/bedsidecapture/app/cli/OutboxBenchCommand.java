package org.bedsidecapture.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.bedsidecapture.app.AppContext;
import org.bedsidecapture.app.settings.SettingsException;
import org.bedsidecapture.app.settings.SiteSettings;
import org.bedsidecapture.dicom.outbox.AuditLog;
import org.bedsidecapture.dicom.outbox.NotDicomException;
import org.bedsidecapture.dicom.outbox.Outbox;
import org.bedsidecapture.dicom.outbox.OutboxKey;
import org.bedsidecapture.dicom.outbox.RetryPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * How long putting a capture into the outbox takes on this station's disk (encrypt, write, flush,
 * rename): what a nurse waits for between pressing the shutter and being told the picture is safe.
 * Uses a scratch outbox next to the real one (same disk, same key), removed afterwards.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Time putting DICOM files into a scratch outbox on this station's disk, flush included;",
      "prints p50/p95/p99/max per put and MB/s. The real outbox is not touched."
    })
final class OutboxBenchCommand implements Callable<Integer> {
  private final AppContext app;

  OutboxBenchCommand(AppContext app) {
    this.app = app;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--rounds", defaultValue = "1", description = "Put every file this many times.")
  int rounds;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "DICOM files, or folders.")
  List<Path> inputs;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path data = app.folders().data();
    SiteSettings settings;
    try {
      settings = app.settings();
    } catch (SettingsException e) {
      err.println("outbox bench: " + e.getMessage());
      return 2;
    }
    List<Path> files = InputFiles.expand(inputs);
    OutboxKey key = OutboxKey.openOrCreate(settings.outboxKeyFile());
    List<Long> nanos = new ArrayList<>();
    long bytes = 0;
    Path scratch = data.resolve("outbox-bench-" + ProcessHandle.current().pid());
    try {
      for (int r = 0; r < rounds; r++) {
        ScratchFolder.delete(scratch);
        Clock clock = app.clock();
        Outbox outbox =
            Outbox.open(
                scratch.resolve("outbox"),
                key,
                clock,
                RetryPolicy.standard(),
                new AuditLog(scratch.resolve("audit.log"), clock));
        for (Path f : files) {
          long t0 = System.nanoTime();
          outbox.put(f, List.of("bench"));
          nanos.add(System.nanoTime() - t0);
          bytes += Files.size(f);
        }
      }
    } catch (NotDicomException e) {
      err.println("outbox bench: " + e.getMessage());
      return 2;
    } finally {
      ScratchFolder.delete(scratch);
    }
    nanos.sort(Comparator.naturalOrder());
    long total = nanos.stream().mapToLong(Long::longValue).sum();
    out.printf(
        "%d puts, %.1f MB on average: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms;"
            + " %.0f MB/s%n",
        nanos.size(),
        bytes / 1e6 / nanos.size(),
        percentile(nanos, 50),
        percentile(nanos, 95),
        percentile(nanos, 99),
        nanos.get(nanos.size() - 1) / 1e6,
        bytes / 1e6 / (total / 1e9));
    out.flush();
    return 0;
  }

  /** Nearest-rank percentile of sorted durations, in milliseconds. */
  private static double percentile(List<Long> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1) / 1e6;
  }
}
