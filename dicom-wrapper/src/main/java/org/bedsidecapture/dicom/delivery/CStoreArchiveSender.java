package org.bedsidecapture.dicom.delivery;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.network.AReleaseException;
import com.pixelmed.network.Association;
import com.pixelmed.network.CStoreRequestCommandMessage;
import com.pixelmed.network.CompositeResponseHandler;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.PresentationContext;
import com.pixelmed.network.VerificationSOPClassSCU;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import org.bedsidecapture.dicom.outbox.Outbox;
import org.bedsidecapture.dicom.outbox.OutboxEntry;

/**
 * Sends outbox objects to a DICOM archive with C-STORE, a batch over one association: proposes one
 * presentation context per SOP class and transfer syntax of the batch (each object goes in the
 * syntax it is stored in, never transcoded), streams each object from the outbox, and records the
 * archive's answer per object in the outbox. Nagle's algorithm is switched off on the socket: with
 * it, every C-STORE on loopback waits about 40 ms for a delayed ACK.
 */
public final class CStoreArchiveSender {
  private static final AttributeTag STATUS = new AttributeTag(0x0000, 0x0900);
  private static final AttributeTag ERROR_COMMENT = new AttributeTag(0x0000, 0x0902);
  private static final int MAX_CONTEXTS = 128;

  private final DicomDestination destination;
  private final String callingAeTitle;
  private final Duration timeout;
  private final boolean finalOnStore;
  private final Tls tls;

  /**
   * @param finalOnStore true when the archive's C-STORE success is final (a destination set up
   *     without storage commitment); false to wait for commitment before purging
   * @param timeout for the archive's answers (association and each C-STORE response)
   */
  public CStoreArchiveSender(
      DicomDestination destination, String callingAeTitle, Duration timeout, boolean finalOnStore) {
    this(destination, callingAeTitle, timeout, finalOnStore, null);
  }

  /**
   * @param tls the station's TLS configuration for {@code dicom-tls} destinations; null for the
   *     JDK's trusted authorities and no station certificate
   */
  public CStoreArchiveSender(
      DicomDestination destination,
      String callingAeTitle,
      Duration timeout,
      boolean finalOnStore,
      Tls tls) {
    this.destination = destination;
    this.callingAeTitle = callingAeTitle;
    this.timeout = timeout;
    this.finalOnStore = finalOnStore;
    this.tls = tls;
  }

  /** C-ECHO: is the archive there and does it accept our AE title? Null when so, else why not. */
  public String echo() {
    try (Tls.Scope scope =
        destination.tls() ? (tls != null ? tls : Tls.jdkDefaults()).forDicom(timeout) : null) {
      new VerificationSOPClassSCU(
          destination.host(),
          destination.port(),
          destination.calledAeTitle(),
          callingAeTitle,
          destination.tls());
      return null;
    } catch (DicomNetworkException | DicomException | IOException e) {
      return explain(e, true);
    }
  }

  /**
   * Sends the entries (all due for this destination) and records each outcome in the outbox, made
   * durable together as one batch when the association ends.
   */
  public SendReport send(Outbox outbox, List<OutboxEntry> entries) throws IOException {
    try (Outbox.Batch batch = outbox.batch()) {
      return sendBatch(outbox, entries);
    }
  }

  private SendReport sendBatch(Outbox outbox, List<OutboxEntry> entries) throws IOException {
    List<SendReport.Result> results = new ArrayList<>();
    if (entries.isEmpty()) {
      return new SendReport(results);
    }
    String dest = destination.name();
    Map<String, Byte> contexts = new LinkedHashMap<>();
    LinkedList<PresentationContext> proposed = new LinkedList<>();
    for (OutboxEntry e : entries) {
      String key = e.sopClassUid() + "|" + e.transferSyntaxUid();
      if (!contexts.containsKey(key) && contexts.size() < MAX_CONTEXTS) {
        byte id = (byte) (contexts.size() * 2 + 1);
        contexts.put(key, id);
        proposed.add(new PresentationContext(id, e.sopClassUid(), e.transferSyntaxUid()));
      }
    }
    Association association;
    try {
      association = Associations.open(destination, callingAeTitle, proposed, tls, timeout);
    } catch (DicomNetworkException | IOException e) {
      String why = explain(e, true);
      for (OutboxEntry entry : entries) {
        outbox.failed(entry.sopInstanceUid(), dest, why);
        results.add(new SendReport.Result(entry.sopInstanceUid(), SendReport.Outcome.FAILED, why));
      }
      return new SendReport(results);
    }
    boolean associationLost = false;
    try (ReadAhead ahead = new ReadAhead(outbox, entries)) {
      for (OutboxEntry entry : entries) {
        String id = entry.sopInstanceUid();
        if (associationLost) {
          outbox.failed(id, dest, "not sent: the association was lost");
          results.add(new SendReport.Result(id, SendReport.Outcome.FAILED, "association lost"));
          continue;
        }
        ReadAhead.DataSet data;
        try {
          data = ahead.next();
        } catch (ReadAhead.UnreadableException e) {
          String why =
              "the outbox copy cannot be read back whole ("
                  + e.getMessage()
                  + "): it is kept for a person to decide";
          outbox.quarantined(id, dest, why);
          results.add(new SendReport.Result(id, SendReport.Outcome.REFUSED, why));
          continue;
        }
        byte context;
        try {
          context =
              association.getSuitablePresentationContextID(
                  entry.sopClassUid(), entry.transferSyntaxUid());
        } catch (DicomNetworkException e) {
          String why =
              "the archive does not accept SOP class "
                  + entry.sopClassUid()
                  + " in transfer syntax "
                  + entry.transferSyntaxUid();
          outbox.quarantined(id, dest, why);
          results.add(new SendReport.Result(id, SendReport.Outcome.REFUSED, why));
          continue;
        }
        outbox.sending(id, dest);
        try {
          results.add(store(association, context, outbox, entry, data));
        } catch (DicomNetworkException | IOException | DicomException | AReleaseException e) {
          associationLost = true;
          String why = explain(e, false);
          outbox.failed(id, dest, why);
          results.add(new SendReport.Result(id, SendReport.Outcome.FAILED, why));
        }
      }
    }
    try {
      if (associationLost) {
        association.abort();
      } else {
        association.release();
      }
    } catch (DicomNetworkException e) {
      // the objects' outcomes are recorded; a failed release changes none of them
    }
    return new SendReport(results);
  }

  private SendReport.Result store(
      Association association,
      byte context,
      Outbox outbox,
      OutboxEntry entry,
      ReadAhead.DataSet data)
      throws DicomNetworkException, IOException, DicomException, AReleaseException {
    String id = entry.sopInstanceUid();
    String dest = destination.name();
    StatusHandler handler = new StatusHandler();
    association.setReceivedDataHandler(handler);
    byte[] command = new CStoreRequestCommandMessage(entry.sopClassUid(), id).getBytes();
    association.send(context, command, null);
    OutputStream out = association.getAssociationOutputStream(context);
    Sockets.PduStream pdus = Sockets.pdus(association);
    pdus.holdFlushes(true);
    try {
      data.writeTo(out);
    } finally {
      pdus.holdFlushes(false);
    }
    out.close();
    Sockets.acknowledgeAtOnce(association);
    association.waitForCommandPDataPDUs();
    int status = handler.getStatus();
    String message =
        String.format("status %04X", status)
            + (handler.comment == null ? "" : ": " + handler.comment);
    if (status == 0x0000) {
      outbox.stored(id, dest, finalOnStore);
      return new SendReport.Result(id, SendReport.Outcome.STORED, message);
    }
    if ((status & 0xF000) == 0xB000) {
      outbox.stored(id, dest, finalOnStore);
      return new SendReport.Result(
          id, SendReport.Outcome.STORED_WITH_WARNING, "stored with warning " + message);
    }
    if ((status & 0xFF00) == 0xA700) {
      outbox.failed(id, dest, "archive out of resources, " + message);
      return new SendReport.Result(id, SendReport.Outcome.FAILED, message);
    }
    outbox.quarantined(id, dest, "refused by the archive, " + message);
    return new SendReport.Result(id, SendReport.Outcome.REFUSED, message);
  }

  /** Skips the 128-byte preamble, "DICM" and the file meta group: C-STORE carries the data set. */
  static void skipFileMetaInformation(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    data.skipNBytes(128);
    byte[] magic = new byte[4];
    data.readFully(magic);
    if (magic[0] != 'D' || magic[1] != 'I' || magic[2] != 'C' || magic[3] != 'M') {
      throw new IOException("outbox object is not a DICOM Part 10 file");
    }
    byte[] element = new byte[12];
    data.readFully(element);
    boolean groupLength = element[0] == 2 && element[1] == 0 && element[2] == 0 && element[3] == 0;
    if (!groupLength) {
      throw new IOException("outbox object has no file meta group length");
    }
    long length =
        (element[8] & 0xFFL)
            | (element[9] & 0xFFL) << 8
            | (element[10] & 0xFFL) << 16
            | (element[11] & 0xFFL) << 24;
    data.skipNBytes(length);
  }

  /**
   * A one-line reason for the user, naming the archive and saying what to check.
   *
   * @param settingUp whether the failure came while connecting and negotiating the association
   */
  private String explain(Exception e, boolean settingUp) {
    String all = "";
    for (Throwable t = e; t != null; t = t.getCause()) {
      all += " " + t.getClass().getSimpleName() + ": " + t.getMessage();
    }
    String lower = all.toLowerCase(java.util.Locale.ROOT);
    String tlsProblem = Tls.explain(e);
    if (destination.tls() && tlsProblem != null) {
      return "archive " + destination + ": " + tlsProblem;
    }
    boolean closed =
        lower.contains("connection reset")
            || lower.contains("broken pipe")
            || lower.contains("end of stream")
            || lower.contains("eofexception")
            || lower.contains("closed");
    if (settingUp && closed && destination.tls()) {
      return "archive "
          + destination
          + " closed the connection while TLS was being set up: check that this is its DICOM TLS"
          + " port and that it accepts this station's certificate (the key store in the site"
          + " settings)";
    }
    if (settingUp && closed) {
      return "archive "
          + destination
          + " closed the connection while the association was being set up: if it expects DICOM"
          + " TLS on this port, use dicom-tls://";
    }
    if (lower.contains("connection refused") || lower.contains("connectexception")) {
      return "archive "
          + destination
          + " not reachable (connection refused): is it running, and"
          + " are host and port right?";
    }
    if (lower.contains("unknownhost")) {
      return "archive " + destination + " not reachable: unknown host " + destination.host();
    }
    if (lower.contains("timed out") || lower.contains("timeout")) {
      return "archive " + destination + " did not answer within " + timeout.toSeconds() + " s";
    }
    if (lower.contains("a-associate-rj") || lower.contains("reject")) {
      return "archive "
          + destination
          + " rejected the association: check the called AE title ("
          + destination.calledAeTitle()
          + "), our AE title ("
          + callingAeTitle
          + ") and that this station is registered there";
    }
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return "archive " + destination + ": " + m;
  }

  /** Takes the C-STORE-RSP's status and error comment. */
  private static final class StatusHandler extends CompositeResponseHandler {
    String comment;

    @Override
    protected void evaluateStatusAndSetSuccess(AttributeList list) {
      status = Attribute.getSingleIntegerValueOrDefault(list, STATUS, 0xFFFF);
      comment = Attribute.getSingleStringValueOrNull(list, ERROR_COMMENT);
      success = status == 0x0000 || (status & 0xF000) == 0xB000;
    }
  }
}
