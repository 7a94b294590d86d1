package org.bedsidecapture.dicom.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * dcmtk's storescp as an archive for tests: on a free port, storing into a folder, accepting every
 * transfer syntax dcmtk knows (JPEG and MPEG-4 included). Stopped by {@link #close()}.
 */
public final class Storescp implements AutoCloseable {
  public static final String AE_TITLE = "TESTARCHIVE";
  private final Process process;
  private final int port;
  private final Path folder;

  private Storescp(Process process, int port, Path folder) {
    this.process = process;
    this.port = port;
    this.folder = folder;
  }

  public static Storescp start(Path folder) throws IOException, InterruptedException {
    return start(folder, freePort());
  }

  /**
   * @param behaviour further storescp options, e.g. {@code --sleep-after 1} for a slow archive or
   *     {@code --abort-during} for one that breaks off
   */
  public static Storescp start(Path folder, int port, String... behaviour)
      throws IOException, InterruptedException {
    Files.createDirectories(folder);
    List<String> command =
        new java.util.ArrayList<>(
            List.of("storescp", "+xa", "-aet", AE_TITLE, "-od", folder.toString()));
    command.addAll(List.of(behaviour));
    command.add(Integer.toString(port));
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(
                    folder.resolveSibling(folder.getFileName() + ".log").toFile()))
            .start();
    Storescp s = new Storescp(p, port, folder);
    Listening.await(p, port, "storescp");
    return s;
  }

  /**
   * A DICOM TLS archive that wants a client certificate from {@code pki}'s authority, showing the
   * server certificate of that authority or, for an {@code impostor}, one of the rogue authority.
   */
  public static Storescp tls(Path folder, TestPki pki, boolean impostor)
      throws IOException, InterruptedException {
    return start(
        folder,
        freePort(),
        "+tls",
        (impostor ? pki.impostorKey() : pki.serverKey()).toString(),
        (impostor ? pki.impostorCertificate() : pki.serverCertificate()).toString(),
        "+cf",
        pki.authority().toString());
  }

  /** A {@code dicom-tls://} address of this archive. */
  public String tlsUrl() {
    return "dicom-tls://" + AE_TITLE + "@127.0.0.1:" + port;
  }

  /** Distinct free ports (all held open while chosen, so the same one is not given twice). */
  public static int[] freePorts(int n) throws IOException {
    ServerSocket[] held = new ServerSocket[n];
    try {
      int[] ports = new int[n];
      for (int i = 0; i < n; i++) {
        held[i] = new ServerSocket(0);
        ports[i] = held[i].getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket s : held) {
        if (s != null) {
          s.close();
        }
      }
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  public int port() {
    return port;
  }

  public String url() {
    return "dicom://" + AE_TITLE + "@127.0.0.1:" + port;
  }

  /** The files it received so far. */
  public List<Path> received() throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
