package org.bedsidecapture.app.ui.model;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bedsidecapture.app.service.DeliveryService;
import org.bedsidecapture.dicom.outbox.Delivery;
import org.bedsidecapture.dicom.outbox.DeliveryState;
import org.bedsidecapture.dicom.outbox.Outbox;
import org.bedsidecapture.dicom.outbox.OutboxEntry;
import org.bedsidecapture.dicom.outbox.OutboxStatus;

/**
 * The outbox panel and its badge: per object and archive where it stands, the oldest waiting, the
 * last failure, Retry now, and sending on the captures kept from sessions that ended without Send.
 * It shows what the outbox holds on disk (after a restart too) and follows it live.
 */
public final class OutboxModel {
  /** One object's delivery to one archive. */
  public record Row(
      String sopInstanceUid, String archive, DeliveryState state, String reason, Instant queued) {}

  private final Outbox outbox;
  private final DeliveryService delivery;
  private final Executor worker;
  private final Executor ui;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ObservableList<Row> rowsShown = FXCollections.unmodifiableObservableList(rows);
  private final ReadOnlyObjectWrapper<OutboxStatus> status;
  private final ReadOnlyObjectWrapper<Badge> badge = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper();

  public OutboxModel(Outbox outbox, DeliveryService delivery, Executor worker, Executor ui) {
    this.outbox = outbox;
    this.delivery = delivery;
    this.worker = worker;
    this.ui = ui;
    this.status = new ReadOnlyObjectWrapper<>(outbox.status());
    outbox.addListener(s -> ui.execute(this::refresh));
    if (delivery != null) {
      delivery.addWatcher(
          a ->
              ui.execute(
                  () ->
                      activity.set(
                          a.sendingTo() != null
                              ? Says.t("outbox.sendingTo", a.sendingTo())
                              : a.problem())));
    }
    refresh();
  }

  public ObservableList<Row> rows() {
    return rowsShown;
  }

  public ReadOnlyObjectProperty<OutboxStatus> statusProperty() {
    return status.getReadOnlyProperty();
  }

  /**
   * What the badge counts: deliveries on their way, those that need a person (failed, refused), and
   * captures held (not sent).
   */
  public record Badge(int sending, int attention, int held) {
    public boolean empty() {
      return sending == 0 && attention == 0 && held == 0;
    }
  }

  public ReadOnlyObjectProperty<Badge> badgeProperty() {
    return badge.getReadOnlyProperty();
  }

  /** What the delivery service is doing, or its problem; null when idle. */
  public ReadOnlyStringProperty activityProperty() {
    return activity.getReadOnlyProperty();
  }

  /** Reads the outbox again. */
  public void refresh() {
    OutboxStatus s = outbox.status();
    List<Row> now = new ArrayList<>();
    for (OutboxEntry e : outbox.entries()) {
      for (Map.Entry<String, Delivery> d : e.deliveries().entrySet()) {
        now.add(
            new Row(
                e.sopInstanceUid(),
                d.getKey(),
                d.getValue().state(),
                d.getValue().lastError(),
                e.queuedAt()));
      }
    }
    rows.setAll(now);
    status.set(s);
    badge.set(badgeFor(s));
  }

  static Badge badgeFor(OutboxStatus s) {
    int held = s.counts().getOrDefault(DeliveryState.HELD, 0);
    int attention =
        s.counts().getOrDefault(DeliveryState.FAILED, 0)
            + s.counts().getOrDefault(DeliveryState.QUARANTINED, 0);
    int sending =
        s.counts().getOrDefault(DeliveryState.QUEUED, 0)
            + s.counts().getOrDefault(DeliveryState.SENDING, 0)
            + s.counts().getOrDefault(DeliveryState.STORED, 0);
    return new Badge(sending, attention, held);
  }

  /** Retry now: failed and quarantined deliveries are due at once. */
  public void retryNow() {
    worker.execute(
        () -> {
          try {
            if (delivery != null) {
              delivery.retryNow();
            } else {
              outbox.retryNow();
            }
          } catch (IOException e) {
            ui.execute(() -> activity.set(Says.t("outbox.retryFailed", e.getMessage())));
          }
        });
  }

  /**
   * Sends on the captures held in the outbox that belong to no running session (kept after an idle
   * timeout, a left session or a restart).
   */
  public void sendKept(java.util.Collection<String> runningSession) {
    List<String> kept =
        outbox.entries().stream()
            .filter(e -> !runningSession.contains(e.sopInstanceUid()))
            .filter(
                e ->
                    e.deliveries().values().stream().anyMatch(d -> d.state() == DeliveryState.HELD))
            .map(OutboxEntry::sopInstanceUid)
            .toList();
    worker.execute(
        () -> {
          try {
            outbox.release(kept);
          } catch (IOException e) {
            ui.execute(() -> activity.set(Says.t("outbox.sendKeptFailed", e.getMessage())));
          }
        });
  }
}
