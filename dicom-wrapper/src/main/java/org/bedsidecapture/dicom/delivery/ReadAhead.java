package org.bedsidecapture.dicom.delivery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bedsidecapture.dicom.outbox.Outbox;
import org.bedsidecapture.dicom.outbox.OutboxEntry;

/**
 * Decrypts the next objects of a batch on its own thread while the current one is on the wire, and
 * checks each one whole before anything of it is sent: a damaged or changed outbox copy is found
 * before its C-STORE starts, so the association goes on with the next object. Objects up to {@link
 * #IN_MEMORY} bytes are held decrypted in memory (at most {@link #DEPTH} of them); larger ones
 * (long clips) are checked by a first pass and then streamed from the outbox again.
 */
final class ReadAhead implements AutoCloseable {
  static final long IN_MEMORY = 64L << 20;
  static final int DEPTH = 2;

  private final Outbox outbox;
  private final Iterator<OutboxEntry> toRead;
  private final ArrayDeque<Future<DataSet>> ahead = new ArrayDeque<>();
  private final ExecutorService reader =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "outbox-read-ahead");
            t.setDaemon(true);
            return t;
          });

  ReadAhead(Outbox outbox, List<OutboxEntry> entries) {
    this.outbox = outbox;
    this.toRead = entries.iterator();
    while (ahead.size() < DEPTH && toRead.hasNext()) {
      submitNext();
    }
  }

  /** An object's data set, the part that C-STORE carries: the Part 10 file minus its meta group. */
  interface DataSet {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * The next entry's data set, in the order given.
   *
   * @throws UnreadableException when the outbox copy cannot be read back whole and unchanged
   */
  DataSet next() throws UnreadableException {
    Future<DataSet> f = ahead.poll();
    if (f == null) {
      throw new IllegalStateException("no more entries to read");
    }
    if (toRead.hasNext()) {
      submitNext();
    }
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new UnreadableException(
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnreadableException("interrupted");
    }
  }

  private void submitNext() {
    OutboxEntry entry = toRead.next();
    ahead.add(reader.submit(() -> read(entry)));
  }

  private DataSet read(OutboxEntry entry) throws IOException {
    String id = entry.sopInstanceUid();
    if (entry.bytes() <= IN_MEMORY) {
      byte[] file = new byte[(int) entry.bytes()];
      try (InputStream in = outbox.read(id)) {
        if (in.readNBytes(file, 0, file.length) != file.length || in.read() != -1) {
          throw new IOException("the outbox copy is not " + file.length + " bytes long");
        }
      }
      ByteArrayInputStream in = new ByteArrayInputStream(file);
      CStoreArchiveSender.skipFileMetaInformation(in);
      return in::transferTo;
    }
    try (InputStream in = outbox.read(id)) {
      CStoreArchiveSender.skipFileMetaInformation(in);
      in.transferTo(OutputStream.nullOutputStream());
    }
    return out -> {
      try (InputStream in = outbox.read(id)) {
        CStoreArchiveSender.skipFileMetaInformation(in);
        in.transferTo(out);
      }
    };
  }

  @Override
  public void close() {
    reader.shutdownNow();
  }

  /** The outbox copy of an object is damaged, changed or not a DICOM file. */
  static final class UnreadableException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableException(String message) {
      super(message);
    }
  }
}
