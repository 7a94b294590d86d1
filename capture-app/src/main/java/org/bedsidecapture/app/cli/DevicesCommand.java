package org.bedsidecapture.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.bedsidecapture.app.AppContext;
import org.bedsidecapture.app.settings.SettingsException;
import org.bedsidecapture.app.settings.SiteSettings;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.Devices;
import org.bedsidecapture.devices.spi.VideoFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Lists the cameras and frame grabbers this station sees, with the modes each offers, as the site
 * settings shape the list: for the installer to check that a capture card is recognised.
 */
@Command(
    name = "devices",
    mixinStandardHelpOptions = true,
    description = "List the cameras and frame grabbers this station sees, and their modes.")
final class DevicesCommand implements Callable<Integer> {
  private final AppContext app;

  DevicesCommand(AppContext app) {
    this.app = app;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    SiteSettings settings;
    try {
      settings = app.settings();
    } catch (SettingsException e) {
      spec.commandLine().getErr().println("devices: " + e.getMessage());
      return 2;
    }
    List<Camera> cameras = Devices.load(settings.devices()).cameras();
    if (cameras.isEmpty()) {
      out.println("no camera or frame grabber found");
    }
    for (Camera c : cameras) {
      out.printf(
          "%s  %s  (%s)%n",
          c.id(), c.name(), c.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
      for (VideoFormat f : c.formats()) {
        out.println("    " + f);
      }
    }
    out.flush();
    return 0;
  }
}
