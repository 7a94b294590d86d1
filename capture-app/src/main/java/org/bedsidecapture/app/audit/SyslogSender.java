package org.bedsidecapture.app.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.net.ssl.SSLSocket;
import org.bedsidecapture.dicom.delivery.Tls;

/**
 * Sends audit messages to the site's audit repository as IHE ATNA asks: each an RFC 5424 syslog
 * message (facility 10, security/authorization, severity 5, notice; MSGID {@code IHE+RFC-3881}; the
 * XML as its UTF-8 message), framed by its length (RFC 5425) over TLS with the station's TLS
 * settings — the repository's certificate checked against the site's authorities and its host name,
 * the station's own shown where the repository wants one. One connection, kept; before each message
 * it is checked for an end the repository sent, so that a repository that went away is noticed
 * before a message is written into a dead connection.
 */
public final class SyslogSender implements AutoCloseable {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

  private final String host;
  private final int port;
  private final Tls tls;
  private final Duration timeout;
  private final String hostName;
  private SSLSocket socket;

  /**
   * @param hostName this station as the syslog header names it
   */
  public SyslogSender(String host, int port, Tls tls, Duration timeout, String hostName) {
    this.host = host;
    this.port = port;
    this.tls = tls;
    this.timeout = timeout;
    this.hostName = hostName;
  }

  /** The syslog message (RFC 5424) carrying {@code xml}, made at {@code when}. */
  String frame(String xml, Instant when) {
    return "<85>1 "
        + STAMP.format(when.atOffset(ZoneOffset.UTC))
        + " "
        + hostName
        + " bedside-capture - IHE+RFC-3881 - "
        + xml;
  }

  /**
   * Sends one message; when this returns it was written to the repository's connection.
   *
   * @throws IOException when the repository cannot be reached or refused the connection
   */
  public synchronized void send(String xml, Instant when) throws IOException {
    if (socket == null || ended(socket)) {
      reconnect();
    }
    byte[] message = frame(xml, when).getBytes(StandardCharsets.UTF_8);
    try {
      OutputStream out = socket.getOutputStream();
      out.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
      out.write(message);
      out.flush();
    } catch (IOException e) {
      closeQuietly();
      throw e;
    }
  }

  private void reconnect() throws IOException {
    closeQuietly();
    Socket raw = new Socket();
    try {
      raw.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      raw.setSoTimeout((int) timeout.toMillis());
      SSLSocket s =
          (SSLSocket) tls.context().getSocketFactory().createSocket(raw, host, port, true);
      s.setUseClientMode(true);
      s.setSSLParameters(tls.parameters());
      s.startHandshake();
      socket = s;
    } catch (javax.net.ssl.SSLException e) {
      raw.close();
      throw new IOException(
          "the audit repository at "
              + host
              + ":"
              + port
              + " cannot be used over TLS: "
              + Tls.why(e),
          e);
    } catch (IOException e) {
      raw.close();
      throw e;
    }
  }

  /** Whether the repository closed its side (it never sends anything on an audit connection). */
  private static boolean ended(SSLSocket s) throws IOException {
    int before = s.getSoTimeout();
    try {
      s.setSoTimeout(1);
      InputStream in = s.getInputStream();
      return in.read() < 0;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException broken) {
      return true;
    } finally {
      if (!s.isClosed()) {
        s.setSoTimeout(before);
      }
    }
  }

  private void closeQuietly() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException alreadyGone) {
        // nothing to close any more
      }
      socket = null;
    }
  }

  @Override
  public synchronized void close() {
    closeQuietly();
  }
}
