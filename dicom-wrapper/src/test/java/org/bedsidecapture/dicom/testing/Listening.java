package org.bedsidecapture.dicom.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/** Waiting for a peer the tests started to take connections. */
public final class Listening {
  private Listening() {}

  /**
   * Waits, 30 seconds at most, until {@code what}, running as {@code process}, accepts connections
   * on loopback {@code port}; stops it and says so when it exits or does not listen in time.
   */
  public static void await(Process process, int port, String what)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      if (!process.isAlive()) {
        throw new IOException(what + " exited with " + process.exitValue());
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          process.destroy();
          throw new IOException(what + " did not listen on " + port, notYet);
        }
        Thread.sleep(50);
      }
    }
  }
}
