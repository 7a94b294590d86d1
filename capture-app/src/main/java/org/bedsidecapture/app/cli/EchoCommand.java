package org.bedsidecapture.app.cli;

import java.util.concurrent.Callable;
import org.bedsidecapture.app.AppContext;
import org.bedsidecapture.app.service.ArchiveDelivery;
import org.bedsidecapture.app.settings.SettingsException;
import org.bedsidecapture.app.settings.SiteSettings;
import org.bedsidecapture.dicom.delivery.DicomDestination;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** C-ECHO: checks that the archive answers and accepts this station's AE title. */
@Command(name = "echo", mixinStandardHelpOptions = true, description = "C-ECHO an archive.")
final class EchoCommand implements Callable<Integer> {
  private final AppContext app;

  EchoCommand(AppContext app) {
    this.app = app;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "dicom[-tls]://AET@HOST:PORT")
  String to;

  @Option(
      names = "--aet",
      paramLabel = "OUR_AET",
      description = "Our AE title (default: settings).")
  String aeTitle;

  @Override
  public Integer call() {
    try {
      SiteSettings settings = app.settings();
      DicomDestination destination = DicomDestination.parse(to);
      String problem =
          new ArchiveDelivery(
                  aeTitle == null ? settings.aeTitle() : aeTitle,
                  null,
                  settings.dicomTimeout(),
                  settings.tls())
              .echo(destination);
      if (problem != null) {
        spec.commandLine().getErr().println("echo: " + problem);
        return 1;
      }
      spec.commandLine().getOut().println(destination + " answered");
      return 0;
    } catch (SettingsException | IllegalArgumentException e) {
      spec.commandLine().getErr().println("echo: " + e.getMessage());
      return 2;
    }
  }
}
