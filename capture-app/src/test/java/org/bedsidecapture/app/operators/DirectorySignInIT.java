package org.bedsidecapture.app.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.bedsidecapture.app.settings.SiteSettings;
import org.bedsidecapture.dicom.PersonName;
import org.bedsidecapture.dicom.delivery.Tls;
import org.bedsidecapture.dicom.outbox.AuditLog;
import org.bedsidecapture.dicom.testing.MutableClock;
import org.bedsidecapture.dicom.testing.Storescp;
import org.bedsidecapture.dicom.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-in against a real directory (OpenLDAP's slapd on loopback, certificate from a test
 * authority): over LDAPS and over StartTLS, roles from the site's groups, a badge leading to its
 * user, and every way it can go wrong said as such — wrong password, locked account, no station
 * group, unknown user left to the station's own operators, the directory down (its own operators
 * only where the site allows it), an impostor's certificate.
 */
class DirectorySignInIT {
  @TempDir static Path dir;
  private static TestPki pki;
  private static Slapd slapd;
  private static Tls tls;
  private static Path readerPassword;
  private static OperatorStore local;

  @BeforeAll
  static void startTheDirectory() throws Exception {
    pki = TestPki.create(dir.resolve("pki"));
    slapd = Slapd.start(Files.createDirectories(dir.resolve("slapd")), pki);
    tls = Tls.configure(null, null, pki.authority());
    readerPassword = dir.resolve("reader-password");
    Files.writeString(readerPassword, Slapd.READER_PASSWORD + "\n");
    Files.setPosixFilePermissions(readerPassword, PosixFilePermissions.fromString("rw-------"));
    MutableClock clock = new MutableClock(Instant.parse("2026-12-03T07:00:00Z"));
    Path home = Files.createDirectories(dir.resolve("home"));
    local = OperatorStore.in(home, clock, new AuditLog(home.resolve("audit.log"), clock));
    local.add(
        new Operator("breakglass", PersonName.of("Zzlocal", "Bea"), Operator.Role.INSTALLER),
        "97531".toCharArray(),
        "test");
  }

  @AfterAll
  static void stopTheDirectory() throws Exception {
    slapd.close();
  }

  private SiteSettings.Directory directory(String url, boolean localWhenDown) {
    return new SiteSettings.Directory(
        URI.create(url),
        Slapd.READER,
        readerPassword,
        Slapd.PEOPLE,
        "(uid={0})",
        "employeeNumber",
        Slapd.CAPTURE_GROUP,
        Slapd.INSTALLER_GROUP,
        localWhenDown);
  }

  private DirectorySignIn overLdaps() {
    return new DirectorySignIn(
        directory("ldaps://localhost:" + slapd.ldapsPort, false),
        tls,
        Duration.ofSeconds(10),
        local);
  }

  @Test
  void aGoodPasswordOverLdapsSignsInWithTheRoleOfTheUsersGroupAndTheirName() throws Exception {
    SignIn ida = overLdaps().signIn("Ida", Slapd.IDA_PASSWORD.toCharArray());
    SignIn nora = overLdaps().signIn("nora", Slapd.NORA_PASSWORD.toCharArray());

    assertThat(ida).isInstanceOf(SignIn.Accepted.class);
    Operator installer = ((SignIn.Accepted) ida).operator();
    assertThat(installer.user()).isEqualTo("ida");
    assertThat(installer.role()).isEqualTo(Operator.Role.INSTALLER);
    assertThat(installer.name().toDicom()).isEqualTo("Zzinstaller^Ida");
    assertThat(((SignIn.Accepted) nora).operator().role()).isEqualTo(Operator.Role.CAPTURE);
  }

  @Test
  void startTlsOnThePlainPortWorksTheSame() throws Exception {
    DirectorySignIn startTls =
        new DirectorySignIn(
            directory("ldap://localhost:" + slapd.ldapPort, false),
            tls,
            Duration.ofSeconds(10),
            local);

    assertThat(startTls.signIn("nora", Slapd.NORA_PASSWORD.toCharArray()))
        .isInstanceOf(SignIn.Accepted.class);
  }

  @Test
  void aWrongPasswordIsRefused() throws Exception {
    assertThat(overLdaps().signIn("nora", "Not-Her-Password".toCharArray()))
        .isInstanceOf(SignIn.Refused.class);
  }

  @Test
  void aLockedAccountIsToldAsLockedWhateverThePassword() throws Exception {
    SignIn lou = overLdaps().signIn("lou", "Lou-Secret-3".toCharArray());

    assertThat(lou).isInstanceOf(SignIn.AccountLocked.class);
    assertThat(((SignIn.AccountLocked) lou).why()).contains("locked");
  }

  @Test
  void someoneInNoStationGroupIsNotAllowed() throws Exception {
    assertThat(overLdaps().signIn("gus", "Gus-Secret-4".toCharArray()))
        .isEqualTo(new SignIn.NotAllowed("gus"));
  }

  @Test
  void aBadgeLeadsToTheDirectoryUserHoldingIt() throws Exception {
    SignIn byBadge = overLdaps().signInByBadge(Slapd.NORA_BADGE);

    assertThat(byBadge).isInstanceOf(SignIn.Accepted.class);
    assertThat(((SignIn.Accepted) byBadge).operator().user()).isEqualTo("nora");
    assertThat(overLdaps().signInByBadge("9999999")).isInstanceOf(SignIn.Refused.class);
  }

  @Test
  void aUserTheDirectoryDoesNotKnowIsLeftToTheStationsOwnOperators() throws Exception {
    SignIn breakglass = overLdaps().signIn("breakglass", "97531".toCharArray());

    assertThat(breakglass).isInstanceOf(SignIn.Accepted.class);
    assertThat(((SignIn.Accepted) breakglass).operator().role()).isEqualTo(Operator.Role.INSTALLER);
  }

  @Test
  void theDirectoryDownIsSaidClearlyAndTheStationsOwnOperatorsOnlyWhereTheSiteAllows()
      throws Exception {
    String nowhere = "ldaps://localhost:" + Storescp.freePort();
    DirectorySignIn refusing =
        new DirectorySignIn(directory(nowhere, false), tls, Duration.ofSeconds(5), local);
    DirectorySignIn fallingBack =
        new DirectorySignIn(directory(nowhere, true), tls, Duration.ofSeconds(5), local);

    SignIn refused = refusing.signIn("nora", Slapd.NORA_PASSWORD.toCharArray());
    assertThat(refused).isInstanceOf(SignIn.Unavailable.class);
    assertThat(((SignIn.Unavailable) refused).why()).contains("cannot be reached");
    assertThat(((SignIn.Unavailable) refused).localTried()).isFalse();
    assertThat(refusing.signIn("breakglass", "97531".toCharArray()))
        .as("the site does not allow the station's own operators while the directory is down")
        .isInstanceOf(SignIn.Unavailable.class);

    assertThat(fallingBack.signIn("breakglass", "97531".toCharArray()))
        .isInstanceOf(SignIn.Accepted.class);
    SignIn nora = fallingBack.signIn("nora", Slapd.NORA_PASSWORD.toCharArray());
    assertThat(nora).isInstanceOf(SignIn.Unavailable.class);
    assertThat(((SignIn.Unavailable) nora).localTried()).isTrue();
  }

  @Test
  void aDirectoryShowingAnImpostorsCertificateIsRefusedSayingWhy() throws Exception {
    try (Slapd impostor =
        Slapd.start(Files.createDirectories(dir.resolve("impostor")), pki, true)) {
      for (String url :
          new String[] {
            "ldaps://localhost:" + impostor.ldapsPort, "ldap://localhost:" + impostor.ldapPort
          }) {
        SignIn s =
            new DirectorySignIn(directory(url, false), tls, Duration.ofSeconds(10), local)
                .signIn("nora", Slapd.NORA_PASSWORD.toCharArray());

        assertThat(s).as(url).isInstanceOf(SignIn.Unavailable.class);
        assertThat(((SignIn.Unavailable) s).why())
            .as(url)
            .contains("cannot be used over TLS")
            .contains("not signed by an authority this station trusts");
      }
    }
  }

  @Test
  void aWrongStationAccountPasswordIsNamedAsSuch() throws Exception {
    Path wrong = dir.resolve("wrong-reader-password");
    Files.writeString(wrong, "not-the-reader-password\n");
    SignIn s =
        new DirectorySignIn(
                new SiteSettings.Directory(
                    URI.create("ldaps://localhost:" + slapd.ldapsPort),
                    Slapd.READER,
                    wrong,
                    Slapd.PEOPLE,
                    "(uid={0})",
                    null,
                    Slapd.CAPTURE_GROUP,
                    null,
                    false),
                tls,
                Duration.ofSeconds(10),
                local)
            .signIn("nora", Slapd.NORA_PASSWORD.toCharArray());

    assertThat(s).isInstanceOf(SignIn.Unavailable.class);
    assertThat(((SignIn.Unavailable) s).why()).contains("directory.bind-dn");
  }
}
