package org.bedsidecapture.dicom.outbox;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bedsidecapture.dicom.iod.Part10Object;

/**
 * The durable outbox between capture and archive. An object is in it — encrypted, flushed to disk
 * and renamed into place — before anyone is told it was taken, and stays until every destination
 * confirmed it holds it (storage commitment, or the STOW-RS answer for a destination that offers no
 * commitment), or a person removes it. Each destination is tracked on its own. Every change of
 * state is a small file replaced atomically, so a crash or power cut at any moment leaves each
 * object either in its old state or its new one; objects found "sending" at start are queued again,
 * and re-sending keeps their SOP Instance UID.
 */
public final class Outbox implements Closeable {
  private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
  private static final Pattern DESTINATION = Pattern.compile("[A-Za-z0-9_.@:/-]{1,200}");
  private static final String BLOB = ".dcm.enc";
  private static final String STATE = ".state";
  private static final int PURGE_GROUP = 16;

  private final Path dir;
  private final OutboxKey key;
  private final Sealer sealer;
  private final Clock clock;
  private final RetryPolicy retry;
  private final AuditLog audit;
  private final Map<String, OutboxEntry> entries = new LinkedHashMap<>();
  private final List<Consumer<OutboxStatus>> listeners = new CopyOnWriteArrayList<>();
  private final List<Events> events = new CopyOnWriteArrayList<>();
  private final Set<String> unwritten = new LinkedHashSet<>();
  private final List<OutboxEntry> confirmed = new ArrayList<>();
  private final OutboxLock lock;
  private final Object telling = new Object();
  private long changes;
  private long told;
  private Batch batch;
  private String lastError;

  private Outbox(
      Path dir, OutboxKey key, Clock clock, RetryPolicy retry, AuditLog audit, OutboxLock lock) {
    this.lock = lock;
    this.dir = dir;
    this.key = key;
    this.sealer = key.sealer();
    this.clock = clock;
    this.retry = retry;
    this.audit = audit;
  }

  /**
   * Opens the outbox in {@code dir} (made, readable by this user only, when missing) and recovers
   * from whatever an earlier run left: half-written files are removed, deliveries that were being
   * sent, or stored and waiting for a commitment report that may have come while the app was down,
   * are queued again (same SOP Instance UID), and an object written whose state was not (a crash
   * between the two) is kept as {@link DeliveryState#QUARANTINED} for a person to send on, never
   * dropped.
   *
   * <p>The outbox is this object's alone until {@link #close()}: another process (or another outbox
   * object) opening the same folder waits for it as {@code owner} allows (see {@link OutboxLock});
   * recovery runs only under that lock.
   *
   * @throws OutboxBusyException when another holder did not give the outbox up in time
   */
  public static Outbox open(
      Path dir,
      OutboxKey key,
      Clock clock,
      RetryPolicy retry,
      AuditLog audit,
      OutboxLock.Owner owner)
      throws IOException {
    PrivateFiles.createDirectoryRestricted(dir);
    OutboxLock lock = OutboxLock.acquire(dir, owner, clock);
    try {
      Outbox outbox = new Outbox(dir, key, clock, retry, audit, lock);
      outbox.recover();
      return outbox;
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** Opens the outbox if nobody else holds it. */
  public static Outbox open(Path dir, OutboxKey key, Clock clock, RetryPolicy retry, AuditLog audit)
      throws IOException {
    return open(dir, key, clock, retry, audit, OutboxLock.Owner.noWait("bedside-capture"));
  }

  /**
   * Gives the outbox up for another process. What is in it stays; changes made in a batch that is
   * still open are made durable when that batch closes.
   */
  @Override
  public void close() throws IOException {
    lock.close();
  }

  private void recover() throws IOException {
    Set<String> blobs = new HashSet<>();
    Set<String> states = new HashSet<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (name.startsWith(".") && name.endsWith(".part")) {
          Files.delete(f);
        } else if (name.endsWith(BLOB)) {
          blobs.add(name.substring(0, name.length() - BLOB.length()));
        } else if (name.endsWith(STATE)) {
          states.add(name.substring(0, name.length() - STATE.length()));
        }
      }
    }
    states.removeAll(blobs);
    for (String purged : states) {
      Files.delete(dir.resolve(purged + STATE));
    }
    Instant now = clock.instant();
    for (String id : blobs) {
      Path state = dir.resolve(id + STATE);
      OutboxEntry entry;
      if (Files.exists(state)) {
        OutboxEntry recorded = readState(state);
        Map<String, Delivery> deliveries = new LinkedHashMap<>(recorded.deliveries());
        deliveries.replaceAll(
            (d, v) -> v.state().inFlight() ? v.with(DeliveryState.QUEUED, now) : v);
        entry = withDeliveries(recorded, deliveries);
        if (!deliveries.equals(recorded.deliveries())) {
          writeState(entry);
        }
      } else {
        entry = recoverUnrecorded(id, now);
        writeState(entry);
      }
      entries.put(id, entry);
    }
    PrivateFiles.syncDirectory(dir);
    entries.values().stream()
        .flatMap(e -> e.deliveries().values().stream())
        .filter(
            d ->
                d.lastError() != null
                    && (d.state() == DeliveryState.FAILED
                        || d.state() == DeliveryState.QUARANTINED))
        .max(Comparator.comparing(Delivery::updated))
        .ifPresent(d -> lastError = d.lastError());
  }

  /** An object whose state file was lost: its UIDs are in the object itself; where to was not. */
  private OutboxEntry recoverUnrecorded(String id, Instant now) throws IOException {
    Path blob = dir.resolve(id + BLOB);
    try (InputStream in = read(id)) {
      AttributeList header = header(in);
      long bytes;
      try (InputStream whole = read(id)) {
        bytes = whole.transferTo(OutputStream.nullOutputStream());
      }
      return new OutboxEntry(
          id,
          value(header, TagFromName.SOPClassUID),
          value(header, TagFromName.TransferSyntaxUID),
          value(header, TagFromName.StudyInstanceUID),
          bytes,
          Files.getLastModifiedTime(blob).toInstant(),
          Map.of(
              "unknown",
              new Delivery(
                  DeliveryState.QUARANTINED,
                  0,
                  now,
                  "found after a crash without its destinations: choose where to send it",
                  now)));
    } catch (IOException | DicomException e) {
      return new OutboxEntry(
          id,
          "",
          "",
          "",
          Files.size(blob),
          now,
          Map.of(
              "unknown",
              new Delivery(
                  DeliveryState.QUARANTINED,
                  0,
                  now,
                  "unreadable after a crash: " + e.getMessage(),
                  now)));
    }
  }

  /**
   * Puts a DICOM file into the outbox for the given destinations and returns once it is on disk,
   * encrypted. The file itself is left as it is. Putting an object that is already in the outbox
   * adds the new destinations to it and otherwise changes nothing.
   *
   * @throws NotDicomException when the file is not a DICOM Part 10 object with the UIDs needed
   */
  public OutboxEntry put(Path dicomFile, Collection<String> destinations)
      throws IOException, NotDicomException {
    OutboxEntry entry;
    synchronized (this) {
      entry = putLocked(dicomFile, destinations);
    }
    tellListeners();
    return entry;
  }

  private OutboxEntry putLocked(Path dicomFile, Collection<String> destinations)
      throws IOException, NotDicomException {
    checkNames(destinations);
    AttributeList header;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(dicomFile))) {
      in.mark(132);
      byte[] preamble = in.readNBytes(132);
      if (preamble.length < 132
          || !new String(preamble, 128, 4, StandardCharsets.US_ASCII).equals("DICM")) {
        throw new NotDicomException(dicomFile + ": not a DICOM file (no Part 10 header)");
      }
      in.reset();
      header = header(in);
    } catch (DicomException | IOException e) {
      throw new NotDicomException(dicomFile + ": not a DICOM file: " + e.getMessage());
    }
    String id = value(header, TagFromName.SOPInstanceUID);
    if (!UID.matcher(id).matches() || id.length() > 64) {
      throw new NotDicomException(dicomFile + ": no valid SOP Instance UID");
    }
    OutboxEntry existing = entries.get(id);
    if (existing != null) {
      return addDestinations(existing, destinations, DeliveryState.QUEUED);
    }
    return store(
        id,
        value(header, TagFromName.SOPClassUID),
        value(header, TagFromName.TransferSyntaxUID),
        value(header, TagFromName.StudyInstanceUID),
        destinations,
        DeliveryState.QUEUED,
        out -> {
          try (FileChannel source = FileChannel.open(dicomFile)) {
            out.transferFrom(source);
          }
        },
        "it is still at " + dicomFile);
  }

  /**
   * Puts an object that exists nowhere else: it is encrypted as it is written, so no plaintext copy
   * ever reaches the disk, and returns once it is on disk. With {@code held}, each delivery starts
   * {@link DeliveryState#HELD}: the object is safe but not sent until {@link #release}d (a capture
   * under review); otherwise it is queued.
   *
   * <p>Putting an object again under the same SOP Instance UID while every delivery of it is held
   * replaces its content (a capture re-tagged during review) and keeps it held; once any delivery
   * is released, it only adds the new destinations, as {@link #put(Path, Collection)} does.
   */
  public OutboxEntry put(Part10Object object, Collection<String> destinations, boolean held)
      throws IOException {
    OutboxEntry entry;
    synchronized (this) {
      checkNames(destinations);
      String id = object.sopInstanceUid();
      if (!UID.matcher(id).matches() || id.length() > 64) {
        throw new IllegalArgumentException("not a valid SOP Instance UID: " + id);
      }
      DeliveryState initial = held ? DeliveryState.HELD : DeliveryState.QUEUED;
      OutboxEntry existing = entries.get(id);
      if (existing != null && !allHeld(existing)) {
        entry = addDestinations(existing, destinations, initial);
      } else {
        entry =
            store(
                id,
                object.sopClassUid(),
                object.transferSyntaxUid(),
                object.studyInstanceUid(),
                existing == null ? destinations : existing.deliveries().keySet(),
                initial,
                out -> {
                  BufferedOutputStream buffered = new BufferedOutputStream(out);
                  object.writeTo(buffered);
                  buffered.flush();
                },
                "nothing of it was kept");
      }
    }
    tellListeners();
    return entry;
  }

  private static boolean allHeld(OutboxEntry e) {
    return e.deliveries().values().stream().allMatch(d -> d.state() == DeliveryState.HELD);
  }

  /**
   * Lets held objects go: each of their held deliveries is queued, written to disk at once. Returns
   * how many objects were released; unknown ones are skipped (they may have been deleted).
   */
  public int release(Collection<String> sopInstanceUids) throws IOException {
    int n = 0;
    synchronized (this) {
      Instant now = clock.instant();
      for (String id : sopInstanceUids) {
        OutboxEntry e = entries.get(id);
        if (e == null) {
          continue;
        }
        Map<String, Delivery> deliveries = new LinkedHashMap<>(e.deliveries());
        deliveries.replaceAll(
            (d, v) ->
                v.state() == DeliveryState.HELD
                    ? new Delivery(DeliveryState.QUEUED, 0, now, null, now)
                    : v);
        OutboxEntry released = withDeliveries(e, deliveries);
        entries.put(id, released);
        writeState(released);
        n++;
      }
      PrivateFiles.syncDirectory(dir);
      changes++;
    }
    tellListeners();
    return n;
  }

  /**
   * Removes an object on a person's decision (a capture deleted during review, a quarantined object
   * given up): recorded in the audit log with the reason, then its encrypted copy and state are
   * deleted. An object being sent cannot be removed.
   *
   * @return false when the object was not in the outbox
   */
  public boolean remove(String sopInstanceUid, String why) throws IOException {
    synchronized (this) {
      OutboxEntry e = entries.get(sopInstanceUid);
      if (e == null) {
        return false;
      }
      if (e.deliveries().values().stream().anyMatch(d -> d.state().inFlight())) {
        throw new IllegalStateException("the object is being sent; it cannot be removed now");
      }
      audit.record(List.<String[]>of(new String[] {"REMOVED", sopInstanceUid, why}));
      for (Events x : events) {
        x.removed(e, why);
      }
      entries.remove(sopInstanceUid);
      unwritten.remove(sopInstanceUid);
      Files.deleteIfExists(dir.resolve(sopInstanceUid + BLOB));
      Files.deleteIfExists(dir.resolve(sopInstanceUid + STATE));
      PrivateFiles.syncDirectory(dir);
      changes++;
    }
    tellListeners();
    return true;
  }

  private static void checkNames(Collection<String> destinations) {
    for (String d : destinations) {
      if (!DESTINATION.matcher(d).matches()) {
        throw new IllegalArgumentException(
            "destination name '" + d + "' has characters that cannot name a file");
      }
    }
  }

  private OutboxEntry addDestinations(
      OutboxEntry existing, Collection<String> destinations, DeliveryState initial)
      throws IOException {
    Instant now = clock.instant();
    Map<String, Delivery> deliveries = new LinkedHashMap<>(existing.deliveries());
    for (String d : destinations) {
      deliveries.putIfAbsent(d, new Delivery(initial, 0, now, null, now));
    }
    OutboxEntry updated = withDeliveries(existing, deliveries);
    writeState(updated);
    PrivateFiles.syncDirectory(dir);
    entries.put(existing.sopInstanceUid(), updated);
    changes++;
    return updated;
  }

  /** Writes what {@code body} writes into the outbox, encrypted, under the SOP Instance UID. */
  private interface Body {
    void writeTo(Sealer.Sealing out) throws IOException;
  }

  private OutboxEntry store(
      String id,
      String sopClassUid,
      String transferSyntaxUid,
      String studyInstanceUid,
      Collection<String> destinations,
      DeliveryState initial,
      Body body,
      String otherwise)
      throws IOException {
    Path blob = dir.resolve(id + BLOB);
    Path temp = dir.resolve("." + id + BLOB + ".part");
    Path stateTemp = dir.resolve("." + id + STATE + ".part");
    OutboxEntry entry;
    try (FileChannel ch = PrivateFiles.createPrivate(temp)) {
      long bytes;
      try (Sealer.Sealing sealing = sealer.start(ch, id)) {
        body.writeTo(sealing);
        bytes = sealing.count();
      }
      Instant now = clock.instant();
      Map<String, Delivery> deliveries = new LinkedHashMap<>();
      for (String d : destinations) {
        deliveries.put(d, new Delivery(initial, 0, now, null, now));
      }
      entry =
          new OutboxEntry(
              id, sopClassUid, transferSyntaxUid, studyInstanceUid, bytes, now, deliveries);
      try (FileChannel state = PrivateFiles.createPrivate(stateTemp)) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(stateBytes(entry));
        while (b.hasRemaining()) {
          state.write(b);
        }
        ch.force(true);
        state.force(true);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      Files.deleteIfExists(stateTemp);
      throw notStored(otherwise, e);
    }
    try {
      Files.move(temp, blob, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      Files.move(
          stateTemp,
          dir.resolve(id + STATE),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      PrivateFiles.syncDirectory(dir);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      Files.deleteIfExists(stateTemp);
      Files.deleteIfExists(blob);
      throw notStored(otherwise, e);
    }
    entries.put(id, entry);
    changes++;
    return entry;
  }

  /** Says what failed (a full disk, typically) and that the object was not lost. */
  private static IOException notStored(String otherwise, Exception e) {
    return new IOException(
        "the outbox could not store the object (" + e.getMessage() + "); " + otherwise, e);
  }

  /** The decrypted object; fails when the stored file was damaged or changed. */
  public InputStream read(String sopInstanceUid) throws IOException {
    return key.decrypting(
        new BufferedInputStream(Files.newInputStream(dir.resolve(sopInstanceUid + BLOB)), 1 << 16),
        sopInstanceUid);
  }

  public synchronized List<OutboxEntry> entries() {
    return List.copyOf(entries.values());
  }

  public synchronized OutboxEntry entry(String sopInstanceUid) {
    return entries.get(sopInstanceUid);
  }

  /**
   * What is due for a destination now, oldest first. Within a study, an object waits while an
   * earlier one of the same study is not yet stored there, so the archive receives a study in the
   * order it was captured.
   */
  public synchronized List<OutboxEntry> due(String destination) {
    Instant now = clock.instant();
    List<OutboxEntry> ordered = new ArrayList<>(entries.values());
    ordered.sort(Comparator.comparing(OutboxEntry::queuedAt));
    Set<String> blockedStudies = new HashSet<>();
    List<OutboxEntry> due = new ArrayList<>();
    for (OutboxEntry e : ordered) {
      Delivery d = e.delivery(destination);
      if (d == null || !d.state().waiting()) {
        continue;
      }
      if (blockedStudies.contains(e.studyInstanceUid())) {
        continue;
      }
      if (d.nextAttempt().isAfter(now)) {
        blockedStudies.add(e.studyInstanceUid());
        continue;
      }
      due.add(e);
    }
    return due;
  }

  /**
   * Groups the changes that follow until {@link Batch#close()}: they take effect at once, and are
   * made durable together — the state files written when the batch closes, and confirmed objects
   * purged in groups on the batch's own thread while the batch goes on (one audit flush and one
   * folder flush per group) — instead of flushing the disk several times per object. A crash before
   * a change is durable loses only that change, which leaves the object to be sent again with the
   * same SOP Instance UID. {@link #put} is never deferred.
   */
  public synchronized Batch batch() {
    if (batch == null) {
      batch = new Batch();
    }
    batch.open++;
    return batch;
  }

  /** See {@link #batch()}. Closing it once for each {@link #batch()} ends it. */
  public final class Batch implements AutoCloseable {
    private int open;
    private ExecutorService purger;
    private CompletableFuture<Void> purging = CompletableFuture.completedFuture(null);

    private Batch() {}

    private void purgeInBackground(List<OutboxEntry> group) {
      if (purger == null) {
        purger =
            Executors.newSingleThreadExecutor(
                r -> {
                  Thread t = new Thread(r, "outbox-purge");
                  t.setDaemon(true);
                  return t;
                });
      }
      purging =
          purging.thenRunAsync(
              () -> {
                try {
                  purge(group);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              },
              purger);
    }

    @Override
    public void close() throws IOException {
      synchronized (Outbox.this) {
        if (batch != this || --open > 0) {
          return;
        }
        batch = null;
        try {
          purging.join();
        } catch (CompletionException e) {
          throw e.getCause() instanceof UncheckedIOException u
              ? u.getCause()
              : new IOException("purging confirmed objects failed", e.getCause());
        } finally {
          if (purger != null) {
            purger.shutdown();
          }
        }
        flush();
      }
    }
  }

  /**
   * Marks a delivery as under way. States in flight are kept in memory only: after a crash they
   * would be queued again anyway, so flushing them would cost a flush per object and change
   * nothing.
   */
  public void sending(String id, String destination) throws IOException {
    changeAndTell(id, destination, d -> d.with(DeliveryState.SENDING, clock.instant()));
  }

  /**
   * The archive took the object; with {@code committed} it also confirmed it holds it. Stored and
   * waiting for commitment is kept in memory only (see {@link #sending}).
   */
  public void stored(String id, String destination, boolean committed) throws IOException {
    changeAndTell(
        id,
        destination,
        d -> d.with(committed ? DeliveryState.COMMITTED : DeliveryState.STORED, clock.instant()));
  }

  public void committed(String id, String destination) throws IOException {
    changeAndTell(id, destination, d -> d.with(DeliveryState.COMMITTED, clock.instant()));
  }

  /** A failure worth retrying: the delivery waits with back-off. */
  public void failed(String id, String destination, String reason) throws IOException {
    Instant now = clock.instant();
    changeAndTell(
        id,
        destination,
        d -> {
          lastError = reason;
          int attempts = d.attempts() + 1;
          return new Delivery(
              DeliveryState.FAILED, attempts, now.plus(retry.delayAfter(attempts)), reason, now);
        });
  }

  /** Refused for good (or unreadable): kept, not retried, until a person decides. */
  public void quarantined(String id, String destination, String reason) throws IOException {
    Instant now = clock.instant();
    changeAndTell(
        id,
        destination,
        d -> {
          lastError = reason;
          return new Delivery(DeliveryState.QUARANTINED, d.attempts() + 1, now, reason, now);
        });
    audit.record(
        List.<String[]>of(new String[] {"QUARANTINED", id, "at " + destination + ": " + reason}));
    OutboxEntry e = entry(id);
    if (e != null) {
      for (Events x : events) {
        x.quarantined(e, destination, reason);
      }
    }
  }

  /**
   * Makes every failed or quarantined delivery due now; returns how many. Releasing a quarantined
   * one is a person's decision and is written to disk; a failed one made due early is not, since
   * after a crash it would only wait for its back-off again.
   */
  public int retryNow() throws IOException {
    int n;
    synchronized (this) {
      n = retryNowLocked();
    }
    tellListeners();
    return n;
  }

  private int retryNowLocked() throws IOException {
    Instant now = clock.instant();
    int n = 0;
    for (OutboxEntry e : List.copyOf(entries.values())) {
      Map<String, Delivery> deliveries = new LinkedHashMap<>(e.deliveries());
      boolean changed = false;
      boolean released = false;
      for (Map.Entry<String, Delivery> d : deliveries.entrySet()) {
        Delivery v = d.getValue();
        if (v.state() == DeliveryState.FAILED || v.state() == DeliveryState.QUARANTINED) {
          d.setValue(new Delivery(DeliveryState.QUEUED, v.attempts(), now, v.lastError(), now));
          changed = true;
          released |= v.state() == DeliveryState.QUARANTINED;
          n++;
        }
      }
      if (changed) {
        entries.put(e.sopInstanceUid(), withDeliveries(e, deliveries));
      }
      if (released) {
        unwritten.add(e.sopInstanceUid());
      }
    }
    if (batch == null) {
      flush();
    }
    changes++;
    return n;
  }

  public synchronized OutboxStatus status() {
    Map<DeliveryState, Integer> counts = new EnumMap<>(DeliveryState.class);
    Instant oldest = null;
    for (OutboxEntry e : entries.values()) {
      boolean waiting = false;
      for (Delivery d : e.deliveries().values()) {
        counts.merge(d.state(), 1, Integer::sum);
        waiting |= d.state() != DeliveryState.COMMITTED && d.state() != DeliveryState.HELD;
      }
      if (waiting && (oldest == null || e.queuedAt().isBefore(oldest))) {
        oldest = e.queuedAt();
      }
    }
    return new OutboxStatus(entries.size(), counts, oldest, lastError);
  }

  /**
   * Called after changes, on the thread that made one, never while the outbox's lock is held: a
   * listener may ask the outbox anything.
   */
  public void addListener(Consumer<OutboxStatus> listener) {
    listeners.add(listener);
  }

  /**
   * What happens to objects that a trail beyond the outbox's own audit log reports (the site's
   * audit repository). Called on the thread that made the change, after the audit log has it; the
   * object's copy is still readable ({@link #read}) during the call. Must not throw.
   */
  public interface Events {
    /** Every destination confirmed these objects; their copies are removed next. */
    default void confirmed(List<OutboxEntry> objects) {}

    /** {@code destination} refused the object for good: it waits for a person. */
    default void quarantined(OutboxEntry object, String destination, String reason) {}

    /** The object is removed on a person's decision, unconfirmed: {@code why}. */
    default void removed(OutboxEntry object, String why) {}
  }

  /** Tells {@code e} what happens to objects from now on. */
  public void addEvents(Events e) {
    events.add(e);
  }

  private interface Change {
    Delivery apply(Delivery d);
  }

  /** Makes a change under the outbox's lock, then tells the listeners, outside it. */
  private void changeAndTell(String id, String destination, Change change) throws IOException {
    synchronized (this) {
      change(id, destination, change);
    }
    tellListeners();
  }

  private void change(String id, String destination, Change change) throws IOException {
    OutboxEntry e = entries.get(id);
    if (e == null || e.delivery(destination) == null) {
      throw new IllegalArgumentException("no delivery of " + id + " to " + destination);
    }
    Delivery changed = change.apply(e.delivery(destination));
    Map<String, Delivery> deliveries = new LinkedHashMap<>(e.deliveries());
    deliveries.put(destination, changed);
    OutboxEntry updated = withDeliveries(e, deliveries);
    boolean done =
        updated.deliveries().values().stream().allMatch(d -> d.state() == DeliveryState.COMMITTED);
    if (done) {
      entries.remove(id);
      unwritten.remove(id);
      confirmed.add(updated);
      if (batch != null && confirmed.size() >= PURGE_GROUP) {
        batch.purgeInBackground(List.copyOf(confirmed));
        confirmed.clear();
      }
    } else {
      entries.put(id, updated);
      if (!changed.state().inFlight()) {
        unwritten.add(id);
      }
    }
    if (batch == null) {
      flush();
    }
    changes++;
  }

  /** Makes the changes since the last flush durable. */
  private void flush() throws IOException {
    for (String id : unwritten) {
      writeState(entries.get(id));
    }
    boolean written = !unwritten.isEmpty();
    unwritten.clear();
    if (!confirmed.isEmpty()) {
      purge(List.copyOf(confirmed));
      confirmed.clear();
    } else if (written) {
      PrivateFiles.syncDirectory(dir);
    }
  }

  /**
   * Removes confirmed objects: their audit lines first, then the encrypted copies and their states,
   * then one flush of the folder. A "committed" state is never written, since it would be deleted
   * at once; after a crash midway an object is either sent again (same UID) or its leftover state
   * file is removed at the next start. Runs without the outbox's lock: these objects are no longer
   * in it.
   */
  private void purge(List<OutboxEntry> group) throws IOException {
    List<String[]> lines = new ArrayList<>();
    for (OutboxEntry e : group) {
      lines.add(
          new String[] {
            "PURGED",
            e.sopInstanceUid(),
            "confirmed by " + String.join(",", e.deliveries().keySet())
          });
    }
    audit.record(lines);
    for (Events x : events) {
      x.confirmed(group);
    }
    for (OutboxEntry e : group) {
      Files.deleteIfExists(dir.resolve(e.sopInstanceUid() + BLOB));
      Files.deleteIfExists(dir.resolve(e.sopInstanceUid() + STATE));
    }
    PrivateFiles.syncDirectory(dir);
  }

  /**
   * Tells the listeners the newest status, never while holding the outbox's lock, so a listener may
   * ask the outbox anything. Listeners are told one change at a time; a status older than one
   * already told is skipped, so none goes backwards.
   */
  private void tellListeners() {
    if (listeners.isEmpty()) {
      return;
    }
    synchronized (telling) {
      OutboxStatus s;
      synchronized (this) {
        if (changes == told) {
          return;
        }
        told = changes;
        s = status();
      }
      for (Consumer<OutboxStatus> l : listeners) {
        l.accept(s);
      }
    }
  }

  private static OutboxEntry withDeliveries(OutboxEntry e, Map<String, Delivery> deliveries) {
    return new OutboxEntry(
        e.sopInstanceUid(),
        e.sopClassUid(),
        e.transferSyntaxUid(),
        e.studyInstanceUid(),
        e.bytes(),
        e.queuedAt(),
        deliveries);
  }

  /** Replaces the entry's state file; the caller flushes the folder. */
  private void writeState(OutboxEntry e) throws IOException {
    PrivateFiles.replace(dir.resolve(e.sopInstanceUid() + STATE), stateBytes(e));
  }

  /** What an entry's state file holds. */
  private static byte[] stateBytes(OutboxEntry e) throws IOException {
    Properties p = new Properties();
    p.setProperty("sop.instance", e.sopInstanceUid());
    p.setProperty("sop.class", e.sopClassUid());
    p.setProperty("transfer.syntax", e.transferSyntaxUid());
    p.setProperty("study", e.studyInstanceUid());
    p.setProperty("bytes", Long.toString(e.bytes()));
    p.setProperty("queued.at", e.queuedAt().toString());
    for (Map.Entry<String, Delivery> d : e.deliveries().entrySet()) {
      String k = "to." + d.getKey() + ".";
      Delivery v = d.getValue();
      p.setProperty(k + "state", v.state().name());
      p.setProperty(k + "attempts", Integer.toString(v.attempts()));
      p.setProperty(k + "next", v.nextAttempt().toString());
      p.setProperty(k + "updated", v.updated().toString());
      if (v.lastError() != null) {
        p.setProperty(k + "error", v.lastError());
      }
    }
    StringWriter w = new StringWriter();
    p.store(w, null);
    return w.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static OutboxEntry readState(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Map<String, Delivery> deliveries = new LinkedHashMap<>();
    for (String k : p.stringPropertyNames()) {
      if (k.startsWith("to.") && k.endsWith(".state")) {
        String d = k.substring(3, k.length() - ".state".length());
        String base = "to." + d + ".";
        deliveries.put(
            d,
            new Delivery(
                DeliveryState.valueOf(p.getProperty(k)),
                Integer.parseInt(p.getProperty(base + "attempts", "0")),
                Instant.parse(p.getProperty(base + "next")),
                p.getProperty(base + "error"),
                Instant.parse(p.getProperty(base + "updated"))));
      }
    }
    return new OutboxEntry(
        p.getProperty("sop.instance"),
        p.getProperty("sop.class"),
        p.getProperty("transfer.syntax"),
        p.getProperty("study"),
        Long.parseLong(p.getProperty("bytes")),
        Instant.parse(p.getProperty("queued.at")),
        deliveries);
  }

  /** The object's attributes up to its pixel data. */
  static AttributeList header(InputStream in) throws IOException, DicomException {
    AttributeList list = new AttributeList();
    list.read(new DicomInputStream(in), TagFromName.PixelData);
    return list;
  }

  private static String value(AttributeList list, com.pixelmed.dicom.AttributeTag tag) {
    return Attribute.getSingleStringValueOrEmptyString(list, tag);
  }
}
