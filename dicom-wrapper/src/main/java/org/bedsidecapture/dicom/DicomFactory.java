package org.bedsidecapture.dicom;

import static org.bedsidecapture.dicom.iod.Tags.*;

import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bedsidecapture.dicom.iod.Dataset;
import org.bedsidecapture.dicom.iod.ObjectType;
import org.bedsidecapture.dicom.iod.Part10Object;
import org.bedsidecapture.dicom.iod.Part10Writer;
import org.bedsidecapture.dicom.iod.SingleFragmentPixelData;
import org.bedsidecapture.dicom.media.ClipReencoder;
import org.bedsidecapture.dicom.media.MediaReader;
import org.bedsidecapture.dicom.media.PreparedMedia;
import org.bedsidecapture.dicom.media.UnsupportedMediaException;

/**
 * Turns a capture and its encounter context into a DICOM Part 10 file: picks the object type,
 * starts from its template, and fills in patient, encounter, order, equipment, anatomy and pixels.
 */
public final class DicomFactory {
  private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss.SSSSSS");
  private static final DateTimeFormatter DT =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSSSSxx");
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xx");
  private static final String PRODUCT = "Bedside Capture";

  /** Files being flushed at once; more let the disk merge work, each costs a thread. */
  private static final int COMMIT_THREADS = 3;

  /** Encoded files waiting for their flush; bounds the temporary files of a batch. */
  private static final int MAX_UNCOMMITTED = 6;

  private final Station station;
  private final UidGenerator uids;
  private final ZoneId zone;
  private final Clock clock;
  private final MediaReader mediaReader;
  private final Part10Writer writer;

  public DicomFactory(Station station, UidGenerator uids, Part10Writer writer, Clock clock) {
    this(station, uids, writer, clock, null);
  }

  /**
   * @param reencoder re-encodes clips whose stream DICOM cannot carry; null refuses them with the
   *     reason
   */
  public DicomFactory(
      Station station,
      UidGenerator uids,
      Part10Writer writer,
      Clock clock,
      ClipReencoder reencoder) {
    this.station = station;
    this.uids = uids;
    this.writer = writer;
    this.clock = clock;
    this.zone = clock.getZone();
    this.mediaReader = new MediaReader(zone, reencoder);
  }

  /**
   * Wraps one capture into {@code outDir}; the file is named after its SOP Instance UID and appears
   * there only when complete and on disk.
   *
   * @throws CaptureRejectedException when the capture or its context cannot make a valid object;
   *     nothing is written then
   */
  public WrappedObject wrap(
      EncounterContext context, StudySession session, Capture capture, Path outDir)
      throws CaptureRejectedException, IOException {
    Encoded encoded = encode(context, session, capture, read(capture, outDir), outDir);
    return encoded.wrapped(writer.commit(encoded.pending()));
  }

  /** Where {@link #wrapInto} puts an object: the outbox, typically. */
  public interface ObjectSink {
    void accept(Part10Object object) throws IOException;
  }

  /**
   * Wraps one capture straight into {@code sink}, which writes it once, where it is kept (the
   * outbox encrypts it as it is written): no DICOM file is left anywhere. What the media needs on
   * the way (a re-encoded clip) goes to {@code workDir} and is gone when this returns.
   *
   * @return the object's UIDs; its file is null
   * @throws CaptureRejectedException when the capture or its context cannot make a valid object
   */
  public WrappedObject wrapInto(
      EncounterContext context,
      StudySession session,
      Capture capture,
      Path workDir,
      ObjectSink sink)
      throws CaptureRejectedException, IOException {
    Built built = build(context, session, capture, workDir);
    try {
      sink.accept(built.object(writer));
      return built.wrapped(null);
    } finally {
      built.cleanUp(capture);
    }
  }

  /** Opens an object's Part 10 stream, as often as asked (the outbox decrypts it anew). */
  public interface Source {
    InputStream open() throws IOException;
  }

  /**
   * The same object with another body site, laterality and note (a capture re-tagged during
   * review): same SOP Instance UID, its series the session's one for the new body site, everything
   * else as it was; the pixel data is copied byte for byte from {@code original} when the result is
   * written.
   *
   * @param device what captured it (its series depends on it)
   * @param takenAt when it was captured (starts its new series, if this makes one)
   */
  public Part10Object retag(
      Source original,
      StudySession session,
      CaptureDevice device,
      BodySite site,
      Laterality laterality,
      String note,
      OffsetDateTime takenAt)
      throws CaptureRejectedException, IOException {
    requireLaterality(site, laterality, null);
    Dataset.Header read = Dataset.readHeader(original::open);
    Dataset d = read.dataset();
    ZoneOffset offset = zone.getRules().getOffset(takenAt.toInstant());
    StudySession.Series series =
        session.seriesFor(d.get(Modality), device, site, laterality, takenAt);
    OffsetDateTime start = series.startedAt().withOffsetSameInstant(offset);
    try {
      d.put(SeriesInstanceUID, "UI", series.uid(), "Series Instance UID");
      d.put(SeriesNumber, "IS", Integer.toString(series.number()), "Series Number");
      d.put(SeriesDate, "DA", DA.format(start), "Series Date");
      d.put(SeriesTime, "TM", TM.format(start), "Series Time");
      d.put(InstanceNumber, "IS", Integer.toString(series.nextInstanceNumber()), "Instance Number");
      anatomy(d, site, laterality);
      note(d, note);
    } catch (InvalidValueException e) {
      throw new CaptureRejectedException(null, e.getMessage(), e);
    }
    return new Retagged(
        d,
        writer,
        original,
        read.pixelDataAt(),
        d.get(SOPInstanceUID),
        d.get(SOPClassUID),
        read.transferSyntaxUid(),
        d.get(StudyInstanceUID));
  }

  /** New attributes written by the writer, then the original's pixel data as it was. */
  private record Retagged(
      Dataset attributes,
      Part10Writer writer,
      Source original,
      long pixelsAt,
      String sopInstanceUid,
      String sopClassUid,
      String transferSyntaxUid,
      String studyInstanceUid)
      implements Part10Object {
    @Override
    public void writeTo(java.io.OutputStream out) throws IOException {
      writer.writeTo(attributes, transferSyntaxUid, out);
      try (InputStream in = original.open()) {
        in.skipNBytes(pixelsAt);
        in.transferTo(out);
      }
    }
  }

  /** What became of one capture of a batch: its object, or the reason it was rejected. */
  public record Outcome(Capture capture, WrappedObject object, String rejection) {
    public boolean wrapped() {
      return object != null;
    }
  }

  /**
   * Starts reading and checking the media of a batch of captures on every core, a few files ahead
   * of the encoder, for {@link #wrapAll}: a caller that has yet to learn the encounter (a Bundle to
   * parse) starts this first, so that the files are read while it does. Closing it stops the
   * reading.
   */
  public ReadAhead readAhead(List<Capture> captures, Path workDir) {
    return new ReadAhead(captures, workDir);
  }

  /** The media of a batch of captures, being read in their order a few files ahead. */
  public final class ReadAhead implements AutoCloseable {
    private final List<Capture> captures;
    private final Path workDir;
    private final ExecutorService readers;
    private final int ahead;
    private final Deque<Future<PreparedMedia>> reading = new ArrayDeque<>();
    private final Set<Path> made = ConcurrentHashMap.newKeySet();
    private int next;

    private ReadAhead(List<Capture> captures, Path workDir) {
      int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
      this.captures = List.copyOf(captures);
      this.workDir = workDir;
      this.readers = daemons(cores, "dicom-media-read");
      this.ahead = 2 * cores;
      topUp();
    }

    private void topUp() {
      while (next < captures.size() && reading.size() < ahead) {
        Capture capture = captures.get(next++);
        reading.add(
            readers.submit(
                () -> {
                  PreparedMedia media = read(capture, workDir);
                  Path pixels = media.pixelFile();
                  if (pixels != null && !pixels.equals(capture.media())) {
                    made.add(pixels);
                  }
                  return media;
                }));
      }
    }

    /** The next capture's media, once read and checked; what it made is the caller's now. */
    private PreparedMedia next() throws CaptureRejectedException, IOException {
      Future<PreparedMedia> read = reading.poll();
      topUp();
      PreparedMedia media = media(read);
      if (media.pixelFile() != null) {
        made.remove(media.pixelFile());
      }
      return media;
    }

    /**
     * Stops the reading: what has not started is dropped, what is being read is let finish, and
     * what was read but not taken leaves nothing behind (a clip's re-encoded or metadata-free copy
     * in the work folder is deleted).
     */
    @Override
    public void close() {
      readers.shutdown();
      reading.forEach(read -> read.cancel(false));
      reading.clear();
      try {
        if (!readers.awaitTermination(10, TimeUnit.MINUTES)) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      for (Path file : made) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /**
   * Wraps the captures read ahead as {@link #wrap} does each, and reports every outcome in the
   * order of the captures. While one capture is numbered and encoded (in order: series and instance
   * numbers follow the captures), the next ones' media is read and checked on every core, and while
   * one file is being flushed to disk the next are already being encoded: on a batch of large
   * photos, decoding their data and waiting for the disk are most of the time.
   */
  public void wrapAll(
      EncounterContext context,
      StudySession session,
      ReadAhead media,
      Path outDir,
      Consumer<Outcome> onEach) {
    ExecutorService committer = daemons(COMMIT_THREADS, "dicom-commit");
    Deque<Future<Outcome>> inFlight = new ArrayDeque<>();
    try (media) {
      for (Capture capture : media.captures) {
        Future<Outcome> outcome;
        try {
          Encoded encoded = encode(context, session, capture, media.next(), outDir);
          outcome = committer.submit(() -> commit(capture, encoded));
        } catch (CaptureRejectedException e) {
          outcome = CompletableFuture.completedFuture(new Outcome(capture, null, e.getMessage()));
        } catch (IOException e) {
          outcome = CompletableFuture.completedFuture(new Outcome(capture, null, describe(e)));
        }
        inFlight.add(outcome);
        while (inFlight.size() > MAX_UNCOMMITTED
            || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
          onEach.accept(await(inFlight.poll()));
        }
      }
      while (!inFlight.isEmpty()) {
        onEach.accept(await(inFlight.poll()));
      }
    } finally {
      committer.shutdownNow();
    }
  }

  private static ExecutorService daemons(int threads, String name) {
    return Executors.newFixedThreadPool(
        threads,
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /** The media read ahead, or why it could not be read. */
  private static PreparedMedia media(Future<PreparedMedia> read)
      throws CaptureRejectedException, IOException {
    try {
      return read.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while wrapping", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CaptureRejectedException r) {
        throw r;
      }
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private Outcome commit(Capture capture, Encoded encoded) {
    try {
      return new Outcome(capture, encoded.wrapped(writer.commit(encoded.pending())), null);
    } catch (IOException e) {
      return new Outcome(capture, null, describe(e));
    }
  }

  private static Outcome await(Future<Outcome> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while wrapping", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** A one-line reason for an I/O failure, in the user's terms. */
  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    return "could not be wrapped: " + e.getMessage();
  }

  /** An object encoded into its temporary file, with the UIDs that will identify it. */
  private record Encoded(
      Part10Writer.Pending pending,
      String sopClassUid,
      String sopInstanceUid,
      String studyInstanceUid,
      String seriesInstanceUid,
      String transferSyntaxUid) {
    WrappedObject wrapped(Path file) {
      return new WrappedObject(
          file,
          sopClassUid,
          sopInstanceUid,
          studyInstanceUid,
          seriesInstanceUid,
          transferSyntaxUid);
    }
  }

  private Encoded encode(
      EncounterContext context,
      StudySession session,
      Capture capture,
      PreparedMedia media,
      Path outDir)
      throws CaptureRejectedException, IOException {
    Built built = build(context, session, capture, media);
    try {
      Part10Writer.Pending pending =
          writer.writeUnsynced(
              built.dataset(), built.transferSyntaxUid(), outDir, built.sopInstanceUid() + ".dcm");
      return new Encoded(
          pending,
          built.sopClassUid(),
          built.sopInstanceUid(),
          built.studyInstanceUid(),
          built.seriesInstanceUid(),
          built.transferSyntaxUid());
    } finally {
      built.cleanUp(capture);
    }
  }

  /** A data set made for a capture, with the media file it streams its pixel data from. */
  private record Built(
      Dataset dataset,
      PreparedMedia media,
      String sopClassUid,
      String sopInstanceUid,
      String studyInstanceUid,
      String seriesInstanceUid,
      String transferSyntaxUid) {
    Part10Object object(Part10Writer writer) {
      return new Object(
          dataset, writer, sopInstanceUid, sopClassUid, transferSyntaxUid, studyInstanceUid);
    }

    WrappedObject wrapped(Path file) {
      return new WrappedObject(
          file,
          sopClassUid,
          sopInstanceUid,
          studyInstanceUid,
          seriesInstanceUid,
          transferSyntaxUid);
    }

    /** Deletes a pixel file made on the way (never the capture's own media). */
    void cleanUp(Capture capture) throws IOException {
      if (media.pixelFile() != null && !media.pixelFile().equals(capture.media())) {
        Files.deleteIfExists(media.pixelFile());
      }
    }

    /** A data set as a {@link Part10Object}. */
    record Object(
        Dataset dataset,
        Part10Writer writer,
        String sopInstanceUid,
        String sopClassUid,
        String transferSyntaxUid,
        String studyInstanceUid)
        implements Part10Object {
      @Override
      public void writeTo(java.io.OutputStream out) throws IOException {
        writer.writeTo(dataset, transferSyntaxUid, out);
      }
    }
  }

  private static void requireLaterality(BodySite site, Laterality laterality, Path media)
      throws CaptureRejectedException {
    if (site.paired() && laterality == Laterality.UNPAIRED) {
      throw new CaptureRejectedException(
          media,
          "body site '" + site.meaning() + "' is paired: laterality R, L or B is required",
          null);
    }
  }

  private Built build(EncounterContext context, StudySession session, Capture capture, Path workDir)
      throws CaptureRejectedException, IOException {
    return build(context, session, capture, read(capture, workDir));
  }

  /** Reads and checks a capture's media (the costly part, free of the session's numbering). */
  private PreparedMedia read(Capture capture, Path workDir)
      throws CaptureRejectedException, IOException {
    requireLaterality(capture.bodySite(), capture.laterality(), capture.media());
    try {
      return mediaReader.read(capture.media(), workDir);
    } catch (UnsupportedMediaException e) {
      throw new CaptureRejectedException(capture.media(), e.getMessage(), e);
    }
  }

  /** The data set for a capture whose media was read: its series, numbers and UIDs given here. */
  private Built build(
      EncounterContext context, StudySession session, Capture capture, PreparedMedia media)
      throws CaptureRejectedException, IOException {
    boolean built = false;
    try {
      ObjectType type = ObjectType.forCapture(capture.device(), media.kind());
      OffsetDateTime takenAt = captureTime(capture, media);
      ZoneOffset offset = zone.getRules().getOffset(takenAt.toInstant());
      takenAt = takenAt.withOffsetSameInstant(offset);
      StudySession.Series series =
          session.seriesFor(
              type.modality(), capture.device(), capture.bodySite(), capture.laterality(), takenAt);
      String sopInstanceUid = uids.newUid();
      Dataset d = type.newDataset();
      try {
        sopCommon(d, sopInstanceUid, offset);
        d.put(Modality, "CS", type.modality(), "Modality");
        patient(d, context);
        study(d, context, session, offset);
        series(d, series, capture, offset);
        equipment(d, capture.device(), media, context.institution());
        image(d, series, capture, media, takenAt);
        pixels(d, media);
      } catch (InvalidValueException e) {
        throw new CaptureRejectedException(capture.media(), e.getMessage(), e);
      }
      built = true;
      return new Built(
          d,
          media,
          type.sopClassUid(),
          sopInstanceUid,
          session.studyInstanceUid(),
          series.uid(),
          media.transferSyntaxUid());
    } finally {
      if (!built && media.pixelFile() != null && !media.pixelFile().equals(capture.media())) {
        Files.deleteIfExists(media.pixelFile());
      }
    }
  }

  private OffsetDateTime captureTime(Capture capture, PreparedMedia media) throws IOException {
    if (capture.capturedAt() != null) {
      return capture.capturedAt();
    }
    if (media.takenAt() != null) {
      return media.takenAt();
    }
    return Files.getLastModifiedTime(capture.media()).toInstant().atZone(zone).toOffsetDateTime();
  }

  private void sopCommon(Dataset d, String sopInstanceUid, ZoneOffset offset) {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(offset);
    d.put(SOPInstanceUID, "UI", sopInstanceUid, "SOP Instance UID");
    d.put(InstanceCreationDate, "DA", DA.format(now), "Instance Creation Date");
    d.put(InstanceCreationTime, "TM", TM.format(now), "Instance Creation Time");
    d.put(TimezoneOffsetFromUTC, "SH", OFFSET.format(offset), "Timezone Offset From UTC");
  }

  private static void patient(Dataset d, EncounterContext c) {
    d.put(PatientName, "PN", c.patientName().toDicom(), "Patient's Name");
    identifier(d, c.patientId(), "Patient ID");
    if (c.birthDate() != null) {
      d.put(PatientBirthDate, "DA", DA.format(c.birthDate()), "Patient's Birth Date");
    }
    d.put(PatientSex, "CS", c.sex().dicomCode(), "Patient's Sex");
    if (!c.otherPatientIds().isEmpty()) {
      List<Dataset> items = new ArrayList<>();
      for (Identifier other : c.otherPatientIds()) {
        Dataset item = new Dataset();
        identifier(item, other, "Other Patient ID");
        item.put(TypeOfPatientID, "CS", "TEXT", "Type of Patient ID");
        items.add(item);
      }
      d.putSequence(OtherPatientIDsSequence, items);
    }
  }

  /** Patient ID, Issuer of Patient ID and its qualifiers, as the Patient module has them. */
  private static void identifier(Dataset d, Identifier id, String name) {
    d.put(PatientID, "LO", id.value(), name);
    Issuer issuer = id.issuer();
    if (issuer.localNamespace() != null) {
      d.put(IssuerOfPatientID, "LO", issuer.localNamespace(), "Issuer of " + name);
    }
    if (issuer.universalEntityId() != null || id.typeCode() != null) {
      Dataset q = new Dataset();
      if (issuer.universalEntityId() != null) {
        q.put(UniversalEntityID, "UT", issuer.universalEntityId(), "Universal Entity ID");
        q.put(UniversalEntityIDType, "CS", issuer.type().name(), "Universal Entity ID Type");
      }
      if (id.typeCode() != null) {
        q.put(IdentifierTypeCode, "CS", id.typeCode(), "Identifier Type Code of " + name);
      }
      d.putSequence(IssuerOfPatientIDQualifiersSequence, List.of(q));
    }
  }

  private static void study(
      Dataset d, EncounterContext c, StudySession session, ZoneOffset offset) {
    OffsetDateTime start = session.startedAt().withOffsetSameInstant(offset);
    d.put(StudyInstanceUID, "UI", session.studyInstanceUid(), "Study Instance UID");
    d.put(StudyDate, "DA", DA.format(start), "Study Date");
    d.put(StudyTime, "TM", TM.format(start), "Study Time");
    d.put(StudyID, "SH", session.studyId(), "Study ID");
    if (c.referringPhysician() != null) {
      d.put(
          ReferringPhysicianName,
          "PN",
          c.referringPhysician().toDicom(),
          "Referring Physician's Name");
    }
    if (c.accession() != null) {
      d.put(AccessionNumber, "SH", c.accession().value(), "Accession Number");
      issuerSequence(d, IssuerOfAccessionNumberSequence, c.accession(), "Accession Number");
    }
    d.put(AdmissionID, "LO", c.admissionId().value(), "Admission ID (encounter identifier)");
    issuerSequence(d, IssuerOfAdmissionIDSequence, c.admissionId(), "Admission ID");
    if (c.reasonForVisit() != null) {
      d.put(ReasonForVisit, "UT", c.reasonForVisit(), "Reason for Visit");
    }
  }

  /** An HL7v2 Hierarchic Designator macro item, for the issuer of an accession or admission id. */
  private static void issuerSequence(
      Dataset d, com.pixelmed.dicom.AttributeTag tag, Identifier id, String name) {
    Issuer issuer = id.issuer();
    if (issuer.isEmpty()) {
      return;
    }
    Dataset item = new Dataset();
    if (issuer.localNamespace() != null) {
      item.put(LocalNamespaceEntityID, "UT", issuer.localNamespace(), "Issuer of " + name);
    }
    if (issuer.universalEntityId() != null) {
      item.put(UniversalEntityID, "UT", issuer.universalEntityId(), "Issuer of " + name);
      item.put(UniversalEntityIDType, "CS", issuer.type().name(), "Issuer type of " + name);
    }
    d.putSequence(tag, List.of(item));
  }

  private static void series(
      Dataset d, StudySession.Series series, Capture capture, ZoneOffset offset) {
    OffsetDateTime start = series.startedAt().withOffsetSameInstant(offset);
    d.put(SeriesInstanceUID, "UI", series.uid(), "Series Instance UID");
    d.put(SeriesNumber, "IS", Integer.toString(series.number()), "Series Number");
    d.put(SeriesDate, "DA", DA.format(start), "Series Date");
    d.put(SeriesTime, "TM", TM.format(start), "Series Time");
    if (capture.operator() != null && !capture.operator().isEmpty()) {
      d.put(OperatorsName, "PN", capture.operator().toDicom(), "Operator's Name");
    }
  }

  /**
   * General Equipment. The encounter's institution and department (from the EHR) win over the
   * station's configured ones, part by part.
   */
  private void equipment(
      Dataset d, CaptureDevice device, PreparedMedia media, Institution encounterInstitution) {
    d.put(
        Manufacturer,
        "LO",
        firstOf(device.manufacturer(), media.cameraMake(), PRODUCT),
        "Manufacturer");
    d.put(
        ManufacturerModelName,
        "LO",
        firstOf(device.model(), media.cameraModel(), PRODUCT),
        "Manufacturer's Model Name");
    String serial = firstOf(device.serialNumber(), station.serialNumber(), null);
    if (serial != null) {
      d.put(DeviceSerialNumber, "LO", serial, "Device Serial Number");
    }
    if (station.softwareVersion() != null) {
      d.put(SoftwareVersions, "LO", station.softwareVersion(), "Software Versions");
    }
    if (station.stationName() != null) {
      d.put(StationName, "SH", station.stationName(), "Station Name");
    }
    Institution fromStation = station.institution();
    String name =
        firstOf(
            part(encounterInstitution, Institution::name),
            part(fromStation, Institution::name),
            null);
    String address =
        firstOf(
            part(encounterInstitution, Institution::address),
            part(fromStation, Institution::address),
            null);
    String department =
        firstOf(
            part(encounterInstitution, Institution::department),
            part(fromStation, Institution::department),
            null);
    if (name != null) {
      d.put(InstitutionName, "LO", name, "Institution Name");
    }
    if (address != null) {
      d.put(InstitutionAddress, "ST", address, "Institution Address");
    }
    if (department != null) {
      d.put(InstitutionalDepartmentName, "LO", department, "Department Name");
    }
  }

  private static void image(
      Dataset d,
      StudySession.Series series,
      Capture capture,
      PreparedMedia media,
      OffsetDateTime takenAt) {
    d.put(InstanceNumber, "IS", Integer.toString(series.nextInstanceNumber()), "Instance Number");
    d.put(ContentDate, "DA", DA.format(takenAt), "Content Date");
    d.put(ContentTime, "TM", TM.format(takenAt), "Content Time");
    d.put(AcquisitionDateTime, "DT", DT.format(takenAt), "Acquisition DateTime");
    if (media.derivation() != null) {
      d.putAll(ImageType, "CS", List.of("DERIVED", "PRIMARY"), "Image Type");
      d.put(DerivationDescription, "ST", media.derivation(), "Derivation Description");
    }
    anatomy(d, capture.bodySite(), capture.laterality());
    note(d, capture.note());
  }

  /** Image Laterality and the Anatomic Region Sequence, with laterality as its modifier. */
  private static void anatomy(Dataset d, BodySite site, Laterality laterality) {
    d.put(ImageLaterality, "CS", laterality.dicomCode(), "Image Laterality");
    Dataset region = code(site.code());
    CodedConcept qualifier = laterality.qualifier();
    if (qualifier != null) {
      region.putSequence(AnatomicRegionModifierSequence, List.of(code(qualifier)));
    }
    d.putSequence(AnatomicRegionSequence, List.of(region));
  }

  /** The user's note as Image Comments; none removes it. */
  private static void note(Dataset d, String note) {
    if (note == null || note.isBlank()) {
      d.remove(ImageComments);
    } else {
      d.put(ImageComments, "LT", note.strip(), "note (Image Comments)");
    }
  }

  private static Dataset code(CodedConcept c) {
    return new Dataset()
        .put(CodeValue, "SH", c.value(), "Code Value")
        .put(CodingSchemeDesignator, "SH", c.scheme(), "Coding Scheme Designator")
        .put(CodeMeaning, "LO", c.meaning(), "Code Meaning");
  }

  private static void pixels(Dataset d, PreparedMedia media) {
    d.putInt(SamplesPerPixel, "US", media.samplesPerPixel());
    d.put(PhotometricInterpretation, "CS", media.photometricInterpretation(), "Photometric");
    d.putInt(Rows, "US", media.rows());
    d.putInt(Columns, "US", media.columns());
    if (media.samplesPerPixel() > 1) {
      d.putInt(PlanarConfiguration, "US", 0);
    }
    if (media.kind() == PreparedMedia.Kind.CLIP) {
      d.put(NumberOfFrames, "IS", Integer.toString(media.numberOfFrames()), "Number of Frames");
      d.put(FrameTime, "DS", decimal(media.frameTimeMillis()), "Frame Time");
      int rate = (int) Math.round(1000.0 / media.frameTimeMillis());
      d.put(CineRate, "IS", Integer.toString(rate), "Cine Rate");
      d.put(RecommendedDisplayFrameRate, "IS", Integer.toString(rate), "Display Frame Rate");
    }
    PreparedMedia.LossyCompression lossy = media.lossy();
    if (lossy == null) {
      d.put(LossyImageCompression, "CS", "00", "Lossy Image Compression");
    } else {
      d.put(LossyImageCompression, "CS", "01", "Lossy Image Compression");
      d.putAll(
          LossyImageCompressionRatio,
          "DS",
          lossy.ratios().stream().map(DicomFactory::decimal).toList(),
          "Lossy Image Compression Ratio");
      d.putAll(
          LossyImageCompressionMethod, "CS", lossy.methods(), "Lossy Image Compression Method");
    }
    if (media.iccProfile() != null) {
      OtherByteAttribute icc = new OtherByteAttribute(ICCProfile);
      setBytes(icc, media.iccProfile());
      d.putAttribute(icc);
    }
    d.putAttribute(pixelData(media));
  }

  private static com.pixelmed.dicom.Attribute pixelData(PreparedMedia media) {
    if (!media.encapsulated()) {
      OtherByteAttribute samples = new OtherByteAttribute(PixelData);
      setBytes(samples, media.pixelBytes());
      return samples;
    }
    if (media.pixelFile() != null) {
      return new SingleFragmentPixelData(PixelData, media.pixelFile());
    }
    return new OtherByteAttributeMultipleCompressedFrames(
        PixelData, new byte[][] {media.pixelBytes()});
  }

  private static void setBytes(OtherByteAttribute a, byte[] bytes) {
    try {
      a.setValues(bytes);
    } catch (DicomException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A DS value of at most 16 characters. */
  static String decimal(double value) {
    String s = String.format(Locale.ROOT, "%.6f", value);
    s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    return s.length() <= 16 ? s : s.substring(0, 16);
  }

  private static String part(Institution i, java.util.function.Function<Institution, String> f) {
    return i == null ? null : f.apply(i);
  }

  private static String firstOf(String a, String b, String c) {
    return a != null ? a : b != null ? b : c;
  }
}
