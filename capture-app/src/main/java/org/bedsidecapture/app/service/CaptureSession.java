package org.bedsidecapture.app.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bedsidecapture.app.audit.AuditMessages;
import org.bedsidecapture.app.audit.AuditTrail;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.Clip;
import org.bedsidecapture.devices.spi.DeviceException;
import org.bedsidecapture.devices.spi.VideoFormat;
import org.bedsidecapture.dicom.BodySite;
import org.bedsidecapture.dicom.Capture;
import org.bedsidecapture.dicom.CaptureDevice;
import org.bedsidecapture.dicom.CaptureRejectedException;
import org.bedsidecapture.dicom.EncounterContext;
import org.bedsidecapture.dicom.Laterality;
import org.bedsidecapture.dicom.OwnerOnly;
import org.bedsidecapture.dicom.PersonName;
import org.bedsidecapture.dicom.StudySession;
import org.bedsidecapture.dicom.WrappedObject;
import org.bedsidecapture.dicom.outbox.OutboxEntry;

/**
 * The captures of one confirmed encounter, from shutter to Send. Each capture is wrapped as a DICOM
 * object straight into the encrypted outbox the moment it is taken, held there (not sent) while the
 * user reviews, re-tags or deletes it; {@link #send()} lets them all go at once and ends the
 * session; {@link #keep()} ends it leaving them held for a person to send later. Media files made
 * on the way are removed as soon as their object is in the outbox; imported files are left where
 * they are. Thread-safe: the screens call it from a worker thread.
 */
public final class CaptureSession {
  /** How a capture came to be. */
  public enum Source {
    PHOTO,
    CLIP,
    GRAB,
    IMPORT
  }

  /** Widths of the pictures kept for the screens. */
  static final int THUMBNAIL_WIDTH = 192;

  public static final int VIEW_WIDTH = 960;

  /**
   * One capture of this session, as the screens show it.
   *
   * @param id its SOP Instance UID in the outbox
   */
  public record Shot(
      String id,
      Source source,
      CaptureDevice device,
      BodySite site,
      Laterality laterality,
      String note,
      OffsetDateTime takenAt,
      Picture thumbnail,
      Picture view,
      ClipFrames frames) {}

  private final CaptureStation station;
  private final EncounterContext encounter;
  private final StudySession study;
  private final PersonName operator;
  private final Map<String, Shot> shots = new LinkedHashMap<>();
  private boolean ended;

  CaptureSession(
      CaptureStation station, EncounterContext encounter, StudySession study, PersonName operator) {
    this.station = station;
    this.encounter = Objects.requireNonNull(encounter);
    this.study = study;
    this.operator = operator;
  }

  public EncounterContext encounter() {
    return encounter;
  }

  public synchronized List<Shot> shots() {
    return List.copyOf(shots.values());
  }

  public synchronized int count() {
    return shots.size();
  }

  /** A still from a camera or frame grabber, in the format's size. */
  public Shot still(Camera camera, VideoFormat format, BodySite site, Laterality laterality)
      throws DeviceException, IOException, CaptureRejectedException {
    return still(camera, format, site, laterality, null);
  }

  /**
   * A still, its picture for the screens given (the preview frame of the same moment, which saves
   * decoding the still again); null decodes the still. The JPEG passes through the private work
   * folder unflushed: it is durable once its object is in the outbox, which is when it is shown.
   */
  public Shot still(
      Camera camera, VideoFormat format, BodySite site, Laterality laterality, Picture seen)
      throws DeviceException, IOException, CaptureRejectedException {
    byte[] jpeg = camera.takeStill(format);
    Path file = temporary(".jpg");
    try {
      Files.write(file, jpeg);
      Source source = camera.kind() == Camera.Kind.FRAME_GRABBER ? Source.GRAB : Source.PHOTO;
      Picture view = seen != null ? seen.scaled(VIEW_WIDTH) : Picture.ofImageFile(file, VIEW_WIDTH);
      return add(
          file,
          source,
          CaptureDevices.of(camera),
          site,
          laterality,
          view.scaled(THUMBNAIL_WIDTH),
          view,
          ClipFrames.NONE);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * A clip recorded during this session; its file is removed once it is in the outbox (also when it
   * is refused: the user is told, and a refused clip could not have been sent).
   *
   * @param firstFrame a picture of it for the screens (the preview frame when recording began)
   */
  public Shot clip(
      Clip clip,
      Camera camera,
      BodySite site,
      Laterality laterality,
      Picture firstFrame,
      ClipFrames frames)
      throws IOException, CaptureRejectedException {
    try {
      Picture thumbnail =
          Picture.ofRgb(
              firstFrame.argb(), firstFrame.width(), firstFrame.height(), THUMBNAIL_WIDTH);
      return add(
          clip.file(),
          Source.CLIP,
          CaptureDevices.of(camera),
          site,
          laterality,
          thumbnail,
          firstFrame,
          frames);
    } finally {
      Files.deleteIfExists(clip.file());
    }
  }

  /**
   * Where to record a clip for this session: in the station's private work folder, from which
   * {@link #clip} removes it once it is in the outbox.
   */
  public Path newClipFile() {
    return station.workDir().resolve("clip-" + java.util.UUID.randomUUID() + ".mp4");
  }

  /** A photo file imported from elsewhere; the file itself is left as it is. */
  public Shot importPhoto(Path file, BodySite site, Laterality laterality)
      throws IOException, CaptureRejectedException {
    Picture view;
    try {
      view = Picture.ofImageFile(file, VIEW_WIDTH);
    } catch (IOException e) {
      throw new CaptureRejectedException(
          file, file.getFileName() + " could not be read as a picture (" + e.getMessage() + ")", e);
    }
    return add(
        file,
        Source.IMPORT,
        CaptureDevice.importedCamera(),
        site,
        laterality,
        view.scaled(THUMBNAIL_WIDTH),
        view,
        ClipFrames.NONE);
  }

  private synchronized Shot add(
      Path media,
      Source source,
      CaptureDevice device,
      BodySite site,
      Laterality laterality,
      Picture thumbnail,
      Picture view,
      ClipFrames frames)
      throws IOException, CaptureRejectedException {
    requireOpen();
    OffsetDateTime takenAt = OffsetDateTime.now(station.clock());
    WrappedObject o =
        station
            .factory()
            .wrapInto(
                encounter,
                study,
                new Capture(
                    media,
                    device,
                    site,
                    laterality,
                    operator,
                    source == Source.IMPORT ? null : takenAt),
                station.workDir(),
                object -> station.outbox().put(object, station.destinations(), true));
    Shot shot =
        new Shot(
            o.sopInstanceUid(),
            source,
            device,
            site,
            laterality,
            null,
            takenAt,
            thumbnail,
            view,
            frames);
    shots.put(shot.id(), shot);
    station
        .audit()
        .record(
            "CAPTURED",
            o.sopInstanceUid(),
            "study="
                + study.studyInstanceUid()
                + " source="
                + source.name().toLowerCase(java.util.Locale.ROOT)
                + " site="
                + site.snomedId()
                + by());
    station
        .trail()
        .captured(
            encounter,
            AuditTrail.study(
                study.studyInstanceUid(),
                encounter,
                List.of(new AuditMessages.Instance(o.sopClassUid(), o.sopInstanceUid()))));
    return shot;
  }

  /**
   * Changes a capture's body site, laterality and note: its object in the outbox is rewritten (same
   * UID, the new body site's series).
   */
  public synchronized Shot retag(String id, BodySite site, Laterality laterality, String note)
      throws IOException, CaptureRejectedException {
    requireOpen();
    Shot shot = require(id);
    station
        .outbox()
        .put(
            station
                .factory()
                .retag(
                    () -> station.outbox().read(id),
                    study,
                    shot.device(),
                    site,
                    laterality,
                    note,
                    shot.takenAt()),
            station.destinations(),
            true);
    Shot retagged =
        new Shot(
            id,
            shot.source(),
            shot.device(),
            site,
            laterality,
            note == null || note.isBlank() ? null : note.strip(),
            shot.takenAt(),
            shot.thumbnail(),
            shot.view(),
            shot.frames());
    shots.put(id, retagged);
    station.audit().record("RETAGGED", id, "site=" + site.snomedId() + by());
    station
        .trail()
        .retagged(
            encounter,
            AuditTrail.study(
                study.studyInstanceUid(),
                encounter,
                List.of(new AuditMessages.Instance(station.outbox().entry(id).sopClassUid(), id))),
            "re-tagged in review: "
                + site.snomedId()
                + (laterality == null
                    ? ""
                    : " " + laterality.name().toLowerCase(java.util.Locale.ROOT)));
    return retagged;
  }

  /** Deletes a capture on the user's decision: it leaves the outbox (recorded in the audit log). */
  public synchronized void delete(String id) throws IOException {
    requireOpen();
    require(id);
    station.outbox().remove(id, "deleted by the user during review");
    shots.remove(id);
  }

  /** Lets every capture of the session go to the archives and ends the session. */
  public synchronized int send() throws IOException {
    requireOpen();
    List<AuditMessages.Instance> sent = new ArrayList<>();
    for (String id : shots.keySet()) {
      OutboxEntry e = station.outbox().entry(id);
      if (e != null) {
        sent.add(new AuditMessages.Instance(e.sopClassUid(), id));
      }
    }
    int n = station.outbox().release(List.copyOf(shots.keySet()));
    ended = true;
    station
        .trail()
        .sent(
            encounter,
            AuditTrail.study(study.studyInstanceUid(), encounter, sent),
            station.destinations());
    station
        .audit()
        .record("SESSION_SENT", study.studyInstanceUid(), n + " captures released" + by());
    return n;
  }

  /**
   * Ends the session without sending (idle timeout, the user left on purpose): its captures stay
   * held in the outbox, safe, for a person to send or delete.
   */
  public synchronized int keep() throws IOException {
    requireOpen();
    ended = true;
    station
        .audit()
        .record("SESSION_KEPT", study.studyInstanceUid(), shots.size() + " captures held" + by());
    return shots.size();
  }

  /** Who did it, for the audit log (staff, never patient data). */
  private String by() {
    return operator == null ? "" : " by " + operator.toDicom();
  }

  public synchronized boolean ended() {
    return ended;
  }

  private Shot require(String id) {
    Shot shot = shots.get(id);
    if (shot == null) {
      throw new IllegalArgumentException("no capture " + id + " in this session");
    }
    return shot;
  }

  private void requireOpen() {
    if (ended) {
      throw new IllegalStateException("the session has ended");
    }
  }

  private Path temporary(String suffix) throws IOException {
    return Files.createTempFile(station.workDir(), "capture-", suffix, OwnerOnly.file());
  }
}
