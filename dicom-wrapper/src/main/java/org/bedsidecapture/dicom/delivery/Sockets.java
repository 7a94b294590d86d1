package org.bedsidecapture.dicom.delivery;

import com.pixelmed.network.Association;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.Socket;
import java.time.Duration;

/** Socket options the toolkit offers no way to set: reached through its association's fields. */
final class Sockets {
  private static final int BUFFER = 1 << 17;
  private static final Field SOCKET = field("socket");
  private static final Field OUT = field("out");

  private Sockets() {}

  private static Field field(String name) {
    try {
      Field f = Association.class.getDeclaredField(name);
      f.setAccessible(true);
      return f;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(
          "the DICOM toolkit's association has no " + name + " field", e);
    }
  }

  private static Socket socket(Association association) {
    try {
      return (Socket) SOCKET.get(association);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("the DICOM toolkit's association socket is out of reach", e);
    }
  }

  /**
   * TCP_NODELAY (without it every DIMSE exchange on loopback waits ~40 ms for a delayed ACK), a
   * read timeout, so that an archive that stops answering is noticed, and a buffer under the
   * toolkit's PDU writer, which writes each PDU's header a byte at a time to the socket (measured:
   * 650,000 writes for 776 MB) and flushes after every PDU.
   */
  static void tune(Association association, Duration timeout) {
    try {
      Socket socket = socket(association);
      socket.setTcpNoDelay(true);
      socket.setSoTimeout((int) timeout.toMillis());
      OUT.set(association, new PduStream((OutputStream) OUT.get(association)));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("the DICOM toolkit's association stream is out of reach", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asks the kernel to acknowledge what comes next at once, not 40 ms later: an archive with
   * Nagle's algorithm on (storescp's default) sends its C-STORE response in two writes, the second
   * held back until the first is acknowledged, and a delayed acknowledgement then costs every
   * object 40 ms. Linux only (elsewhere the option does not exist and nothing changes); it lasts
   * until the kernel's next delayed acknowledgement, so it is asked for before each response.
   */
  static void acknowledgeAtOnce(Association association) {
    Socket socket = socket(association);
    try {
      if (socket.supportedOptions().contains(jdk.net.ExtendedSocketOptions.TCP_QUICKACK)) {
        socket.setOption(jdk.net.ExtendedSocketOptions.TCP_QUICKACK, true);
      }
    } catch (IOException | UnsupportedOperationException e) {
      // a socket that cannot (a TLS layer on some JDKs): its acknowledgements come as they come
    }
  }

  /**
   * The association's PDU stream as {@link #tune} made it: buffered, and able to hold back the
   * flush the toolkit makes after every PDU while an object's data set streams, so that the socket
   * gets {@value #BUFFER} bytes per write instead of one PDU (16 KB for most archives).
   */
  static PduStream pdus(Association association) {
    try {
      return (PduStream) OUT.get(association);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("the DICOM toolkit's association stream is out of reach", e);
    }
  }

  static final class PduStream extends BufferedOutputStream {
    private boolean holding;

    PduStream(OutputStream socket) {
      super(socket, BUFFER);
    }

    /**
     * While {@code on}, the toolkit's flushes are held back; the flush after the message's last
     * PDU, once this is off again, sends everything.
     */
    synchronized void holdFlushes(boolean on) {
      holding = on;
    }

    @Override
    public synchronized void flush() throws IOException {
      if (!holding) {
        super.flush();
      }
    }
  }
}
