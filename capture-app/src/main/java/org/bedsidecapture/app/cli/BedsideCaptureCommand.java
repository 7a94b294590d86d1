package org.bedsidecapture.app.cli;

import org.bedsidecapture.app.AppContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bedside-capture} command line: the same services the app uses, without a screen. */
@Command(
    name = "bedside-capture",
    mixinStandardHelpOptions = true,
    versionProvider = BedsideCaptureCommand.Version.class,
    description = "Encounter-based point-of-care imaging capture.",
    subcommands = {
      WrapCommand.class,
      SendCommand.class,
      EchoCommand.class,
      OutboxCommand.class,
      LookupCommand.class,
      BenchScanCommand.class,
      DemoEhrCommand.class,
      BenchPreviewCommand.class,
      BodySitesCommand.class,
      DevicesCommand.class,
      OperatorsCommand.class,
      SettingsCommand.class,
      DemoCommand.class,
      SelfTestCommand.class,
      AuditCommand.class
    })
public final class BedsideCaptureCommand implements Runnable {
  /**
   * The DICOM toolkit logs problems that the commands already report as one line each. Held here
   * because java.util.logging keeps loggers only weakly, and with them their levels.
   */
  private static final java.util.logging.Logger PIXELMED_LOG =
      java.util.logging.Logger.getLogger("com.pixelmed");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    quietLibraryLogging();
    AppContext app = AppContext.ofThisProcess();
    app.actingAs(commandLineUser());
    int status = commandLine(app).execute(args);
    try {
      app.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.exit(status);
  }

  /** Who acts on the command line, for the audit log and trail: the OS account. */
  static String commandLineUser() {
    return "os:" + System.getProperty("user.name", "unknown");
  }

  /**
   * Some libraries log to java.util.logging at INFO; the command line shows warnings only (the
   * diagnostic launcher shows all).
   */
  public static void quietLibraryLogging() {
    if (org.bedsidecapture.app.AppLog.diagnostic()) {
      return;
    }
    java.util.logging.Logger root = java.util.logging.LogManager.getLogManager().getLogger("");
    root.setLevel(java.util.logging.Level.WARNING);
    for (java.util.logging.Handler h : root.getHandlers()) {
      h.setLevel(java.util.logging.Level.WARNING);
    }
    PIXELMED_LOG.setLevel(java.util.logging.Level.OFF);
  }

  /**
   * The command line on the app's context (every command that needs it gets it through its
   * constructor), with this app's error handling: one line on stderr, no stack trace.
   */
  public static CommandLine commandLine(AppContext app) {
    CommandLine.IFactory withContext =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            try {
              return type.getDeclaredConstructor(AppContext.class).newInstance(app);
            } catch (NoSuchMethodException noContextNeeded) {
              return CommandLine.defaultFactory().create(type);
            }
          }
        };
    CommandLine cl = new CommandLine(BedsideCaptureCommand.class, withContext);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine
              .getErr()
              .println(
                  commandLine.getCommandName()
                      + ": "
                      + e.getClass().getSimpleName()
                      + ": "
                      + e.getMessage());
          return 3;
        });
    return cl;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "no command given: started without arguments on a display, the app opens; the commands"
            + " are listed by --help");
  }

  /** Prints the version the jar was built as. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {org.bedsidecapture.app.AppVersion.softwareVersion()};
    }
  }
}
