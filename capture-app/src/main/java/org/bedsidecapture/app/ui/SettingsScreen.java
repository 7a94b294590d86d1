package org.bedsidecapture.app.ui;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.bedsidecapture.app.operators.Operator;
import org.bedsidecapture.app.service.StationCheck;
import org.bedsidecapture.app.settings.SettingsCatalogue;
import org.bedsidecapture.app.ui.model.BedsideModel;
import org.bedsidecapture.app.ui.model.PreviewModel;
import org.bedsidecapture.app.ui.model.SettingsModel;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.VideoFormat;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The installer's screen: every key of the site file in its section (site, archives, EHR, devices,
 * barcodes, at the bedside), secrets chosen as files; Test connection for the archives and the EHR
 * on the values as edited; the device opened with its preview and modes; a barcode tried live
 * against the rules as edited; Save through the safe change.
 */
final class SettingsScreen extends BorderPane {
  private final SettingsModel settings;
  private final PreviewModel preview;
  private final FilePicker files;
  private final Map<String, Supplier<String>> edited = new LinkedHashMap<>();
  private final Map<String, Node> panes = new LinkedHashMap<>();
  private final ScrollPane center = new ScrollPane();
  private final String signedIn;

  /** The installer at the screen, as the audit log names who changed the operators. */
  private final String byWhom;

  SettingsScreen(
      BedsideModel bedside, SettingsModel settings, PreviewModel preview, FilePicker files) {
    this.settings = settings;
    this.preview = preview;
    this.files = files;
    this.signedIn = bedside.state().operator();
    this.byWhom = bedside.signedInForTheRecord();
    setId("settings-screen");
    Label title = Controls.label(Texts.t("settings.title"), "prompt");
    Label hint = Controls.label(Texts.t("settings.hint"), "settings-hint");
    hint.setWrapText(true);
    VBox top = new VBox(4, title, hint);
    top.getStyleClass().add("settings-top");
    setTop(top);
    VBox nav = new VBox(8);
    nav.setId("settings-sections");
    nav.getStyleClass().add("settings-nav");
    ToggleGroup group = new ToggleGroup();
    for (SettingsCatalogue.Section section : settings.sections()) {
      panes.put(section.id(), pane(section));
      nav.getChildren().add(sectionButton(section.id(), group));
    }
    panes.put("operators", operatorsPane());
    nav.getChildren().add(sectionButton("operators", group));
    setLeft(nav);
    center.setFitToWidth(true);
    setCenter(center);
    ((ToggleButton) nav.getChildren().get(0)).setSelected(true);
    show(settings.sections().get(0).id());
    Button back =
        Controls.button(
            Material2AL.ARROW_BACK, Texts.t("settings.back"), bedside::closeSettings, "big");
    back.setId("settings-back");
    Button save =
        Controls.button(
            Material2MZ.SAVE,
            Texts.t("settings.save"),
            () -> settings.save(values(), bedside.signedInForTheRecord()),
            "big",
            "accent");
    save.setId("settings-save");
    Label saved = Controls.label("", "settings-said");
    saved.setId("settings-saved");
    saved.textProperty().bind(settings.savedProperty());
    saved.setWrapText(true);
    Label refused = Controls.label("", "settings-said", "stop-text");
    refused.setId("settings-refused");
    refused.textProperty().bind(settings.refusedProperty());
    refused.setWrapText(true);
    VBox said = new VBox(saved, refused);
    said.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(said, Priority.ALWAYS);
    setBottom(Controls.bottomBar(save, back, said));
    javafx.beans.value.ChangeListener<Node> focus = (o, was, now) -> reveal(now);
    sceneProperty()
        .addListener(
            (o, was, now) -> {
              if (was != null) {
                was.focusOwnerProperty().removeListener(focus);
              }
              if (now == null) {
                preview.stop();
              } else {
                now.focusOwnerProperty().addListener(focus);
              }
            });
  }

  /** Scrolls the section so that {@code n} (e.g. the field the keyboard moved to) is in view. */
  private void reveal(Node n) {
    Node content = center.getContent();
    if (n == null || content == null) {
      return;
    }
    for (Node p = n; p != content; p = p.getParent()) {
      if (p == null) {
        return;
      }
    }
    javafx.geometry.Bounds b = content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
    double viewport = center.getViewportBounds().getHeight();
    double room = content.getBoundsInLocal().getHeight() - viewport;
    if (room <= 0) {
      return;
    }
    double top = center.getVvalue() * room;
    if (b.getMinY() < top) {
      center.setVvalue(b.getMinY() / room);
    } else if (b.getMaxY() > top + viewport) {
      center.setVvalue(Math.min(1, (b.getMaxY() - viewport) / room));
    }
  }

  /**
   * The button that shows section {@code id}; it stays chosen when touched again. 48 px high, the
   * least a gloved finger needs, so that all the sections fit beside the settings on an 800 px
   * screen with Save below them.
   */
  private ToggleButton sectionButton(String id, ToggleGroup group) {
    ToggleButton b = Controls.toggle(Texts.t("settings.section." + id));
    b.setMinHeight(48);
    b.setId("section-" + id);
    b.setToggleGroup(group);
    b.setMaxWidth(Double.MAX_VALUE);
    b.setOnAction(
        e -> {
          b.setSelected(true);
          show(id);
        });
    return b;
  }

  private void show(String section) {
    if ("devices".equals(section)) {
      preview.start();
    } else {
      preview.stop();
    }
    center.setContent(panes.get(section));
    center.setVvalue(0);
  }

  private Map<String, String> values() {
    Map<String, String> v = new LinkedHashMap<>();
    edited.forEach((k, s) -> v.put(k, s.get()));
    return v;
  }

  private Node pane(SettingsCatalogue.Section section) {
    GridPane grid = new GridPane();
    grid.setHgap(24);
    grid.setVgap(12);
    grid.setId("settings-" + section.id());
    int row = 0;
    for (SettingsCatalogue.Key key : section.keys()) {
      Label name =
          Controls.label(
              key.number() == 0
                  ? Texts.t("key." + key.pattern())
                  : Texts.t("key." + key.pattern(), key.number()),
              "setting-name");
      name.setWrapText(true);
      Label raw = Controls.label(key.name(), "setting-key");
      VBox label = new VBox(0, name, raw);
      label.setMinWidth(280);
      label.setPrefWidth(340);
      label.setMaxWidth(400);
      Node editor = editor(key, name.getText());
      GridPane.setHgrow(editor, Priority.ALWAYS);
      grid.addRow(row++, label, editor);
    }
    VBox pane = new VBox(24);
    pane.getStyleClass().add("settings-pane");
    switch (section.id()) {
      case "archives" -> pane.getChildren().add(tests(SettingsModel.Test.ARCHIVES, null));
      case "ehr" -> {
        TextField sample = field("ehr-sample", Texts.t("settings.sample"), "");
        sample.setPromptText(Texts.t("settings.sample"));
        pane.getChildren().add(tests(SettingsModel.Test.EHR, sample));
      }
      case "barcodes" -> pane.getChildren().add(barcodeTry());
      default -> {}
    }
    if ("devices".equals(section.id())) {
      pane.getChildren().add(deviceView());
    }
    pane.getChildren().add(grid);
    return pane;
  }

  private Node editor(SettingsCatalogue.Key key, String accessible) {
    String value = settings.value(key.name());
    String id = "setting-" + key.name().replace('.', '-');
    if ("devices.camera".equals(key.name())) {
      return deviceChoice(id, accessible);
    }
    if ("devices.camera-mode".equals(key.name())) {
      return modeChoice(id, accessible, value);
    }
    switch (key.kind()) {
      case FLAG, CHOICE -> {
        ObservableList<String> items =
            javafx.collections.FXCollections.observableArrayList(key.choices());
        if (!items.contains("")) {
          items.add(0, "");
        }
        if (!items.contains(value)) {
          items.add(value);
        }
        ComboBox<String> box = new ComboBox<>(items);
        box.setId(id);
        box.setAccessibleText(accessible);
        box.setValue(value);
        box.setConverter(shown());
        box.setButtonCell(cell());
        box.setCellFactory(l -> cell());
        box.setMinHeight(56);
        box.setMaxWidth(Double.MAX_VALUE);
        edited.put(key.name(), () -> box.getValue() == null ? "" : box.getValue());
        return box;
      }
      case FILE -> {
        TextField path = field(id, accessible, value);
        path.setEditable(false);
        path.getStyleClass().add("file-path");
        Button choose =
            Controls.button(
                Material2AL.FOLDER_OPEN,
                Texts.t("settings.choose"),
                () -> {
                  Path f = files.choose(getScene().getWindow(), key.name());
                  if (f != null) {
                    path.setText(f.toAbsolutePath().toString());
                  }
                });
        choose.setId(id + "-choose");
        choose.setAccessibleText(Texts.t("settings.chooseFor", accessible));
        Button clear =
            Controls.button(Material2AL.CLEAR, Texts.t("settings.clear"), () -> path.setText(""));
        clear.setId(id + "-clear");
        clear.setAccessibleText(Texts.t("settings.clearFor", accessible));
        HBox row = new HBox(8, path, choose, clear);
        HBox.setHgrow(path, Priority.ALWAYS);
        row.setAlignment(Pos.CENTER_LEFT);
        edited.put(key.name(), path::getText);
        return row;
      }
      default -> {
        TextField field = field(id, accessible, value);
        field.setPromptText(Texts.t("settings.default"));
        edited.put(key.name(), field::getText);
        return field;
      }
    }
  }

  private static TextField field(String id, String accessible, String value) {
    TextField f = new TextField(value);
    f.setId(id);
    f.setAccessibleText(accessible);
    f.setMinHeight(56);
    f.setPrefColumnCount(20);
    return f;
  }

  /** A choice shown in words: blank is "(default)", true/false are yes/no. */
  private static StringConverter<String> shown() {
    return new StringConverter<>() {
      @Override
      public String toString(String v) {
        if (v == null || v.isEmpty()) {
          return Texts.t("settings.default");
        }
        return switch (v) {
          case "true" -> Texts.t("settings.yes");
          case "false" -> Texts.t("settings.no");
          default -> v;
        };
      }

      @Override
      public String fromString(String s) {
        return s;
      }
    };
  }

  private static ListCell<String> cell() {
    return new ListCell<>() {
      @Override
      protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : shown().toString(item));
        setMinHeight(48);
      }
    };
  }

  private Node deviceChoice(String id, String accessible) {
    ComboBox<Camera> devices = new ComboBox<>(preview.cameras());
    devices.setId(id);
    devices.setAccessibleText(accessible);
    devices.setMinHeight(56);
    devices.setMaxWidth(Double.MAX_VALUE);
    devices.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Camera c) {
            return c == null ? "" : c.name();
          }

          @Override
          public Camera fromString(String s) {
            return null;
          }
        });
    devices.valueProperty().bindBidirectional(preview.cameraProperty());
    devices.setOnAction(
        e -> {
          preview.modeProperty().set(null);
          preview.start();
        });
    devices.setOnShowing(e -> preview.lookAgain());
    edited.put(
        "devices.camera",
        () -> {
          Camera c = devices.getValue();
          return c == null ? settings.value("devices.camera") : c.name();
        });
    return devices;
  }

  private Node modeChoice(String id, String accessible, String saved) {
    ComboBox<VideoFormat> modes = new ComboBox<>();
    modes.setId(id);
    modes.setAccessibleText(accessible);
    modes.setMinHeight(56);
    modes.setMaxWidth(Double.MAX_VALUE);
    Runnable list =
        () -> {
          Camera c = preview.cameraProperty().get();
          modes.getItems().setAll(c == null ? List.of() : c.formats());
          modes.setValue(
              modes.getItems().stream()
                  .filter(f -> f.mode().equals(saved))
                  .findFirst()
                  .orElse(null));
        };
    list.run();
    preview.cameraProperty().addListener((o, was, now) -> list.run());
    modes.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(VideoFormat f) {
            return f == null
                ? Texts.t("settings.modeAuto")
                : Texts.t("settings.mode", f.mode(), f.encoding().name());
          }

          @Override
          public VideoFormat fromString(String s) {
            return null;
          }
        });
    modes.setOnAction(
        e -> {
          preview.modeProperty().set(modes.getValue());
          preview.start();
        });
    edited.put(
        "devices.camera-mode", () -> modes.getValue() == null ? saved : modes.getValue().mode());
    return modes;
  }

  private Node deviceView() {
    LivePreview devicePreview = new LivePreview(preview.frames());
    devicePreview.setId("settings-preview");
    devicePreview.setFitWidth(384);
    devicePreview.setFitHeight(216);
    devicePreview
        .sceneProperty()
        .addListener(
            (o, was, now) -> {
              if (now == null) {
                devicePreview.stop();
              } else {
                devicePreview.start();
              }
            });
    StackPane screen = new StackPane(devicePreview);
    screen.getStyleClass().add("preview-pane");
    screen.setMinSize(384, 216);
    screen.setPrefSize(384, 216);
    screen.setMaxSize(384, 216);
    Label problem = Controls.label("", "settings-said", "stop-text");
    problem.setId("settings-device-problem");
    problem.setWrapText(true);
    problem.textProperty().bind(preview.deviceProblemProperty());
    return new VBox(
        12, Controls.label(Texts.t("settings.previewTitle"), "subtitle"), screen, problem);
  }

  /** Who signs in here: add one (user name, name, role, PIN), or remove one. */
  private Node operatorsPane() {
    TextField user = field("operator-user", Texts.t("operators.user"), "");
    TextField family = field("operator-family", Texts.t("operators.family"), "");
    TextField given = field("operator-given", Texts.t("operators.given"), "");
    ComboBox<Operator.Role> role =
        new ComboBox<>(
            javafx.collections.FXCollections.observableArrayList(Operator.Role.values()));
    role.setId("operator-role");
    role.setAccessibleText(Texts.t("operators.role"));
    role.setValue(Operator.Role.CAPTURE);
    role.setMinHeight(56);
    role.setMaxWidth(Double.MAX_VALUE);
    role.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Operator.Role r) {
            return r == null ? "" : Texts.t("operators.role." + r.name());
          }

          @Override
          public Operator.Role fromString(String s) {
            return null;
          }
        });
    javafx.scene.control.PasswordField pin = new javafx.scene.control.PasswordField();
    pin.setId("operator-pin");
    pin.setAccessibleText(Texts.t("operators.pin"));
    pin.setPromptText(Texts.t("operators.pin"));
    pin.setMinHeight(56);
    Button add =
        Controls.button(
            Material2MZ.PERSON_ADD,
            Texts.t("operators.add"),
            () -> {
              settings.addOperator(
                  user.getText(),
                  family.getText(),
                  given.getText(),
                  role.getValue(),
                  pin.getText().toCharArray(),
                  byWhom);
              pin.clear();
            },
            "big");
    add.setId("operator-add");
    VBox form = new VBox(8);
    for (Node[] r :
        new Node[][] {
          {Controls.label(Texts.t("operators.user"), "setting-name"), user},
          {Controls.label(Texts.t("operators.family"), "setting-name"), family},
          {Controls.label(Texts.t("operators.given"), "setting-name"), given},
          {Controls.label(Texts.t("operators.role"), "setting-name"), role},
          {Controls.label(Texts.t("operators.pin"), "setting-name"), pin}
        }) {
      form.getChildren().addAll(r);
    }
    Label said = Controls.label("", "settings-said");
    said.setId("operator-said");
    said.textProperty().bind(settings.operatorSaidProperty());
    Label refused = Controls.label("", "settings-said", "stop-text");
    refused.setId("operator-refused");
    refused.textProperty().bind(settings.operatorRefusedProperty());
    VBox list = new VBox(8);
    list.setId("operator-list");
    Runnable listed =
        () ->
            list.getChildren()
                .setAll(settings.operators().stream().map(this::operatorRow).toList());
    settings.operators().addListener((ListChangeListener<Operator>) c -> listed.run());
    listed.run();
    settings
        .operatorSaidProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null) {
                user.clear();
                family.clear();
                given.clear();
              }
            });
    VBox adding =
        new VBox(
            16,
            Controls.label(Texts.t("operators.addTitle"), "settings-said"),
            form,
            add,
            said,
            refused);
    VBox listing = new VBox(16, Controls.label(Texts.t("operators.title"), "settings-said"), list);
    adding.setPrefWidth(460);
    adding.setMinWidth(360);
    HBox.setHgrow(listing, Priority.ALWAYS);
    HBox pane = new HBox(32, adding, listing);
    pane.getStyleClass().add("settings-pane");
    return pane;
  }

  private Node operatorRow(Operator o) {
    Label who =
        Controls.label(
            Texts.t(
                "operators.row",
                o.user(),
                Names.shown(o.name()),
                Texts.t("operators.role." + o.role().name())),
            "settings-said");
    HBox.setHgrow(who, Priority.ALWAYS);
    who.setMaxWidth(Double.MAX_VALUE);
    Button remove =
        Controls.button(
            Material2AL.DELETE,
            Texts.t("operators.remove"),
            () -> settings.removeOperator(o.user(), byWhom));
    remove.setId("operator-remove-" + o.user().replace('.', '-'));
    remove.setAccessibleText(Texts.t("operators.removeWho", o.user()));
    remove.setDisable(o.user().equals(signedIn));
    HBox row = new HBox(16, who, remove);
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }

  private Node tests(SettingsModel.Test what, TextField sample) {
    String name = what.name().toLowerCase(java.util.Locale.ROOT);
    Button test =
        Controls.button(
            Material2MZ.NETWORK_CHECK,
            Texts.t("settings.test." + name),
            () -> settings.test(what, values(), sample == null ? null : sample.getText()),
            "big");
    test.setId("test-" + name);
    test.disableProperty().bind(settings.testingProperty());
    VBox answers = new VBox(8);
    answers.setId(name + "-answers");
    ObservableList<StationCheck.Finding> found = settings.findings(what);
    found.addListener(
        (ListChangeListener<StationCheck.Finding>)
            c ->
                answers.getChildren().setAll(found.stream().map(SettingsScreen::finding).toList()));
    answers.getChildren().setAll(found.stream().map(SettingsScreen::finding).toList());
    VBox box = new VBox(12);
    if (sample != null) {
      box.getChildren().add(sample);
    }
    box.getChildren().addAll(test, answers);
    return box;
  }

  private Node barcodeTry() {
    TextField sample = field("try-barcode", Texts.t("settings.barcode"), "");
    sample.setPromptText(Texts.t("settings.barcode"));
    VBox tried = new VBox();
    tried.setId("barcode-answer");
    sample
        .textProperty()
        .addListener(
            (o, was, now) ->
                tried
                    .getChildren()
                    .setAll(
                        now.isBlank() ? new Label() : finding(settings.tryBarcode(values(), now))));
    return new VBox(
        12, Controls.label(Texts.t("settings.barcodeTitle"), "subtitle"), sample, tried);
  }

  private static Label finding(StationCheck.Finding f) {
    Label l =
        Controls.label(
            (f.ok() ? "✔ " : "✖ ") + f.what() + ": " + f.said(),
            "settings-said",
            f.ok() ? "finding-ok" : "finding-failed");
    l.setWrapText(true);
    return l;
  }
}
