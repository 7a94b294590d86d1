package org.bedsidecapture.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bedsidecapture.app.AppContext;
import org.bedsidecapture.app.AppOutbox;
import org.bedsidecapture.app.service.DeliveryService;
import org.bedsidecapture.app.service.StationCheck;
import org.bedsidecapture.app.settings.SettingsException;
import org.bedsidecapture.app.settings.SiteSettings;
import org.bedsidecapture.app.settings.SiteSettingsFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The site settings, for installers and scripted installs: check them, change them. */
@Command(
    name = "settings",
    mixinStandardHelpOptions = true,
    description = "Check or change this station's site settings.",
    subcommands = {SettingsCommand.Check.class, SettingsCommand.Set.class})
final class SettingsCommand {
  private SettingsCommand() {}

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Validate site.properties as the app does at start, then try what it names: each archive"
            + " (C-ECHO or a DICOMweb search, a storage-commitment round trip where commitment is"
            + " on, the TLS certificate it shows), the EHR (its certificate, its FHIR metadata, the"
            + " sample barcodes looked up), and the sample barcodes against the site's rules. Exit 0 when all is well, 1 when something failed, 2 when the settings are"
            + " wrong."
      })
  static final class Check implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    private final AppContext app;

    @Option(
        names = "--barcode",
        description = "a sample barcode to try against the rules (repeatable)")
    List<String> barcodes = new ArrayList<>();

    Check(AppContext app) {
      this.app = app;
    }

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      SiteSettings settings;
      DeliveryService.CommitmentListener listener;
      try {
        settings = app.settings();
        listener = app.commitmentListener();
      } catch (SettingsException e) {
        spec.commandLine().getErr().println("settings check: " + e.getMessage());
        return 2;
      }
      out.println("OK   site.properties: valid");
      List<StationCheck.Finding> found =
          new ArrayList<>(
              StationCheck.connections(
                  peers(settings, listener),
                  settings.fhirBaseUrl() == null ? List.of() : barcodes));
      for (String sample : barcodes) {
        found.add(StationCheck.barcode(settings.barcodeRules(), sample));
      }
      for (StationCheck.Finding f : found) {
        out.println((f.ok() ? "OK   " : "FAIL ") + f.what() + ": " + f.said());
      }
      return found.stream().allMatch(StationCheck.Finding::ok) ? 0 : 1;
    }

    private StationCheck.Peers peers(
        SiteSettings settings, DeliveryService.CommitmentListener listener) throws IOException {
      return app.stationPeers(
          settings, settings.archives(), settings.fhirBaseUrl(), listener::roundTrip);
    }
  }

  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description = {
        "Change site.properties: KEY=VALUE sets a key, KEY= removes it. The whole result is"
            + " validated as the app's start validates it before anything is written; the file as"
            + " it was is kept as site.properties.previous; each changed key (never its value) is"
            + " recorded in the audit log with who changed it. Exit 2 naming the key when the"
            + " result would not start."
      })
  static final class Set implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    private final AppContext app;

    @CommandLine.Parameters(arity = "1..*", description = "KEY=VALUE, or KEY= to remove it")
    List<String> assignments;

    Set(AppContext app) {
      this.app = app;
    }

    @Override
    public Integer call() throws IOException {
      java.util.Map<String, String> changes = new java.util.LinkedHashMap<>();
      for (String a : assignments) {
        int eq = a.indexOf('=');
        if (eq <= 0) {
          spec.commandLine().getErr().println("settings set: '" + a + "' is not KEY=VALUE");
          return 2;
        }
        changes.put(a.substring(0, eq).strip(), a.substring(eq + 1));
      }
      try {
        SiteSettingsFile.change(
            app.home(),
            changes,
            System.getProperty("user.name", "unknown"),
            AppOutbox.audit(app.home(), app.clock()));
      } catch (SettingsException e) {
        spec.commandLine()
            .getErr()
            .println("settings set: " + e.getMessage() + "; nothing changed");
        return 2;
      }
      spec.commandLine().getOut().println("changed: " + String.join(", ", changes.keySet()));
      return 0;
    }
  }
}
