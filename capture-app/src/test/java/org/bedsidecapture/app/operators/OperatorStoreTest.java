package org.bedsidecapture.app.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bedsidecapture.app.audit.AuditDelivery;
import org.bedsidecapture.app.audit.AuditMessages;
import org.bedsidecapture.app.audit.AuditQueue;
import org.bedsidecapture.app.audit.AuditTrail;
import org.bedsidecapture.app.audit.SyslogSender;
import org.bedsidecapture.dicom.PersonName;
import org.bedsidecapture.dicom.outbox.AuditLog;
import org.bedsidecapture.dicom.outbox.OutboxKey;
import org.bedsidecapture.dicom.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorStoreTest {
  @TempDir Path home;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T07:00:00Z"));
  private OperatorStore store;
  private final Operator nora =
      new Operator("nora.n", PersonName.of("Zznurse", "Nora"), Operator.Role.CAPTURE);

  @BeforeEach
  void setUp() throws Exception {
    store = OperatorStore.in(home, clock, new AuditLog(home.resolve("audit.log"), clock));
    store.add(nora, "4711".toCharArray(), "test");
  }

  @Test
  void theRightPinSignsInAndTheFileKeepsOnlyAnArgon2idHash() throws Exception {
    assertThat(store.signIn("nora.n", "4711".toCharArray())).isEqualTo(new SignIn.Accepted(nora));

    String file = Files.readString(home.resolve(OperatorStore.FILE_NAME));
    assertThat(file).contains("$argon2id$v\\=19$m\\=19456,t\\=2,p\\=1$").doesNotContain("4711");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve(OperatorStore.FILE_NAME))))
        .isEqualTo("rw-------");
    assertThat(
            OperatorStore.in(home, clock, new AuditLog(home.resolve("audit.log"), clock))
                .operators())
        .containsExactly(nora);
  }

  @Test
  void aFreshInstallGetsAOneTimeInstallerPinThatWorksOnce() throws Exception {
    Path file = store.oneTimeInstallerPin().orElseThrow();
    assertThat(store.oneTimeInstallerPin()).as("asked again: the same waiting PIN").contains(file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String said = Files.readString(file);
    String pin = said.replaceAll("(?s).*: (\\d{8})\\s*$", "$1");
    assertThat(pin).hasSize(8).containsOnlyDigits();
    assertThat(Files.readString(home.resolve(OperatorStore.FILE_NAME))).doesNotContain(pin);
    assertThat(store.waitingOneTimePin()).contains(file);

    SignIn first = store.signIn(OperatorStore.ONE_TIME_INSTALLER, pin.toCharArray());

    assertThat(first).isInstanceOf(SignIn.Accepted.class);
    assertThat(((SignIn.Accepted) first).operator().role()).isEqualTo(Operator.Role.INSTALLER);
    assertThat(file).doesNotExist();
    assertThat(store.waitingOneTimePin()).isEmpty();
    assertThat(store.signIn(OperatorStore.ONE_TIME_INSTALLER, pin.toCharArray()))
        .isInstanceOf(SignIn.Refused.class);
  }

  @Test
  void aStationWithAnInstallerGetsNoOneTimePinAndAWaitingOneIsWithdrawn() throws Exception {
    Path file = store.oneTimeInstallerPin().orElseThrow();
    store.add(
        new Operator("ida", PersonName.of("Zzinstaller", "Ida"), Operator.Role.INSTALLER),
        "2580".toCharArray(),
        "test");

    assertThat(store.oneTimeInstallerPin()).isEmpty();
    assertThat(file).doesNotExist();
    assertThat(store.find(OperatorStore.ONE_TIME_INSTALLER)).isEmpty();
  }

  @Test
  void aWrongPinAndAnUnknownUserGetTheSameAnswer() throws Exception {
    SignIn wrongPin = store.signIn("nora.n", "1234".toCharArray());
    SignIn unknown = store.signIn("nobody", "4711".toCharArray());

    assertThat(wrongPin).isInstanceOf(SignIn.Refused.class).isEqualTo(unknown);
  }

  @Test
  void fiveWrongPinsInARowLockTheUserOutForFiveMinutes() throws Exception {
    for (int i = 1; i < OperatorStore.ATTEMPTS; i++) {
      assertThat(store.signIn("nora.n", "0000".toCharArray())).isInstanceOf(SignIn.Refused.class);
    }
    SignIn fifth = store.signIn("nora.n", "0000".toCharArray());

    assertThat(fifth)
        .isEqualTo(new SignIn.LockedOut("nora.n", clock.instant().plus(OperatorStore.LOCKOUT)));
    assertThat(store.signIn("nora.n", "4711".toCharArray()))
        .as("even the right PIN waits")
        .isInstanceOf(SignIn.LockedOut.class);

    clock.advance(OperatorStore.LOCKOUT.plus(Duration.ofSeconds(1)));
    assertThat(store.signIn("nora.n", "4711".toCharArray())).isInstanceOf(SignIn.Accepted.class);
  }

  @Test
  void aRightPinClearsTheCountOfWrongOnes() throws Exception {
    for (int i = 1; i < OperatorStore.ATTEMPTS; i++) {
      store.signIn("nora.n", "0000".toCharArray());
    }
    store.signIn("nora.n", "4711".toCharArray());

    assertThat(store.signIn("nora.n", "0000".toCharArray())).isInstanceOf(SignIn.Refused.class);
  }

  @Test
  void aBadgeSignsInItsOperatorAndIsKeptAsAnHmacNotAsScanned() throws Exception {
    store.setBadge("nora.n", "BADGE-0042", "test");

    assertThat(store.signInByBadge("BADGE-0042")).isEqualTo(new SignIn.Accepted(nora));
    assertThat(store.signInByBadge("BADGE-0043")).isInstanceOf(SignIn.Refused.class);
    assertThat(Files.readString(home.resolve(OperatorStore.FILE_NAME))).doesNotContain("0042");
    Operator ida =
        new Operator("ida", PersonName.of("Zzinstaller", "Ida"), Operator.Role.INSTALLER);
    store.add(ida, "99887766".toCharArray(), "test");
    assertThatThrownBy(() -> store.setBadge("ida", "BADGE-0042", "test"))
        .hasMessageContaining("already belongs to nora.n");
  }

  @Test
  void badInputIsRefusedWithWhatIsExpected() throws Exception {
    assertThatThrownBy(() -> store.add(nora, "4711".toCharArray(), "test"))
        .hasMessageContaining("already an operator");
    Operator other = new Operator("other", PersonName.of("Zzother", null), Operator.Role.CAPTURE);
    assertThatThrownBy(() -> store.add(other, "12ab".toCharArray(), "test"))
        .hasMessage("a PIN is 4 to 12 digits");
    assertThatThrownBy(() -> new Operator("No Spaces", nora.name(), Operator.Role.CAPTURE))
        .hasMessageContaining("user name 'No Spaces'");
    assertThatThrownBy(() -> store.setPin("ghost", "1234".toCharArray(), "test"))
        .hasMessage("ghost is not an operator here");
  }

  @Test
  void changesOfTheOperatorsAreReportedToTheSitesAuditTrailWithWhoNeverThePin() throws Exception {
    AuditQueue queue =
        AuditQueue.open(
            home.resolve("audit-queue"), OutboxKey.openOrCreate(home.resolve("outbox.key")));
    AuditTrail trail =
        new AuditTrail(
            new AuditMessages("EDCART7", null, "localhost"),
            new AuditDelivery(
                queue, new SyslogSender("localhost", 1, null, Duration.ofSeconds(1), "x"), clock),
            clock);
    store.reportingTo(trail);

    store.add(
        new Operator("bob", PersonName.of("Zznurse", "Bob"), Operator.Role.CAPTURE),
        "8642".toCharArray(),
        "os:installer");
    store.setPin("bob", "1357".toCharArray(), "ida");
    store.remove("bob", "ida");

    List<String> messages = new ArrayList<>();
    for (var e = queue.oldest(); e.isPresent(); e = queue.oldest()) {
      messages.add(e.get().message());
      queue.remove(e.get().number());
    }
    assertThat(messages).hasSize(3);
    assertThat(messages.get(0))
        .contains("originalText=\"Security Roles Changed\"")
        .contains("UserID=\"os:installer\"")
        .contains("operator bob added as CAPTURE");
    assertThat(messages.get(1))
        .contains("originalText=\"User security Attributes Changed\"")
        .contains("UserID=\"ida\"")
        .contains("new PIN for operator bob");
    assertThat(messages.get(2)).contains("operator bob removed");
    assertThat(String.join("", messages)).doesNotContain("8642").doesNotContain("1357");
  }
}
