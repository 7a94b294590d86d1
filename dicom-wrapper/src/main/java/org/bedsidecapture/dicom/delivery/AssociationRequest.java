package org.bedsidecapture.dicom.delivery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * Who asks for an association, read off the socket before the DICOM toolkit negotiates it: the
 * calling and called AE titles of the A-ASSOCIATE-RQ (PS3.8 9.3.2), which the toolkit does not
 * expose to an acceptor, so that a listener can refuse a peer it does not expect with an
 * A-ASSOCIATE-RJ before any of its data is read. The toolkit then gets a socket that replays the
 * bytes read.
 */
final class AssociationRequest {
  /** A-ASSOCIATE-RQ up to the end of the calling AE title: type, reserved, length, version... */
  private static final int HEAD = 42;

  final String callingAeTitle;
  final String calledAeTitle;
  final InetAddress from;
  final Socket socket;

  private AssociationRequest(
      String callingAeTitle, String calledAeTitle, InetAddress from, Socket socket) {
    this.callingAeTitle = callingAeTitle;
    this.calledAeTitle = calledAeTitle;
    this.from = from;
    this.socket = socket;
  }

  /** Reads the request's head from {@code socket}; the result's socket replays it. */
  static AssociationRequest read(Socket socket) throws IOException {
    byte[] head = socket.getInputStream().readNBytes(HEAD);
    if (head.length < HEAD || head[0] != 0x01) {
      throw new IOException("not a DICOM association request");
    }
    return new AssociationRequest(
        new String(head, 26, 16, StandardCharsets.US_ASCII).strip(),
        new String(head, 10, 16, StandardCharsets.US_ASCII).strip(),
        socket.getInetAddress(),
        new Replaying(socket, head));
  }

  /**
   * Refuses the association: A-ASSOCIATE-RJ, rejected permanently by the service user, calling AE
   * title not recognized (PS3.8 9.3.4), then closes the socket.
   */
  void rejectCallingAeTitle() throws IOException {
    try (socket) {
      OutputStream out = socket.getOutputStream();
      out.write(new byte[] {0x03, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x01, 0x01, 0x03});
      out.flush();
    }
  }

  /** The accepted socket, its input starting again with the bytes already read. */
  private static final class Replaying extends Socket {
    private final Socket socket;
    private final InputStream in;

    Replaying(Socket socket, byte[] read) throws IOException {
      this.socket = socket;
      this.in = new SequenceInputStream(new ByteArrayInputStream(read), socket.getInputStream());
    }

    @Override
    public InputStream getInputStream() {
      return in;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
      return socket.getOutputStream();
    }

    @Override
    public synchronized void close() throws IOException {
      socket.close();
    }

    @Override
    public boolean isClosed() {
      return socket.isClosed();
    }

    @Override
    public void shutdownOutput() throws IOException {
      socket.shutdownOutput();
    }

    @Override
    public InetAddress getInetAddress() {
      return socket.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
      return socket.getLocalAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
      return socket.getLocalSocketAddress();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
      return socket.getRemoteSocketAddress();
    }

    @Override
    public int getPort() {
      return socket.getPort();
    }

    @Override
    public int getLocalPort() {
      return socket.getLocalPort();
    }

    @Override
    public synchronized int getReceiveBufferSize() throws SocketException {
      return socket.getReceiveBufferSize();
    }

    @Override
    public synchronized void setReceiveBufferSize(int size) throws SocketException {
      socket.setReceiveBufferSize(size);
    }

    @Override
    public synchronized int getSendBufferSize() throws SocketException {
      return socket.getSendBufferSize();
    }

    @Override
    public synchronized void setSendBufferSize(int size) throws SocketException {
      socket.setSendBufferSize(size);
    }

    @Override
    public int getSoLinger() throws SocketException {
      return socket.getSoLinger();
    }

    @Override
    public synchronized int getSoTimeout() throws SocketException {
      return socket.getSoTimeout();
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
      socket.setSoTimeout(timeout);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
      return socket.getTcpNoDelay();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
      socket.setTcpNoDelay(on);
    }
  }
}
