package org.bedsidecapture.dicom.delivery;

import com.pixelmed.network.Association;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.Socket;
import java.time.Duration;

/** Socket options the toolkit offers no way to set: reached through its association's field. */
final class Sockets {
  private Sockets() {}

  /**
   * TCP_NODELAY (without it every DIMSE exchange on loopback waits ~40 ms for a delayed ACK) and a
   * read timeout, so that an archive that stops answering is noticed.
   */
  static void tune(Association association, Duration timeout) {
    try {
      Field f = Association.class.getDeclaredField("socket");
      f.setAccessible(true);
      Socket socket = (Socket) f.get(association);
      socket.setTcpNoDelay(true);
      socket.setSoTimeout((int) timeout.toMillis());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the DICOM toolkit's association has no socket field", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
