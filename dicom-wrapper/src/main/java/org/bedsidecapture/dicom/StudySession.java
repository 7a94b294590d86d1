package org.bedsidecapture.dicom;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One capture session at the bedside: one study for the encounter (or the order's study), and one
 * series per modality, device and body site, numbered in the order they were started.
 */
public final class StudySession {
  /** A series within the session, with the next instance number to hand out. */
  public static final class Series {
    private final String uid;
    private final int number;
    private final OffsetDateTime startedAt;
    private int lastInstance;

    private Series(String uid, int number, OffsetDateTime startedAt) {
      this.uid = uid;
      this.number = number;
      this.startedAt = startedAt;
    }

    public String uid() {
      return uid;
    }

    public int number() {
      return number;
    }

    public OffsetDateTime startedAt() {
      return startedAt;
    }

    synchronized int nextInstanceNumber() {
      return ++lastInstance;
    }
  }

  private record SeriesKey(String modality, String deviceId, String bodySite, String laterality) {}

  private final String studyInstanceUid;
  private final String studyId;
  private final OffsetDateTime startedAt;
  private final UidGenerator uids;
  private final Map<SeriesKey, Series> series = new HashMap<>();

  /**
   * @param studyInstanceUid the order's study UID, or null to make a new one
   * @param startedAt when the session began: the study date and time
   */
  public StudySession(UidGenerator uids, String studyInstanceUid, OffsetDateTime startedAt) {
    this.uids = Objects.requireNonNull(uids);
    this.studyInstanceUid = studyInstanceUid != null ? studyInstanceUid : uids.newUid();
    this.startedAt = Objects.requireNonNull(startedAt);
    this.studyId = String.format("%tY%<tm%<td%<tH%<tM", startedAt);
  }

  public String studyInstanceUid() {
    return studyInstanceUid;
  }

  /** Study ID (0020,0010): the session's start, minute precision, as staff can read it out. */
  public String studyId() {
    return studyId;
  }

  public OffsetDateTime startedAt() {
    return startedAt;
  }

  synchronized Series seriesFor(
      String modality,
      CaptureDevice device,
      BodySite site,
      Laterality laterality,
      OffsetDateTime at) {
    SeriesKey key = new SeriesKey(modality, device.id(), site.snomedId(), laterality.dicomCode());
    return series.computeIfAbsent(key, k -> new Series(uids.newUid(), series.size() + 1, at));
  }
}
