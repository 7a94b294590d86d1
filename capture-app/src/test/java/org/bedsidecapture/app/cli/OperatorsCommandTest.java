package org.bedsidecapture.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.bedsidecapture.app.operators.OperatorStore;
import org.bedsidecapture.app.operators.SignIn;
import org.bedsidecapture.dicom.outbox.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorsCommandTest {
  @TempDir Path home;
  private final CommandOutput printed = new CommandOutput();
  private final StringWriter out = printed.out;
  private final StringWriter err = printed.err;

  private int run(String... args) {
    return printed.run(home, args);
  }

  @Test
  void anInstallerAddsAnOperatorWithAPinFromAFileAndABadge() throws Exception {
    Path pin = Files.writeString(home.resolve("pin.txt"), "4711\n");

    assertThat(
            run(
                "operators",
                "add",
                "nora.n",
                "--name",
                "Zznurse^Nora",
                "--pin-file",
                pin.toString()))
        .isZero();
    assertThat(run("operators", "badge", "nora.n", "BADGE-0042")).isZero();
    assertThat(run("operators", "list")).isZero();

    assertThat(out.toString()).contains("nora.n").contains("capture").contains("Zznurse^Nora");
    OperatorStore store =
        OperatorStore.in(
            home, Clock.systemUTC(), new AuditLog(home.resolve("audit.log"), Clock.systemUTC()));
    assertThat(store.signIn("nora.n", "4711".toCharArray())).isInstanceOf(SignIn.Accepted.class);
    assertThat(store.signInByBadge("BADGE-0042")).isInstanceOf(SignIn.Accepted.class);

    Files.writeString(pin, "8080\n");
    assertThat(run("operators", "pin", "nora.n", "--pin-file", pin.toString())).isZero();
    assertThat(store.signIn("nora.n", "8080".toCharArray())).isInstanceOf(SignIn.Accepted.class);
    assertThat(run("operators", "remove", "nora.n")).isZero();
    assertThat(store.isEmpty()).isTrue();

    String by = " by=os:" + System.getProperty("user.name");
    assertThat(Files.readString(home.resolve("audit.log")))
        .as("each change with who made it, never a PIN or a badge")
        .contains("OPERATOR_ADDED operator=nora.n role=CAPTURE" + by)
        .contains("OPERATOR_BADGE_SET operator=nora.n" + by)
        .contains("OPERATOR_PIN_SET operator=nora.n" + by)
        .contains("OPERATOR_REMOVED operator=nora.n" + by)
        .doesNotContain("4711")
        .doesNotContain("8080")
        .doesNotContain("BADGE-0042");
  }

  @Test
  void mistakesAreToldInOneLineAndChangeNothing() throws Exception {
    Path pin = Files.writeString(home.resolve("pin.txt"), "47\n");

    assertThat(
            run(
                "operators",
                "add",
                "nora.n",
                "--name",
                "Zznurse^Nora",
                "--pin-file",
                pin.toString()))
        .isEqualTo(2);
    assertThat(
            run(
                "operators",
                "add",
                "ida",
                "--name",
                "Zzi^Ida",
                "--role",
                "boss",
                "--pin-file",
                pin.toString()))
        .isEqualTo(2);
    assertThat(run("operators", "add", "ida", "--name", "Zzi^Ida")).isEqualTo(2);

    assertThat(err.toString())
        .contains("operators add: a PIN is 4 to 12 digits")
        .contains("--role is capture or installer, not 'boss'")
        .contains("give it in a file with --pin-file");
    assertThat(
            OperatorStore.in(
                    home,
                    Clock.systemUTC(),
                    new AuditLog(home.resolve("audit.log"), Clock.systemUTC()))
                .isEmpty())
        .isTrue();
  }
}
