package org.bedsidecapture.app.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bedsidecapture.app.AppContext;
import org.bedsidecapture.app.AppOutbox;
import org.bedsidecapture.app.operators.Operator;
import org.bedsidecapture.app.operators.OperatorStore;
import org.bedsidecapture.dicom.PersonName;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The station's operators, for installers and scripted installs: add, list, remove, a new PIN, a
 * badge. A PIN is asked on the terminal, or read from a file (never from the command line, where
 * the process list would show it).
 */
@Command(
    name = "operators",
    mixinStandardHelpOptions = true,
    description = "The operators who may sign in at this station.",
    subcommands = {
      OperatorsCommand.Add.class,
      OperatorsCommand.ListAll.class,
      OperatorsCommand.Remove.class,
      OperatorsCommand.Pin.class,
      OperatorsCommand.Badge.class
    })
final class OperatorsCommand {
  private OperatorsCommand() {}

  /** What every subcommand shares: the store, errors told in one line. */
  abstract static class Base implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    private final AppContext app;

    Base(AppContext app) {
      this.app = app;
    }

    @Override
    public Integer call() throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      try {
        return run(
            OperatorStore.in(
                    app.folders().settings(),
                    app.clock(),
                    AppOutbox.audit(app.folders().data(), app.clock()))
                .reportingTo(app.auditTrail(err)),
            spec.commandLine().getOut());
      } catch (IllegalArgumentException e) {
        err.println("operators " + spec.name() + ": " + e.getMessage());
        return 2;
      }
    }

    abstract int run(OperatorStore store, PrintWriter out) throws IOException;

    /** The PIN from {@code file} (its first line), or asked twice on the terminal. */
    static char[] pin(Path file) throws IOException {
      if (file != null) {
        String first =
            Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        return first.strip().toCharArray();
      }
      Console console = System.console();
      if (console == null) {
        throw new IllegalArgumentException(
            "no terminal to ask the PIN on: give it in a file with --pin-file");
      }
      char[] pin = console.readPassword("PIN (4 to 12 digits): ");
      char[] again = console.readPassword("The same PIN again: ");
      if (pin == null || !Arrays.equals(pin, again)) {
        throw new IllegalArgumentException("the two PINs differ; nothing was changed");
      }
      return pin;
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add an operator with a PIN.")
  static final class Add extends Base {
    @Parameters(index = "0", description = "user name (a-z, 0-9, '.', '_', '-')")
    String user;

    @Option(
        names = "--name",
        required = true,
        description = "the name written into captures, Family^Given")
    String name;

    @Option(
        names = "--role",
        defaultValue = "capture",
        description = "capture (default) or installer (may open the settings)")
    String role;

    @Option(names = "--pin-file", description = "read the PIN from this file's first line")
    Path pinFile;

    Add(AppContext app) {
      super(app);
    }

    @Override
    int run(OperatorStore store, PrintWriter out) throws IOException {
      Operator.Role r;
      try {
        r = Operator.Role.valueOf(role.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--role is capture or installer, not '" + role + "'");
      }
      Operator operator = new Operator(user, PersonName.parse(name), r);
      char[] pin = pin(pinFile);
      try {
        store.add(operator, pin, BedsideCaptureCommand.commandLineUser());
      } finally {
        Arrays.fill(pin, '\0');
      }
      out.println("added " + user + " (" + r.name().toLowerCase(Locale.ROOT) + ")");
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "One line per operator: user, role, name.")
  static final class ListAll extends Base {
    ListAll(AppContext app) {
      super(app);
    }

    @Override
    int run(OperatorStore store, PrintWriter out) throws IOException {
      for (Operator o : store.operators()) {
        out.printf(
            "%-20s %-10s %s%n",
            o.user(), o.role().name().toLowerCase(Locale.ROOT), o.name().toDicom());
      }
      return 0;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an operator.")
  static final class Remove extends Base {
    @Parameters(index = "0", description = "user name")
    String user;

    Remove(AppContext app) {
      super(app);
    }

    @Override
    int run(OperatorStore store, PrintWriter out) throws IOException {
      store.remove(user, BedsideCaptureCommand.commandLineUser());
      out.println("removed " + user);
      return 0;
    }
  }

  @Command(
      name = "pin",
      mixinStandardHelpOptions = true,
      description = "Give an operator a new PIN (also ends a lockout).")
  static final class Pin extends Base {
    @Parameters(index = "0", description = "user name")
    String user;

    @Option(names = "--pin-file", description = "read the PIN from this file's first line")
    Path pinFile;

    Pin(AppContext app) {
      super(app);
    }

    @Override
    int run(OperatorStore store, PrintWriter out) throws IOException {
      char[] pin = pin(pinFile);
      try {
        store.setPin(user, pin, BedsideCaptureCommand.commandLineUser());
      } finally {
        Arrays.fill(pin, '\0');
      }
      out.println("new PIN for " + user);
      return 0;
    }
  }

  @Command(
      name = "badge",
      mixinStandardHelpOptions = true,
      description = "Let an operator sign in with this badge (scan it into the terminal).")
  static final class Badge extends Base {
    @Parameters(index = "0", description = "user name")
    String user;

    @Parameters(index = "1", description = "what the badge's barcode holds")
    String badge;

    Badge(AppContext app) {
      super(app);
    }

    @Override
    int run(OperatorStore store, PrintWriter out) throws IOException {
      store.setBadge(user, badge, BedsideCaptureCommand.commandLineUser());
      out.println(user + " signs in with that badge from now on");
      return 0;
    }
  }
}
