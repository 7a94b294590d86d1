package org.bedsidecapture.app.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.bedsidecapture.app.ui.model.OutboxModel;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The outbox panel: every object and archive with its state and the reason of a failure, the oldest
 * waiting, what delivery is doing, Retry now, and sending on the captures kept from sessions that
 * ended without Send. What it shows is what the outbox holds on disk.
 */
final class OutboxPanel extends VBox {
  OutboxPanel(OutboxModel outbox, Runnable sendKept, Runnable close) {
    getStyleClass().add("screen");
    setId("outbox-panel");
    Label title = Controls.label(Texts.t("outbox.title"), "prompt");
    Label summary = Controls.label("", "what-to-do");
    summary.setId("outbox-summary");
    Label activity = Controls.label("", "subtitle");
    activity.textProperty().bind(outbox.activityProperty());
    outbox.statusProperty().addListener((o, was, now) -> summary.setText(summary(outbox)));
    summary.setText(summary(outbox));

    TableView<OutboxModel.Row> table = new TableView<>(outbox.rows());
    table.setId("outbox-table");
    table.setPlaceholder(Controls.label(Texts.t("outbox.empty"), "subtitle"));
    java.time.format.DateTimeFormatter time =
        java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.SHORT)
            .withZone(java.time.ZoneId.systemDefault());
    table
        .getColumns()
        .add(column(Texts.t("outbox.state"), r -> Texts.t("state." + r.state().name()), 300));
    table.getColumns().add(column(Texts.t("outbox.queued"), r -> time.format(r.queued()), 180));
    table.getColumns().add(column(Texts.t("outbox.archive"), OutboxModel.Row::archive, 280));
    table
        .getColumns()
        .add(column(Texts.t("outbox.reason"), r -> r.reason() == null ? "" : r.reason(), 260));
    table
        .getColumns()
        .add(
            column(
                Texts.t("outbox.object"),
                r ->
                    "…"
                        + r.sopInstanceUid()
                            .substring(Math.max(0, r.sopInstanceUid().length() - 8)),
                120));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_NEXT_COLUMN);
    VBox.setVgrow(table, Priority.ALWAYS);

    Button retry =
        Controls.button(Material2MZ.REFRESH, Texts.t("outbox.retry"), outbox::retryNow, "big");
    retry.setId("outbox-retry");
    Button kept = Controls.button(Material2MZ.SEND, Texts.t("outbox.sendKept"), sendKept, "big");
    kept.setId("outbox-send-kept");
    Button back =
        Controls.button(Material2AL.ARROW_BACK, Texts.t("outbox.close"), close, "big", "accent");
    back.setId("outbox-close");
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox buttons = new HBox(16, retry, kept, gap, back);
    buttons.setAlignment(Pos.CENTER_LEFT);
    getChildren().addAll(title, summary, activity, table, buttons);
  }

  private static String summary(OutboxModel outbox) {
    var s = outbox.statusProperty().get();
    String oldest =
        s.oldestWaiting() == null
            ? Texts.t("outbox.noneWaiting")
            : Texts.t("outbox.oldest", s.oldestWaiting().toString());
    return Shell.badgeText(outbox.badgeProperty().get())
        + " · "
        + oldest
        + (s.lastError() == null ? "" : " · " + Texts.t("outbox.lastError", s.lastError()));
  }

  private static TableColumn<OutboxModel.Row, String> column(
      String title, java.util.function.Function<OutboxModel.Row, String> value, double width) {
    TableColumn<OutboxModel.Row, String> c = new TableColumn<>(title);
    c.setPrefWidth(width);
    c.setCellValueFactory(
        cell -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cell.getValue())));
    return c;
  }
}
