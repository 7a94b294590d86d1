package org.bedsidecapture.dicom.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away public key infrastructure made with openssl for TLS tests: a test authority that
 * signed a certificate for the archive (naming 127.0.0.1 and localhost) and one for the station,
 * and a second, untrusted authority that signed a certificate for an impostor archive.
 */
public record TestPki(Path dir) {
  public static final String PASSWORD = "test-only-secret";

  /** How long its certificates are valid: long enough to be far from expiring when a test runs. */
  public static final int VALID_DAYS_NUMBER = 90;

  private static final String VALID_DAYS = Integer.toString(VALID_DAYS_NUMBER);

  public static TestPki create(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    TestPki pki = new TestPki(dir);
    pki.authority("ca", "Bedside Capture Test CA");
    pki.authority("rogue-ca", "Untrusted Test CA");
    pki.signed("server", "ca", "localhost", "subjectAltName=IP:127.0.0.1,DNS:localhost");
    pki.signed("impostor", "rogue-ca", "localhost", "subjectAltName=IP:127.0.0.1,DNS:localhost");
    pki.signed(
        "station",
        "ca",
        "BEDSIDE",
        "extendedKeyUsage=clientAuth,serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost");
    for (String holder : List.of("station", "server", "impostor")) {
      pki.openssl(
          "pkcs12",
          "-export",
          "-inkey",
          holder + ".key",
          "-in",
          holder + ".pem",
          "-name",
          holder,
          "-out",
          holder + ".p12",
          "-passout",
          "pass:" + PASSWORD);
    }
    Files.writeString(dir.resolve("station.p12.password"), PASSWORD);
    for (String secret :
        List.of("station.p12", "server.p12", "impostor.p12", "station.p12.password")) {
      Files.setPosixFilePermissions(
          dir.resolve(secret),
          java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }
    for (String name : List.of("server", "impostor")) {
      Files.writeString(
          dir.resolve(name + "-with-key.pem"),
          Files.readString(dir.resolve(name + ".pem"))
              + Files.readString(dir.resolve(name + ".key")));
    }
    return pki;
  }

  /** PEM: the trusted test authority. */
  public Path authority() {
    return dir.resolve("ca.pem");
  }

  /** PEM: an authority nobody trusts. */
  public Path rogueAuthority() {
    return dir.resolve("rogue-ca.pem");
  }

  /** PEM key and certificate of the archive, signed by {@link #authority()}. */
  public Path serverKey() {
    return dir.resolve("server.key");
  }

  public Path serverCertificate() {
    return dir.resolve("server.pem");
  }

  /** Certificate followed by key in one PEM file (what Orthanc's HTTPS wants). */
  public Path serverCertificateAndKey(boolean impostor) {
    return dir.resolve((impostor ? "impostor" : "server") + "-with-key.pem");
  }

  public Path impostorKey() {
    return dir.resolve("impostor.key");
  }

  public Path impostorCertificate() {
    return dir.resolve("impostor.pem");
  }

  /** PKCS #12: the station's key and certificate; its password is {@link #PASSWORD}. */
  public Path stationKeyStore() {
    return dir.resolve("station.p12");
  }

  /**
   * The archive's key and certificate from the test authority (the server certificate), as PKCS #12
   * under the same password as the station's: an archive that connects back to the station.
   */
  public Path archiveKeyStore() {
    return dir.resolve("server.p12");
  }

  /** The impostor's key and certificate (from the rogue authority) as PKCS #12. */
  public Path impostorKeyStore() {
    return dir.resolve("impostor.p12");
  }

  public Path stationKeyStorePasswordFile() {
    return dir.resolve("station.p12.password");
  }

  private void authority(String name, String commonName) throws IOException, InterruptedException {
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        name + ".key",
        "-out",
        name + ".pem",
        "-days",
        VALID_DAYS,
        "-subj",
        "/CN=" + commonName);
  }

  private void signed(String name, String authority, String commonName, String extension)
      throws IOException, InterruptedException {
    openssl(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        name + ".key",
        "-out",
        name + ".csr",
        "-subj",
        "/CN=" + commonName);
    Files.writeString(dir.resolve(name + ".ext"), extension + "\n");
    openssl(
        "x509",
        "-req",
        "-in",
        name + ".csr",
        "-CA",
        authority + ".pem",
        "-CAkey",
        authority + ".key",
        "-CAcreateserial",
        "-out",
        name + ".pem",
        "-days",
        VALID_DAYS,
        "-extfile",
        name + ".ext");
  }

  private void openssl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("openssl.log").toFile()))
            .start();
    if (p.waitFor() != 0) {
      throw new IOException("openssl " + args[0] + " failed; see " + dir.resolve("openssl.log"));
    }
  }
}
