package org.bedsidecapture.app.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bedsidecapture.dicom.testing.Listening;
import org.bedsidecapture.dicom.testing.TestPki;

/**
 * rsyslog as the site's audit repository for tests: TLS (its OpenSSL driver) on a loopback port
 * with the test authority's server certificate, a client certificate from that authority required,
 * every message's MSGID and text written one per line to a file. Stopped by {@link #close()}; a new
 * one on the same port and folder stands for the repository coming back.
 */
final class Rsyslog implements AutoCloseable {
  private final Process process;
  private final Path received;

  private Rsyslog(Process process, Path received) {
    this.process = process;
    this.received = received;
  }

  static Rsyslog start(Path dir, TestPki pki, int port) throws IOException, InterruptedException {
    return start(dir, pki, port, false);
  }

  /** rsyslog showing the impostor's certificate ({@code impostor}) or the genuine one. */
  static Rsyslog start(Path dir, TestPki pki, int port, boolean impostor)
      throws IOException, InterruptedException {
    Path work = Files.createDirectories(dir.resolve("work"));
    Path received = dir.resolve("received.log");
    Path conf = dir.resolve("rsyslog.conf");
    Files.writeString(
        conf,
        "global(workDirectory=\""
            + work
            + "\" DefaultNetstreamDriver=\"ossl\" DefaultNetstreamDriverCAFile=\""
            + pki.authority()
            + "\" DefaultNetstreamDriverCertFile=\""
            + (impostor ? pki.impostorCertificate() : pki.serverCertificate())
            + "\" DefaultNetstreamDriverKeyFile=\""
            + (impostor ? pki.impostorKey() : pki.serverKey())
            + "\")\n"
            + "module(load=\"imtcp\" StreamDriver.Name=\"ossl\" StreamDriver.Mode=\"1\""
            + " StreamDriver.AuthMode=\"x509/certvalid\")\n"
            + "input(type=\"imtcp\" port=\""
            + port
            + "\" address=\"127.0.0.1\")\n"
            + "template(name=\"asReceived\" type=\"string\" string=\"%msgid% %msg%\\n\")\n"
            + "action(type=\"omfile\" file=\""
            + received
            + "\" template=\"asReceived\" flushOnTXEnd=\"on\")\n");
    Process p =
        new ProcessBuilder(
                "rsyslogd",
                "-n",
                "-f",
                conf.toString(),
                "-i",
                dir.resolve("rsyslogd.pid").toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("rsyslogd.out").toFile()))
            .start();
    Listening.await(p, port, "rsyslogd (see " + dir.resolve("rsyslogd.out") + ")");
    return new Rsyslog(p, received);
  }

  /** The messages received so far, one line each: MSGID, a space, the message. */
  List<String> received() throws IOException {
    return Files.exists(received) ? Files.readAllLines(received) : List.of();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor(10, TimeUnit.SECONDS);
  }
}
