package org.bedsidecapture.dicom.delivery;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.network.AReleaseException;
import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.CompositeResponseHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our side of storage commitment's second half: a DICOM listener (our AE title and port) that
 * accepts the association the archive opens to send its N-EVENT-REPORT, answers it, and hands the
 * result on, with who sent it. The archive must know this station as a modality (AE title, host,
 * port).
 *
 * <p>A report makes the station purge its copies, so the listener is careful whom it hears: an
 * association from a calling AE title and address it does not {@code expect} (no report is awaited
 * from it) is rejected before any of its data is read; at most {@value #AT_ONCE} associations are
 * served at once and {@value #AT_ONCE} more wait, any beyond are closed at once; a peer that stops
 * sending is dropped after the read time-out. Over DICOM TLS, a peer without a certificate from an
 * authority the station trusts fails the handshake before its association is read.
 */
public final class StorageCommitmentListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StorageCommitmentListener.class);
  private static final List<String> SYNTAXES =
      List.of(TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.ImplicitVRLittleEndian);

  /** How many associations are served at once (and how many more may wait). */
  static final int AT_ONCE = 4;

  private final String aeTitle;
  private final ServerSocket server;
  private final BiConsumer<String, String> refused;
  private final BiPredicate<String, InetAddress> expected;
  private final Consumer<Received> onReport;
  private final int readTimeoutMillis;
  private final Thread acceptor;
  private final ThreadPoolExecutor workers;

  /** A report and who sent it: the calling AE title of its association and the peer's address. */
  public record Received(StorageCommitment report, String callingAeTitle, InetAddress from) {}

  private StorageCommitmentListener(
      String aeTitle,
      ServerSocket server,
      BiPredicate<String, InetAddress> expected,
      Consumer<Received> onReport,
      Duration readTimeout,
      BiConsumer<String, String> refused) {
    this.aeTitle = aeTitle;
    this.refused = refused;
    this.server = server;
    this.expected = expected;
    this.onReport = onReport;
    this.readTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis());
    this.workers =
        new ThreadPoolExecutor(
            AT_ONCE,
            AT_ONCE,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(AT_ONCE),
            r -> {
              Thread t = new Thread(r, "storage-commitment-listener");
              t.setDaemon(true);
              return t;
            });
    this.workers.allowCoreThreadTimeOut(true);
    this.acceptor = new Thread(this::acceptLoop, "storage-commitment-acceptor");
    this.acceptor.setDaemon(true);
  }

  /**
   * Starts listening.
   *
   * @param bindAddress where to listen: the station's address the archive reaches, or loopback
   * @param tls DICOM TLS with the archive's certificate required (see {@link
   *     Tls#listeningSocket()}), or null for plain DICOM
   * @param expected whether a report is awaited from this calling AE title at this address
   * @param readTimeout how long a peer may stay silent in the middle of an association
   * @param refused told of each peer refused (its AE title and address, or its address) and why
   */
  public static StorageCommitmentListener start(
      String aeTitle,
      InetAddress bindAddress,
      int port,
      Tls tls,
      BiPredicate<String, InetAddress> expected,
      Consumer<Received> onReport,
      Duration readTimeout,
      BiConsumer<String, String> refused)
      throws IOException {
    ServerSocket server = tls == null ? new ServerSocket() : tls.listeningSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(bindAddress, port));
    StorageCommitmentListener l =
        new StorageCommitmentListener(aeTitle, server, expected, onReport, readTimeout, refused);
    l.acceptor.start();
    return l;
  }

  public int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        try {
          workers.execute(() -> serve(socket));
        } catch (RejectedExecutionException busy) {
          LOG.warn(
              "storage commitment listener: {} associations already served or waiting, closed"
                  + " one from {}",
              2 * AT_ONCE,
              socket.getInetAddress().getHostAddress());
          socket.close();
        }
      } catch (IOException e) {
        if (!server.isClosed()) {
          LOG.warn("storage commitment listener: {}", e.toString());
        }
      }
    }
  }

  private void serve(Socket accepted) {
    try (accepted) {
      accepted.setTcpNoDelay(true);
      accepted.setSoTimeout(readTimeoutMillis);
      AssociationRequest asked = AssociationRequest.read(accepted);
      if (!expected.test(asked.callingAeTitle, asked.from)) {
        LOG.warn(
            "storage commitment listener: rejected an association from AE title '{}' at {}: no"
                + " report is awaited from it",
            asked.callingAeTitle,
            asked.from.getHostAddress());
        asked.rejectCallingAeTitle();
        refused.accept(
            "'" + asked.callingAeTitle + "' at " + asked.from.getHostAddress(),
            "no storage commitment report is awaited from it: association rejected");
        return;
      }
      Association association =
          AssociationFactory.createNewAssociation(
              asked.socket,
              aeTitle,
              new ContextChoice(
                  pc ->
                      CommandSets.STORAGE_COMMITMENT_SOP_CLASS.equals(pc.getAbstractSyntaxUID())
                          ? ContextChoice.firstOf(SYNTAXES, pc)
                          : null));
      while (true) {
        ReportHandler handler = new ReportHandler();
        association.setReceivedDataHandler(handler);
        association.waitForPDataPDUsUntilHandlerReportsDone();
        byte context =
            association.getSuitablePresentationContextID(CommandSets.STORAGE_COMMITMENT_SOP_CLASS);
        association.send(
            context, CommandSets.nEventReportResponse(handler.messageId, handler.eventType), null);
        if (handler.report != null) {
          onReport.accept(new Received(handler.report, asked.callingAeTitle, asked.from));
        }
      }
    } catch (AReleaseException released) {
      // the archive closed the association after its reports: the normal end
    } catch (javax.net.ssl.SSLException e) {
      String why = Tls.why(e);
      LOG.warn("storage commitment listener: a TLS peer refused: {}", why);
      refused.accept(
          accepted.getInetAddress().getHostAddress(),
          "storage commitment over DICOM TLS refused: " + why);
    } catch (Exception e) {
      LOG.warn("storage commitment report could not be received: {}", e.toString());
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    workers.shutdownNow();
  }

  /**
   * Reads an N-EVENT-REPORT-RQ: its message id, event type, and the committed and failed objects.
   */
  private static final class ReportHandler extends CompositeResponseHandler {
    int messageId;
    int eventType;
    StorageCommitment report;

    ReportHandler() {
      allowData = true;
    }

    @Override
    protected void evaluateStatusAndSetSuccess(AttributeList command) {
      messageId = Attribute.getSingleIntegerValueOrDefault(command, CommandSets.MESSAGE_ID, 0);
      eventType = Attribute.getSingleIntegerValueOrDefault(command, CommandSets.EVENT_TYPE_ID, 0);
      success = true;
    }

    @Override
    protected void makeUseOfDataSet(AttributeList data) {
      String transaction =
          Attribute.getSingleStringValueOrEmptyString(data, CommandSets.TRANSACTION_UID);
      Set<String> committed = new HashSet<>();
      Map<String, Integer> failed = new HashMap<>();
      if (data.get(CommandSets.REFERENCED_SOP_SEQUENCE) instanceof SequenceAttribute ok) {
        for (int i = 0; i < ok.getNumberOfItems(); i++) {
          AttributeList item = ok.getItem(i).getAttributeList();
          committed.add(
              Attribute.getSingleStringValueOrEmptyString(
                  item, CommandSets.REFERENCED_SOP_INSTANCE));
        }
      }
      if (data.get(CommandSets.FAILED_SOP_SEQUENCE) instanceof SequenceAttribute bad) {
        for (int i = 0; i < bad.getNumberOfItems(); i++) {
          AttributeList item = bad.getItem(i).getAttributeList();
          failed.put(
              Attribute.getSingleStringValueOrEmptyString(
                  item, CommandSets.REFERENCED_SOP_INSTANCE),
              Attribute.getSingleIntegerValueOrDefault(item, CommandSets.FAILURE_REASON, 0x0110));
        }
      }
      report = new StorageCommitment(transaction, committed, failed);
      done = true;
    }
  }
}
