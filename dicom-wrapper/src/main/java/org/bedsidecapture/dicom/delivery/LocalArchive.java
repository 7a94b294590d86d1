package org.bedsidecapture.dicom.delivery;

import com.pixelmed.dicom.StoredFilePathStrategy;
import com.pixelmed.network.ReceivedObjectHandler;
import com.pixelmed.network.StorageSOPClassSCP;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.bedsidecapture.dicom.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's archive: a C-STORE receiver on loopback that keeps whatever it is sent, in the first
 * transfer syntax proposed for each kind of object, as Part 10 files named by SOP Instance UID in a
 * folder. It lets the demo run the whole delivery path (outbox, association, purge) with no archive
 * installed. Not for production: no storage commitment, no query, no access control beyond
 * listening on loopback only.
 */
public final class LocalArchive implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalArchive.class);
  private static final int MAX_PDU = 1 << 20;

  private final String aeTitle;
  private final Path folder;
  private final ServerSocket server;
  private final AtomicInteger received = new AtomicInteger();
  private final ExecutorService workers =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "local-archive");
            t.setDaemon(true);
            return t;
          });

  private LocalArchive(String aeTitle, Path folder, ServerSocket server) {
    this.aeTitle = aeTitle;
    this.folder = folder;
    this.server = server;
  }

  /** Starts listening on a free loopback port; received objects go into {@code folder}. */
  public static LocalArchive start(String aeTitle, Path folder) throws IOException {
    return start(aeTitle, folder, 0);
  }

  /**
   * Starts listening on loopback {@code port} (0: a free one); received objects go into {@code
   * folder}.
   */
  public static LocalArchive start(String aeTitle, Path folder, int port) throws IOException {
    OwnerOnly.folder(folder);
    ServerSocket server = new ServerSocket();
    try {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      server.close();
      throw e;
    }
    LocalArchive archive = new LocalArchive(aeTitle, folder, server);
    archive.workers.submit(archive::acceptLoop);
    return archive;
  }

  /** Where to send: {@code dicom://AET@127.0.0.1:PORT}. */
  public DicomDestination destination() {
    return new DicomDestination(
        aeTitle, server.getInetAddress().getHostAddress(), server.getLocalPort());
  }

  public Path folder() {
    return folder;
  }

  /** How many objects it has stored since it started. */
  public int received() {
    return received.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        workers.submit(() -> serve(socket));
      } catch (IOException e) {
        if (!server.isClosed()) {
          LOG.warn("local archive: {}", e.toString());
        }
      }
    }
  }

  private void serve(Socket socket) {
    try {
      new StorageSOPClassSCP(
              socket,
              aeTitle,
              MAX_PDU,
              0,
              0,
              folder.toFile(),
              StoredFilePathStrategy.BYSOPINSTANCEUIDINSINGLEFOLDER,
              new Counter(),
              null,
              null,
              null,
              null,
              new ContextChoice(pc -> (String) pc.getTransferSyntaxUIDs().get(0)))
          .run();
    } catch (Exception e) {
      LOG.warn("local archive: an association failed: {}", e.toString());
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    workers.shutdownNow();
  }

  private final class Counter extends ReceivedObjectHandler {
    @Override
    public void sendReceivedObjectIndication(String file, String transferSyntax, String caller) {
      received.incrementAndGet();
    }
  }
}
