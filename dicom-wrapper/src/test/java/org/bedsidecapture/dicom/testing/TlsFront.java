package org.bedsidecapture.dicom.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * socat's TLS on a loopback port in front of a plain TCP server, showing a certificate (and its
 * key) from a PEM file: the TLS proxy a hospital puts before its archive or its EHR. Stopped by
 * {@link #close()}.
 */
public final class TlsFront implements AutoCloseable {
  private final Process process;
  private final int port;

  private TlsFront(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * TLS on {@code port} (127.0.0.1) for the plain server on {@code backendPort}; logs into {@code
   * log}.
   */
  public static TlsFront start(Path certificateAndKey, int port, int backendPort, Path log)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                "socat",
                "OPENSSL-LISTEN:"
                    + port
                    + ",bind=127.0.0.1,reuseaddr,fork,verify=0,cert="
                    + certificateAndKey,
                "TCP:127.0.0.1:" + backendPort)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Listening.await(p, port, "socat (see " + log + ")");
    return new TlsFront(p, port);
  }

  public int port() {
    return port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor(10, TimeUnit.SECONDS);
  }
}
