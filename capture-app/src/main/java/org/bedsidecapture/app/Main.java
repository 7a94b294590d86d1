package org.bedsidecapture.app;

import java.io.IOException;
import java.io.PrintWriter;
import org.bedsidecapture.app.cli.BedsideCaptureCommand;

/**
 * Where the app starts: without arguments the bedside app opens; {@code demo} opens it on embedded
 * defaults (without a display it runs the demo's capture path headless and says so); anything else
 * is a command of the command line. The app, and anything the diagnostic launcher starts, also
 * writes what it says to its log (see AppLog).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    AppContext app = AppContext.ofThisProcess();
    boolean gui = args.length == 0 || (args.length == 1 && args[0].equals("demo"));
    if (gui || AppLog.diagnostic()) {
      try {
        AppLog.start(app.folders(), AppLog.diagnostic(), app.clock());
      } catch (IOException e) {
        System.err.println(
            "bedside-capture: the log cannot be written in "
                + app.folders().logs()
                + " ("
                + e.getMessage()
                + "); going on without it");
      }
    }
    PrintWriter err = new PrintWriter(System.err, true);
    if (args.length == 1 && args[0].equals("bench-app")) {
      BedsideCaptureCommand.quietLibraryLogging();
      System.exit(BenchApp.run(app, new PrintWriter(System.out, true), err));
    }
    if (gui && GuiApp.displayAvailable()) {
      BedsideCaptureCommand.quietLibraryLogging();
      System.exit(GuiApp.run(app, args.length == 1, err));
    }
    if (args.length == 0) {
      err.println(
          "bedside-capture: no display to open the app on; the commands work without one (see"
              + " --help)");
      System.exit(2);
    }
    if (gui) {
      err.println("demo: no display, so the demo runs its capture path without the screens");
    }
    BedsideCaptureCommand.main(args);
  }
}
