package org.bedsidecapture.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bedsidecapture.app.AppContext;
import org.bedsidecapture.app.settings.Archive;
import org.bedsidecapture.app.settings.SettingsException;
import org.bedsidecapture.app.settings.SiteSettings;
import org.bedsidecapture.dicom.UidGenerator;
import org.bedsidecapture.dicom.delivery.StorageCommitter;
import org.bedsidecapture.dicom.outbox.NotDicomException;
import org.bedsidecapture.dicom.outbox.Outbox;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Puts DICOM files into the outbox and delivers them to an archive in the foreground. */
@Command(
    name = "send",
    mixinStandardHelpOptions = true,
    description = {
      "Put DICOM objects into the outbox, then deliver them to the archive now.",
      "Objects that could not be delivered stay in the outbox (see: outbox status, outbox retry)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every object was delivered",
      "1:some objects were not delivered; they stay in the outbox",
      "2:bad arguments or settings; nothing was queued"
    })
final class SendCommand implements Callable<Integer> {
  private final AppContext app;

  SendCommand(AppContext app) {
    this.app = app;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "dicom[-tls]://AET@HOST:PORT|http(s)://HOST:PORT/PATH/dicom-web",
      description =
          "The archive: C-STORE (dicom-tls: over DICOM TLS), or STOW-RS to a DICOMweb root.")
  String to;

  @Option(
      names = "--aet",
      paramLabel = "OUR_AET",
      description = "Our AE title (default: settings).")
  String aeTitle;

  @Option(
      names = "--commit",
      description =
          "Also ask the archive for storage commitment and wait for it; only committed objects"
              + " leave the outbox. The archive must know this station (AE title, host, port).")
  boolean commit;

  @Option(
      names = "--listen",
      paramLabel = "PORT",
      description = "With --commit: our port for the archive's report (default: settings).")
  Integer listen;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|DIR",
      description = "DICOM files, or folders of them.")
  List<Path> inputs;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SiteSettings settings;
    boolean web;
    String destinationName;
    try {
      settings = app.settings();
      web = to.startsWith("http://") || to.startsWith("https://");
      destinationName = Archive.parse(to, false).destination();
    } catch (SettingsException | IllegalArgumentException e) {
      err.println("send: " + e.getMessage());
      return 2;
    }
    if (commit && web) {
      err.println("send: --commit is for DICOM destinations; a STOW-RS answer is final");
      return 2;
    }
    try (Outbox outbox = app.openOutbox("send", err)) {
      return deliver(outbox, settings, web, destinationName, err, out);
    }
  }

  private int deliver(
      Outbox outbox,
      SiteSettings settings,
      boolean web,
      String destinationName,
      PrintWriter err,
      PrintWriter out)
      throws IOException {
    int notQueued = 0;
    for (Path file : InputFiles.expand(inputs)) {
      try {
        outbox.put(file, List.of(destinationName));
      } catch (NotDicomException e) {
        err.println(e.getMessage());
        notQueued++;
      }
    }
    String ourAe = aeTitle == null ? settings.aeTitle() : aeTitle;
    if (!commit) {
      boolean delivered =
          Deliveries.deliverDue(
              outbox,
              List.of(destinationName),
              ourAe,
              settings.dicomWebAuthorization(),
              settings.dicomTimeout(),
              settings.tls(),
              null,
              out,
              err);
      return delivered && notQueued == 0 ? 0 : 1;
    }
    int port = listen == null ? settings.listenPort() : listen;
    try (StorageCommitter committer =
        StorageCommitter.start(
            ourAe,
            InetAddress.getByName(settings.listenAddress()),
            port,
            new UidGenerator(settings.uidRoot()),
            settings.commitmentTimeout(),
            settings.tls(),
            Archive.parse(to, true).dicomTls(),
            app.auditTrail(err)::peerRefused)) {
      boolean delivered =
          Deliveries.deliverDue(
              outbox,
              List.of(destinationName),
              ourAe,
              settings.dicomWebAuthorization(),
              settings.dicomTimeout(),
              settings.tls(),
              committer,
              out,
              err);
      return delivered && notQueued == 0 ? 0 : 1;
    } catch (java.net.BindException e) {
      err.println(
          "send: cannot listen on port " + port + " for storage commitment: " + e.getMessage());
      return 1;
    }
  }
}
