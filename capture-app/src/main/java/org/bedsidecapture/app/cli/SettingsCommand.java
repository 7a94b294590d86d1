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
    subcommands = {
      SettingsCommand.Check.class,
      SettingsCommand.Set.class,
      SettingsCommand.Validate.class,
      SettingsCommand.Where.class
    })
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
            app.folders(),
            changes,
            BedsideCaptureCommand.commandLineUser(),
            AppOutbox.audit(app.folders().data(), app.clock()),
            app.auditTrail(spec.commandLine().getErr()));
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

  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description = {
        "Validate a site file as the app's start would validate it at this station, without"
            + " trying what it names (the installers' package scripts run it before taking the"
            + " file). Exit 0 when valid, 2 naming the key when not."
      })
  static final class Validate implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    private final AppContext app;

    @CommandLine.Parameters(arity = "1", description = "the site file")
    java.nio.file.Path file;

    Validate(AppContext app) {
      this.app = app;
    }

    @Override
    public Integer call() {
      java.util.Properties p = new java.util.Properties();
      try (java.io.Reader r =
          java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
        p.load(r);
        SiteSettings.of(p, file, app.folders());
      } catch (IOException | IllegalArgumentException e) {
        spec.commandLine()
            .getErr()
            .println("settings validate: " + file + ": cannot be read: " + e.getMessage());
        return 2;
      } catch (SettingsException e) {
        spec.commandLine().getErr().println("settings validate: " + e.getMessage());
        return 2;
      }
      spec.commandLine().getOut().println("OK   " + file + ": valid");
      return 0;
    }
  }

  @Command(
      name = "where",
      mixinStandardHelpOptions = true,
      description =
          "Show where this station keeps its site file, its own settings, its data (the"
              + " outbox) and its logs.")
  static final class Where implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    private final AppContext app;

    Where(AppContext app) {
      this.app = app;
    }

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      out.println("site file: " + app.folders().siteFile());
      out.println("settings:  " + app.folders().settings());
      out.println("outbox:    " + app.folders().outbox());
      out.println("logs:      " + app.folders().logs());
      return 0;
    }
  }
}
