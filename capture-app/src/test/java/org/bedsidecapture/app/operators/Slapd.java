package org.bedsidecapture.app.operators;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bedsidecapture.dicom.testing.Listening;
import org.bedsidecapture.dicom.testing.Storescp;
import org.bedsidecapture.dicom.testing.TestPki;

/**
 * OpenLDAP's slapd as the site's directory for tests, on loopback: LDAPS on one port and plain LDAP
 * (for StartTLS) on another, with a server certificate from the test authority (or the impostor's),
 * the password-policy overlay (so that a locked account is refused as locked), and a small
 * hospital: an installer, a nurse, a locked nurse, someone in no station group, and the two groups.
 * Loaded with slapadd before it starts; stopped by {@link #close()}.
 */
final class Slapd implements AutoCloseable {
  static final String BASE = "dc=hospital,dc=example";
  static final String PEOPLE = "ou=people," + BASE;
  static final String GROUPS = "ou=groups," + BASE;
  static final String CAPTURE_GROUP = "cn=bedside-capture," + GROUPS;
  static final String INSTALLER_GROUP = "cn=bedside-installers," + GROUPS;
  static final String READER = "cn=station-reader," + BASE;
  static final String READER_PASSWORD = "reader-secret-7";
  static final String IDA_PASSWORD = "Ida-Secret-1";
  static final String NORA_PASSWORD = "Nora-Secret-2";
  static final String NORA_BADGE = "0042117";

  private final Process process;
  final int ldapsPort;
  final int ldapPort;

  private Slapd(Process process, int ldapsPort, int ldapPort) {
    this.process = process;
    this.ldapsPort = ldapsPort;
    this.ldapPort = ldapPort;
  }

  /** Starts slapd in {@code dir} showing the test authority's server certificate. */
  static Slapd start(Path dir, TestPki pki) throws IOException, InterruptedException {
    return start(dir, pki, false);
  }

  /** Starts slapd showing the impostor's certificate ({@code impostor}) or the genuine one. */
  static Slapd start(Path dir, TestPki pki, boolean impostor)
      throws IOException, InterruptedException {
    Path db = Files.createDirectories(dir.resolve("db"));
    Path conf = dir.resolve("slapd.conf");
    Files.writeString(
        conf,
        "include /etc/ldap/schema/core.schema\n"
            + "include /etc/ldap/schema/cosine.schema\n"
            + "include /etc/ldap/schema/inetorgperson.schema\n"
            + "modulepath /usr/lib/ldap\n"
            + "moduleload back_mdb\n"
            + "moduleload ppolicy\n"
            + "pidfile "
            + dir.resolve("slapd.pid")
            + "\nTLSCACertificateFile "
            + pki.authority()
            + "\nTLSCertificateFile "
            + (impostor ? pki.impostorCertificate() : pki.serverCertificate())
            + "\nTLSCertificateKeyFile "
            + (impostor ? pki.impostorKey() : pki.serverKey())
            + "\ndatabase mdb\n"
            + "maxsize 16777216\n"
            + "suffix \""
            + BASE
            + "\"\nrootdn \"cn=admin,"
            + BASE
            + "\"\nrootpw admin-secret\n"
            + "directory "
            + db
            + "\noverlay ppolicy\n"
            + "ppolicy_default \"cn=default,ou=policies,"
            + BASE
            + "\"\nppolicy_use_lockout\n"
            + "access to attrs=userPassword by anonymous auth by * none\n"
            + "access to * by dn.exact=\""
            + READER
            + "\" read by self read by * none\n");
    Path ldif = dir.resolve("hospital.ldif");
    Files.writeString(ldif, hospital());
    Process load =
        new ProcessBuilder("slapadd", "-f", conf.toString(), "-l", ldif.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("slapadd.out").toFile())
            .start();
    if (!load.waitFor(60, TimeUnit.SECONDS) || load.exitValue() != 0) {
      throw new IOException(
          "slapadd failed: " + Files.readString(dir.resolve("slapadd.out")).strip());
    }
    int ldaps = Storescp.freePort();
    int ldap = Storescp.freePort();
    Process p =
        new ProcessBuilder(
                "slapd",
                "-f",
                conf.toString(),
                "-h",
                "ldaps://127.0.0.1:" + ldaps + "/ ldap://127.0.0.1:" + ldap + "/",
                "-d",
                "0")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("slapd.out").toFile()))
            .start();
    Listening.await(p, ldaps, "slapd (see " + dir.resolve("slapd.out") + ")");
    Listening.await(p, ldap, "slapd (see " + dir.resolve("slapd.out") + ")");
    return new Slapd(p, ldaps, ldap);
  }

  private static String hospital() {
    return entry(
            BASE,
            "objectClass: dcObject",
            "objectClass: organization",
            "o: Hospital",
            "dc: hospital")
        + entry("ou=people," + BASE, "objectClass: organizationalUnit", "ou: people")
        + entry("ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups")
        + entry("ou=policies," + BASE, "objectClass: organizationalUnit", "ou: policies")
        + entry(
            "cn=default,ou=policies," + BASE,
            "objectClass: device",
            "objectClass: pwdPolicy",
            "cn: default",
            "pwdAttribute: userPassword",
            "pwdLockout: TRUE",
            "pwdMaxFailure: 5",
            "pwdLockoutDuration: 0")
        + entry(
            READER,
            "objectClass: person",
            "cn: station-reader",
            "sn: Reader",
            "userPassword: " + READER_PASSWORD)
        + person("ida", "Zzinstaller", "Ida", IDA_PASSWORD, null, null)
        + person("nora", "Zznurse", "Nora", NORA_PASSWORD, NORA_BADGE, null)
        + person("lou", "Zzlocked", "Lou", "Lou-Secret-3", null, "000001010000Z")
        + person("gus", "Zzguest", "Gus", "Gus-Secret-4", null, null)
        + entry(
            INSTALLER_GROUP,
            "objectClass: groupOfNames",
            "cn: bedside-installers",
            "member: uid=ida," + PEOPLE)
        + entry(
            CAPTURE_GROUP,
            "objectClass: groupOfNames",
            "cn: bedside-capture",
            "member: uid=nora," + PEOPLE,
            "member: uid=lou," + PEOPLE);
  }

  private static String person(
      String uid, String sn, String given, String password, String badge, String lockedAt) {
    return entry(
        "uid=" + uid + "," + PEOPLE,
        "objectClass: inetOrgPerson",
        "uid: " + uid,
        "cn: " + given + " " + sn,
        "sn: " + sn,
        "givenName: " + given,
        "userPassword: " + password,
        badge == null ? null : "employeeNumber: " + badge,
        lockedAt == null ? null : "pwdAccountLockedTime: " + lockedAt);
  }

  private static String entry(String dn, String... lines) {
    StringBuilder s = new StringBuilder("dn: ").append(dn).append('\n');
    for (String l : lines) {
      if (l != null) {
        s.append(l).append('\n');
      }
    }
    return s.append('\n').toString();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor(10, TimeUnit.SECONDS);
  }
}
