package org.bedsidecapture.dicom.delivery;

import com.pixelmed.network.Association;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.Socket;
import java.time.Duration;

/** Socket options the toolkit offers no way to set: reached through its association's field. */
final class Sockets {
  private static final int BUFFER = 1 << 17;

  private Sockets() {}

  /**
   * TCP_NODELAY (without it every DIMSE exchange on loopback waits ~40 ms for a delayed ACK), a
   * read timeout, so that an archive that stops answering is noticed, and a buffer under the
   * toolkit's PDU writer, which writes each PDU's header a byte at a time to the socket (measured:
   * 650,000 writes for 776 MB) and flushes after every PDU.
   */
  static void tune(Association association, Duration timeout) {
    try {
      Field f = Association.class.getDeclaredField("socket");
      f.setAccessible(true);
      Socket socket = (Socket) f.get(association);
      socket.setTcpNoDelay(true);
      socket.setSoTimeout((int) timeout.toMillis());
      Field out = Association.class.getDeclaredField("out");
      out.setAccessible(true);
      out.set(association, new BufferedOutputStream((OutputStream) out.get(association), BUFFER));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the DICOM toolkit's association has no socket field", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
