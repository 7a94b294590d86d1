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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our side of storage commitment's second half: a DICOM listener (our AE title and port) that
 * accepts the association the archive opens to send its N-EVENT-REPORT, answers it, and hands the
 * result on. The archive must know this station as a modality (AE title, host, port).
 */
public final class StorageCommitmentListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StorageCommitmentListener.class);
  private static final List<String> SYNTAXES =
      List.of(TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.ImplicitVRLittleEndian);

  private final String aeTitle;
  private final ServerSocket server;
  private final Consumer<StorageCommitment> onReport;
  private final ExecutorService workers;

  private StorageCommitmentListener(
      String aeTitle, ServerSocket server, Consumer<StorageCommitment> onReport) {
    this.aeTitle = aeTitle;
    this.server = server;
    this.onReport = onReport;
    this.workers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "storage-commitment-listener");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts listening.
   *
   * @param bindAddress where to listen: the station's address the archive reaches, or loopback
   */
  public static StorageCommitmentListener start(
      String aeTitle, InetAddress bindAddress, int port, Consumer<StorageCommitment> onReport)
      throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(bindAddress, port));
    StorageCommitmentListener l = new StorageCommitmentListener(aeTitle, server, onReport);
    l.workers.submit(l::acceptLoop);
    return l;
  }

  public int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        workers.submit(() -> serve(socket));
      } catch (IOException e) {
        if (!server.isClosed()) {
          LOG.warn("storage commitment listener: {}", e.toString());
        }
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      Association association =
          AssociationFactory.createNewAssociation(
              socket,
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
          onReport.accept(handler.report);
        }
      }
    } catch (AReleaseException released) {
      // the archive closed the association after its reports: the normal end
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
