package org.bedsidecapture.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Slider;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.bedsidecapture.app.barcode.BarcodeRules;
import org.bedsidecapture.app.demo.PatientDataSearch;
import org.bedsidecapture.app.demo.WristbandSheet;
import org.bedsidecapture.app.fhir.Fhir;
import org.bedsidecapture.app.fhir.demo.DemoFhirServer;
import org.bedsidecapture.app.fhir.demo.SyntheticEhr;
import org.bedsidecapture.app.operators.DirectorySignIn;
import org.bedsidecapture.app.operators.Operator;
import org.bedsidecapture.app.operators.OperatorStore;
import org.bedsidecapture.app.service.ArchiveDelivery;
import org.bedsidecapture.app.service.CaptureStation;
import org.bedsidecapture.app.service.DeliveryService;
import org.bedsidecapture.app.service.EncounterFinder;
import org.bedsidecapture.app.service.StationCheck;
import org.bedsidecapture.app.settings.Archive;
import org.bedsidecapture.app.settings.SiteSettings;
import org.bedsidecapture.app.settings.SiteSettingsFile;
import org.bedsidecapture.app.settings.StationFolders;
import org.bedsidecapture.app.ui.model.BedsideModel;
import org.bedsidecapture.app.ui.model.OutboxModel;
import org.bedsidecapture.app.ui.model.PreviewModel;
import org.bedsidecapture.app.ui.model.SettingsModel;
import org.bedsidecapture.app.workflow.CaptureWorkflow;
import org.bedsidecapture.app.workflow.CaptureWorkflow.Step;
import org.bedsidecapture.devices.barcode.KeyboardWedge;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.synthetic.SyntheticCamera;
import org.bedsidecapture.devices.synthetic.SyntheticCameraProvider;
import org.bedsidecapture.dicom.BodySiteCatalogue;
import org.bedsidecapture.dicom.Laterality;
import org.bedsidecapture.dicom.PersonName;
import org.bedsidecapture.dicom.UidGenerator;
import org.bedsidecapture.dicom.delivery.Tls;
import org.bedsidecapture.dicom.outbox.AuditLog;
import org.bedsidecapture.dicom.outbox.Outbox;
import org.bedsidecapture.dicom.testing.Contexts;
import org.bedsidecapture.dicom.testing.Orthanc;
import org.bedsidecapture.dicom.testing.Secrets;
import org.bedsidecapture.dicom.testing.Storescp;
import org.bedsidecapture.dicom.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real screens driven by TestFX (headless, Monocle) through the whole bedside flow against a
 * real HAPI FHIR server, the synthetic camera and Orthanc as the archive, and through each guard
 * screen. Every screen is written to {@code target/screenshots/} to be looked at.
 */
@ExtendWith(ApplicationExtension.class)
class BedsideScreensIT {
  private static final Path SHOTS = Path.of("target", "screenshots");
  private static final long DEADLINE_SECONDS = 60;
  private static Fhir fhir;
  private static DemoFhirServer ehr;
  private static Orthanc orthanc;
  private static Path orthancDir;
  private static int listenPort;

  @TempDir Path dir;
  private final AtomicReference<String> ehrBase = new AtomicReference<>();
  private final java.util.Map<String, Path> chosenFiles =
      new java.util.concurrent.ConcurrentHashMap<>();
  private boolean german;
  private boolean highContrast;
  private final ExecutorService worker = Executors.newSingleThreadExecutor();
  private Outbox outbox;
  private DeliveryService delivery;

  /**
   * Keys typed by the robot never count as a wedge scan, however fast the machine types them: the
   * tests scan through the model, and the wedge's timing has its own test (WedgeKeyFilterTest).
   */
  private static final KeyboardWedge.Settings TYPING_ONLY =
      new KeyboardWedge.Settings("", '\n', Duration.ofMillis(35), 256);

  private BedsideModel model;
  private EncounterFinder finder;
  private CaptureStation station;
  private Stage stage;
  private BedsideApp.Parts parts;
  private PreviewModel preview;
  private SyntheticCamera camera;
  private Scene scene;
  private int touches;

  @BeforeAll
  static void startPeers() throws Exception {
    fhir = Fhir.warmingInBackground();
    ehr = fhir.startDemoEhr();
    orthancDir = Files.createTempDirectory("orthanc");
    listenPort = Storescp.freePort();
    orthanc = Orthanc.start(orthancDir, Orthanc.Options.plain().withStation("BEDSIDE", listenPort));
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stopPeers() throws Exception {
    orthanc.close();
    ehr.close();
  }

  @Start
  void start(Stage stage) throws Exception {
    ehrBase.set(ehr.baseUrl());
    Clock clock = Clock.systemDefaultZone();
    outbox = Contexts.outbox(dir, clock);
    List<Archive> archives = List.of(Archive.parse(orthanc.dicomUrl(), false));
    station =
        new CaptureStation(
            Contexts.factory(clock),
            UidGenerator.uuidDerived(),
            outbox,
            archives,
            CaptureStation.workFolder(dir),
            new AuditLog(dir.resolve("audit.log"), clock),
            org.bedsidecapture.app.audit.AuditTrail.none(),
            clock);
    delivery =
        new DeliveryService(
                outbox,
                archives,
                new ArchiveDelivery("BEDSIDE", null, Duration.ofSeconds(10), null),
                null,
                clock)
            .start();
    finder =
        new EncounterFinder(
            BarcodeRules.demo(), () -> fhir.lookup(ehrBase.get(), Duration.ofSeconds(5)));
    model =
        new BedsideModel(
            new CaptureWorkflow(clock, Duration.ofMinutes(5), CaptureWorkflow.WhenIdle.END_SESSION),
            finder,
            station,
            operators(),
            worker,
            Platform::runLater);
    List<Camera> cameras = SyntheticCameraProvider.devices();
    camera = (SyntheticCamera) cameras.get(0);
    preview =
        new PreviewModel(
            model, () -> cameras, worker, Platform::runLater, clock, Duration.ofMinutes(1));
    preview.lookAgain();
    OutboxModel outboxModel = new OutboxModel(outbox, delivery, worker, Platform::runLater);
    Path sheet = dir.resolve("wristbands.png");
    WristbandSheet.write(SyntheticEhr.wristbands(), sheet);
    this.stage = stage;
    parts =
        new BedsideApp.Parts(
            model,
            preview,
            outboxModel,
            BodySiteCatalogue.standard(),
            List.of(
                SyntheticCamera.pointedAt(WristbandSheet.label(SyntheticEhr.wristbands().get(0)))),
            TYPING_ONLY,
            KeyCode.F8,
            new BedsideApp.Demo(sheet, dir.resolve("demo-archive"), "nurse", "1234"),
            settingsModel(archives),
            (owner, key) -> chosenFiles.get(key),
            false,
            Platform::runLater);
    scene = BedsideApp.scene(parts);
    stage.setScene(scene);
    stage.sizeToScene();
    stage.show();
  }

  @AfterEach
  void stop() throws Exception {
    delivery.close();
    worker.shutdownNow();
    outbox.close();
  }

  /**
   * The settings screen's model on this test's site file, as the app wires it: Test connection on
   * the values as edited, falling back to this test's archive (Orthanc) and EHR where they name
   * none.
   */
  private SettingsModel settingsModel(List<Archive> archives) throws Exception {
    Path file = dir.resolve(SiteSettings.FILE_NAME);
    return new SettingsModel(
        SiteSettingsFile.read(StationFolders.inOne(dir)),
        (what, edited, samples) -> {
          SiteSettings s = SiteSettings.of(edited, file);
          String base = s.fhirBaseUrl() == null ? ehr.baseUrl() : s.fhirBaseUrl();
          StationCheck.Peers peers =
              new StationCheck.Peers(
                  s.archives().isEmpty() ? archives : s.archives(),
                  new ArchiveDelivery(
                      s.aeTitle(), s.dicomWebAuthorization(), s.dicomTimeout(), s.tls()),
                  new DeliveryService.CommitmentListener(
                          s.aeTitle(),
                          s.listenAddress(),
                          s.listenPort(),
                          UidGenerator.uuidDerived(),
                          s.commitmentTimeout(),
                          s.tls(),
                          s.reportsOverTls(),
                          (peer, why) -> {})
                      ::roundTrip,
                  base,
                  fhir.lookup(base, Duration.ofSeconds(10)),
                  new EncounterFinder(
                      s.barcodeRules(), () -> fhir.lookup(base, Duration.ofSeconds(10))),
                  Clock.systemUTC());
          return what == SettingsModel.Test.ARCHIVES
              ? StationCheck.archives(peers)
              : StationCheck.ehr(peers, samples);
        },
        (edited, sample) -> StationCheck.barcode(edited, file, sample),
        (changes, who) ->
            SiteSettingsFile.change(
                StationFolders.inOne(dir),
                changes,
                who,
                new AuditLog(dir.resolve("audit.log"), Clock.systemUTC()),
                org.bedsidecapture.app.audit.AuditTrail.none()),
        OperatorStore.in(
            dir, Clock.systemUTC(), new AuditLog(dir.resolve("audit.log"), Clock.systemUTC())),
        worker,
        Platform::runLater);
  }

  /** The station's operators: Nora, PIN 4711. */
  private OperatorStore operators() throws Exception {
    OperatorStore store =
        OperatorStore.in(
            dir, Clock.systemUTC(), new AuditLog(dir.resolve("audit.log"), Clock.systemUTC()));
    store.add(
        new Operator("nora.n", PersonName.of("Zznurse", "Nora"), Operator.Role.CAPTURE),
        "4711".toCharArray(),
        "test");
    store.add(
        new Operator("ida", PersonName.of("Zzinstaller", "Ida"), Operator.Role.INSTALLER),
        "2580".toCharArray(),
        "test");
    return store;
  }

  /** Signs an operator in on the sign-in screen, typing user name and PIN. */
  private void signInWithPin(FxRobot robot, String user, String pin) {
    waitForStep(Step.SIGNED_OUT);
    robot.clickOn("#sign-in-user").write(user);
    robot.clickOn("#sign-in-pin").write(pin).type(KeyCode.ENTER);
    waitForStep(Step.READY_TO_SCAN);
  }

  /** Signs Nora in without the screen, for the tests about what comes after. */
  private void signedIn() {
    Platform.runLater(() -> model.signIn("nora.n"));
    waitForStep(Step.READY_TO_SCAN);
  }

  /**
   * Touches what {@code query} finds, once the screen has settled: every event the FX thread still
   * has is handled first, so that a screen about to be replaced (the state moved on a moment ago)
   * is not the one touched.
   */
  private void touch(FxRobot robot, String query) {
    waitFor(() -> robot.lookup(query).tryQuery().isPresent());
    WaitForAsyncUtils.waitForFxEvents();
    waitFor(() -> robot.lookup(query).tryQuery().map(n -> n.getScene() != null).orElse(false));
    robot.clickOn(query);
    touches++;
  }

  private static void waitFor(Callable<Boolean> condition) {
    try {
      WaitForAsyncUtils.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS, condition);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("not within " + DEADLINE_SECONDS + " s", e);
    }
  }

  private void waitForStep(Step step) {
    waitFor(() -> model.state().step() == step && model.busyProperty().get() == null);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void scan(String barcode) {
    waitFor(() -> !preview.cameras().isEmpty());
    Platform.runLater(() -> model.scanned(barcode));
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Writes what the window shows to target/screenshots/NAME.png. */
  private void screenshot(String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage image =
        WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(30, TimeUnit.SECONDS);
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    PixelReader pixels = image.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    ImageIO.write(out, "png", SHOTS.resolve(name + ".png").toFile());
    assertThat(
            WaitForAsyncUtils.asyncFx(() -> TouchTargets.problems(scene)).get(30, TimeUnit.SECONDS))
        .as("touch targets and names on " + name)
        .isEmpty();
    double minimum = highContrast ? 7 : 4.5;
    assertThat(
            WaitForAsyncUtils.asyncFx(() -> Contrast.problems(scene, minimum))
                .get(30, TimeUnit.SECONDS))
        .as("contrast of the words on " + name)
        .isEmpty();
  }

  @Test
  void scanConfirmThreePhotosOfTheLeftForearmAndSendArriveInTheArchiveInFewTouches(FxRobot robot)
      throws Exception {
    try (PatientDataSearch search = PatientDataSearch.of(patient("DEMO-000001")).watch()) {
      walkScanConfirmCaptureSend(robot);
      assertNoPatientDataLeftBy(search);
    }
  }

  /**
   * The patient's data is nowhere but on the screens and in the archive after a walk: not in what
   * the app said (its error stream, the libraries' log), not in the station's folder (outbox, audit
   * log, work folder), not in a temporary file written during the walk.
   */
  private void assertNoPatientDataLeftBy(PatientDataSearch search) throws Exception {
    List<String> found = new ArrayList<>(search.inWhatWasSaid());
    found.addAll(
        search.inFiles(dir, f -> !f.getFileName().toString().equals("wristbands.png"), false));
    found.addAll(
        search.inFiles(
            Path.of(System.getProperty("java.io.tmpdir")),
            f -> !f.startsWith(orthancDir) && !f.startsWith(dir),
            true));
    assertThat(found).as("patient data outside the screens and the archive").isEmpty();
  }

  private static WristbandSheet.Label patient(String mrn) {
    return SyntheticEhr.wristbands().stream()
        .filter(l -> l.mrn().equals(mrn))
        .findFirst()
        .orElseThrow();
  }

  private void walkScanConfirmCaptureSend(FxRobot robot) throws Exception {
    signedIn();
    screenshot("01-ready-to-scan");
    scan("DEMO-000001");
    waitForStep(Step.CONFIRM_PATIENT);
    screenshot("02-confirm-patient");

    touch(robot, "#confirm-patient");
    waitForStep(Step.CAPTURING);
    touch(robot, "#region-front-14975008-L");
    for (int i = 0; i < 3; i++) {
      touch(robot, "#shutter");
      int taken = i + 1;
      waitFor(() -> model.shots().size() == taken);
    }
    waitFor(() -> model.busyProperty().get() == null);
    screenshot("03-capture");
    touch(robot, "#send");
    waitForStep(Step.READY_TO_SCAN);
    screenshot("04-sent-ready-to-scan");

    assertThat(touches).as("touches after the scan").isLessThanOrEqualTo(10);
    waitFor(() -> outbox.entries().isEmpty());
    String instances = orthanc.instances();
    assertThat(instances.split("\",").length).isGreaterThanOrEqualTo(3);
    List<String> sent =
        java.util.Arrays.stream(Files.readString(dir.resolve("audit.log")).split("\n"))
            .filter(l -> l.contains("PURGED"))
            .map(l -> l.replaceAll(".*sop=(\\S+).*", "$1"))
            .toList();
    assertThat(sent).hasSize(3);
    for (String uid : sent) {
      String tags = orthanc.tagsOf(uid);
      assertThat(tags)
          .contains("\"PatientID\" : \"DEMO-000001\"")
          .contains("DEMO-V0001")
          .contains("14975008")
          .contains("\"ImageLaterality\" : \"L\"");
    }
  }

  @Test
  void reviewRetagDeleteAndTheOutboxPanel(FxRobot robot) throws Exception {
    try (PatientDataSearch search = PatientDataSearch.of(patient("DEMO-000002")).watch()) {
      walkReviewRetagDeleteAndTheOutboxPanel(robot);
      assertNoPatientDataLeftBy(search);
    }
  }

  private void walkReviewRetagDeleteAndTheOutboxPanel(FxRobot robot) throws Exception {
    signedIn();
    scan("DEMO-000002");
    waitForStep(Step.CONFIRM_PATIENT);
    touch(robot, "#confirm-patient");
    waitForStep(Step.CAPTURING);
    touch(robot, "#view-back");
    touch(robot, "#region-back-54735007-U");
    touch(robot, "#shutter");
    waitFor(() -> model.shots().size() == 1);
    touch(robot, "#shutter");
    waitFor(() -> model.shots().size() == 2);
    touch(robot, "#review");
    waitForStep(Step.REVIEWING);
    screenshot("05-review");

    touch(robot, "#review-thumbnail-0");
    touch(robot, "#review-delete");
    waitFor(() -> model.shots().size() == 1);
    robot.clickOn("#review-note").write("edge red");
    touch(robot, "#review-apply");
    waitFor(() -> "edge red".equals(model.shots().get(0).note()));
    screenshot("06-review-after-retag");

    touch(robot, "#review-back");
    waitForStep(Step.CAPTURING);
    touch(robot, "#leave");
    waitForStep(Step.LEAVE_WITH_UNSENT);
    screenshot("07-guard-leave-with-unsent");
    touch(robot, "#guard-action-1");
    waitForStep(Step.READY_TO_SCAN);
    screenshot("08-ready-with-kept-captures");

    touch(robot, "#outbox-badge");
    waitFor(() -> robot.lookup("#outbox-panel").tryQuery().isPresent());
    screenshot("09-outbox-panel");
    touch(robot, "#outbox-close");
  }

  @Test
  void aClipIsScrubbedAndPlayedInReview(FxRobot robot) throws Exception {
    walkTheClip(robot);
  }

  private void walkTheClip(FxRobot robot) throws Exception {
    signedIn();
    scan("DEMO-000003");
    waitForStep(Step.CONFIRM_PATIENT);
    touch(robot, "#confirm-patient");
    waitForStep(Step.CAPTURING);
    touch(robot, "#view-back");
    touch(robot, "#region-back-54735007-U");
    waitFor(() -> preview.frames().newest() != null);
    touch(robot, "#record");
    waitFor(() -> preview.recordingSinceProperty().get() != null);
    long from = preview.frames().newest().number();
    waitFor(() -> preview.frames().newest().number() > from + 45);
    touch(robot, "#record");
    waitFor(() -> model.shots().size() == 1);
    assertThat(model.shots().get(0).frames().samples()).hasSizeGreaterThan(3);
    waitFor(() -> model.busyProperty().get() == null);
    shot("19-capture-with-clip");
    touch(robot, "#review");
    waitForStep(Step.REVIEWING);

    Slider scrub = robot.lookup("#review-scrub").queryAs(Slider.class);
    assertThat(scrub.isVisible()).isTrue();
    WaitForAsyncUtils.asyncFx(() -> scrub.setValue(scrub.getMax() / 2)).get(30, TimeUnit.SECONDS);
    Label position = robot.lookup("#review-position").queryAs(Label.class);
    java.time.Duration length = model.shots().get(0).frames().length();
    assertThat(position.getText())
        .isEqualTo(
            Names.clock(java.time.Duration.ofMillis(Math.round(scrub.getValue())))
                + " / "
                + Names.clock(length));
    shot("20-review-clip");
    touch(robot, "#review-play");
    waitFor(() -> scrub.getValue() == scrub.getMax());
    waitFor(
        () ->
            robot
                .lookup("#review-play")
                .queryAs(Button.class)
                .getText()
                .equals(Texts.t("review.play")));
  }

  @Test
  void anUnpluggedCameraIsSaidOnThePreviewAndComesBackByItself(FxRobot robot) throws Exception {
    walkTheUnpluggedCamera(robot);
  }

  private void walkTheUnpluggedCamera(FxRobot robot) throws Exception {
    signedIn();
    scan("DEMO-000003");
    waitForStep(Step.CONFIRM_PATIENT);
    touch(robot, "#confirm-patient");
    waitForStep(Step.CAPTURING);
    waitFor(() -> preview.frames().newest() != null);

    camera.unplug();
    waitFor(() -> preview.deviceProblemProperty().get() != null);
    shot("21-capture-camera-unplugged");
    assertThat(robot.lookup("#device-problem").queryAs(Label.class).isVisible()).isTrue();
    camera.plugIn();
    waitFor(() -> preview.deviceProblemProperty().get() == null);
    waitFor(() -> preview.frames().newest() != null);

    touch(robot, "#view-back");
    touch(robot, "#region-back-54735007-U");
    touch(robot, "#shutter");
    waitFor(() -> model.shots().size() == 1);
  }

  @Test
  void signInWithTheKeypadAndAWrongPinIsToldPlainly(FxRobot robot) throws Exception {
    walkTheSignIn(robot);
  }

  private void walkTheSignIn(FxRobot robot) throws Exception {
    waitForStep(Step.SIGNED_OUT);
    shot("22-sign-in");
    robot.clickOn("#sign-in-user").write("nora.n");
    for (String key : new String[] {"#key-1", "#key-2", "#key-3", "#key-4", "#sign-in-ok"}) {
      touch(robot, key);
    }
    waitFor(() -> model.problemProperty().get() != null);
    shot("23-sign-in-refused");
    assertThat(model.state().step()).isEqualTo(Step.SIGNED_OUT);

    robot.clickOn("#sign-in-pin").write("4711").type(KeyCode.ENTER);
    waitForStep(Step.READY_TO_SCAN);
    assertThat(robot.lookup("#operator").queryAs(Label.class).getText()).contains("nora.n");
  }

  /**
   * A station whose operators sign in against the site's directory asks for the password (or a
   * station PIN); with the directory unreachable and the site not letting its own operators in
   * meanwhile, the nurse is told that, not "wrong PIN".
   */
  @Test
  void withADirectorySignInAsksForThePasswordAndSaysWhenTheDirectoryIsDown(FxRobot robot)
      throws Exception {
    DirectorySignIn directory =
        new DirectorySignIn(
            new SiteSettings.Directory(
                java.net.URI.create("ldaps://localhost:" + Storescp.freePort()),
                null,
                null,
                "ou=people,dc=hospital,dc=example",
                "(uid={0})",
                null,
                "cn=bedside-capture,ou=groups,dc=hospital,dc=example",
                null,
                false),
            Tls.jdkDefaults(),
            Duration.ofSeconds(5),
            OperatorStore.in(
                dir, Clock.systemUTC(), new AuditLog(dir.resolve("audit.log"), Clock.systemUTC())));
    model =
        new BedsideModel(
            new CaptureWorkflow(
                Clock.systemDefaultZone(),
                Duration.ofMinutes(5),
                CaptureWorkflow.WhenIdle.END_SESSION),
            finder,
            station,
            directory,
            worker,
            Platform::runLater);
    BedsideApp.Parts signingInAgainstTheDirectory =
        new BedsideApp.Parts(
            model,
            parts.preview(),
            parts.outbox(),
            parts.catalogue(),
            parts.scanCameras(),
            parts.scanner(),
            parts.pedalKey(),
            null,
            parts.settings(),
            parts.files(),
            false,
            parts.ui());
    WaitForAsyncUtils.asyncFx(
            () -> {
              scene = BedsideApp.scene(signingInAgainstTheDirectory);
              stage.setScene(scene);
              stage.sizeToScene();
            })
        .get(30, TimeUnit.SECONDS);
    waitForStep(Step.SIGNED_OUT);
    assertThat(robot.lookup("#sign-in-pin").queryAs(PasswordField.class).getPromptText())
        .isEqualTo("Password or PIN");
    screenshot("32-sign-in-directory");

    robot.clickOn("#sign-in-user").write("nora");
    robot.clickOn("#sign-in-pin").write("Nora-Secret-2").type(KeyCode.ENTER);
    waitFor(() -> model.problemProperty().get() != null);
    screenshot("33-sign-in-directory-down");

    assertThat(model.problemProperty().get())
        .startsWith("Sign-in is not possible now: the directory at ldaps://localhost:")
        .contains("cannot be reached");
    assertThat(model.state().step()).isEqualTo(Step.SIGNED_OUT);
  }

  /** Tabs until the control {@code id} has the focus; fails if Tab never reaches it. */
  private void tabTo(FxRobot robot, String id) {
    moveTo(robot, KeyCode.TAB, id, id);
  }

  /** Presses {@code key} until a control whose id starts with {@code prefix} has the focus. */
  private void moveTo(FxRobot robot, KeyCode key, String prefix, String what) {
    for (int i = 0; i < 60; i++) {
      Node focused = scene.getFocusOwner();
      if (focused != null && focused.getId() != null && focused.getId().startsWith(prefix)) {
        return;
      }
      robot.type(key);
      WaitForAsyncUtils.waitForFxEvents();
    }
    throw new AssertionError(key + " never reaches #" + what + " on this screen");
  }

  @Test
  void theWholeFlowWorksWithTheKeyboardAlone(FxRobot robot) throws Exception {
    waitForStep(Step.SIGNED_OUT);
    waitFor(() -> !preview.cameras().isEmpty());
    tabTo(robot, "sign-in-user");
    robot.write("nora.n").type(KeyCode.ENTER).write("4711").type(KeyCode.ENTER);
    waitForStep(Step.READY_TO_SCAN);

    tabTo(robot, "find-patient");
    robot.type(KeyCode.SPACE);
    tabTo(robot, "search-mrn");
    robot.write("DEMO-000001").type(KeyCode.ENTER);
    waitForStep(Step.CONFIRM_PATIENT);
    tabTo(robot, "confirm-patient");
    robot.type(KeyCode.SPACE);
    waitForStep(Step.CAPTURING);

    tabTo(robot, "site-search");
    robot.write("Forearm").type(KeyCode.ENTER);
    moveTo(robot, KeyCode.TAB, "side-", "the side buttons");
    moveTo(robot, KeyCode.RIGHT, "side-left", "side-left");
    robot.type(KeyCode.SPACE);
    waitFor(() -> preview.frames().newest() != null);
    robot.type(KeyCode.F8);
    waitFor(() -> model.shots().size() == 1);
    assertThat(model.shots().get(0).site().meaning()).isEqualTo("Forearm");
    assertThat(model.shots().get(0).laterality()).isEqualTo(Laterality.LEFT);

    tabTo(robot, "send");
    robot.type(KeyCode.SPACE);
    waitForStep(Step.READY_TO_SCAN);
    assertThat(model.state().unsent()).isZero();

    robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
    waitForStep(Step.LOCKED);
    tabTo(robot, "sign-in-pin");
    robot.write("4711").type(KeyCode.ENTER);
    waitForStep(Step.READY_TO_SCAN);
  }

  /**
   * Asserts that no visible text on the window is English where the German bundle says otherwise: a
   * text left in English is a literal in code, or a key the German bundle lacks.
   */
  private void speaksGerman(String screen) throws Exception {
    screenshot(screen);
    List<String> shown =
        WaitForAsyncUtils.asyncFx(() -> VisibleTexts.of(scene)).get(30, TimeUnit.SECONDS);
    for (String bundle :
        List.of(
            Texts.BUNDLE,
            "org.bedsidecapture.app.ui.model.says",
            "org.bedsidecapture.app.service.check")) {
      ResourceBundle english = ResourceBundle.getBundle(bundle, Locale.ROOT);
      ResourceBundle german = ResourceBundle.getBundle(bundle, Locale.GERMAN);
      java.util.Set<String> germanWords = new java.util.HashSet<>();
      german.keySet().forEach(k -> germanWords.add(german.getString(k)));
      for (String key : english.keySet()) {
        String en = english.getString(key);
        String start = en.contains("{") ? en.substring(0, en.indexOf('{')) : en;
        if (start.strip().length() < 4
            || en.equals(german.getString(key))
            || germanWords.stream().anyMatch(g -> g.startsWith(start))) {
          continue;
        }
        assertThat(shown)
            .as("English '" + en + "' (" + key + ") on " + screen)
            .noneMatch(t -> en.contains("{") ? t.startsWith(start) : t.equals(en));
      }
    }
  }

  /** A walk that runs in English and in German: its screenshots, checked for English words. */
  private interface Walk {
    void run() throws Exception;
  }

  /** Runs {@code walk} on a German station: the window made anew in German, every shot checked. */
  private void inGerman(Walk walk) throws Exception {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMAN);
    german = true;
    try {
      WaitForAsyncUtils.asyncFx(
              () -> {
                scene = BedsideApp.scene(parts);
                stage.setScene(scene);
                stage.sizeToScene();
              })
          .get(30, TimeUnit.SECONDS);
      walk.run();
    } finally {
      german = false;
      Locale.setDefault(before);
    }
  }

  /** A screenshot of a walk that runs in both languages: de-NAME and checked, in German. */
  private void shot(String name) throws Exception {
    if (german) {
      speaksGerman("de-" + name);
    } else {
      screenshot(name);
    }
  }

  /**
   * A station that cannot start (its site file wrong, or naming no EHR) says so on a screen of its
   * own, in the station's language, with the validation's words naming the key, the log's folder
   * and one button that closes it.
   */
  @Test
  void aStationThatCannotStartSaysWhyOnScreenInBothLanguages(FxRobot robot) throws Exception {
    String why =
        "/etc/bedside-capture/site.properties: session.idle-minutes must be a whole number from 1"
            + " to 480";
    Path logs = Path.of("/home/nurse/.local/state/bedside-capture/logs");
    java.util.concurrent.atomic.AtomicInteger closed =
        new java.util.concurrent.atomic.AtomicInteger();
    Locale before = Locale.getDefault();
    try {
      for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN)) {
        Locale.setDefault(language);
        WaitForAsyncUtils.asyncFx(
                () -> {
                  scene = StartRefusedScreen.scene(why, logs, closed::incrementAndGet);
                  stage.setScene(scene);
                  stage.sizeToScene();
                })
            .get(30, TimeUnit.SECONDS);
        if (language == Locale.GERMAN) {
          speaksGerman("de-start-refused");
        } else {
          screenshot("start-refused");
        }
        assertThat(robot.lookup("#start-refused-why").queryLabeled().getText()).isEqualTo(why);
        assertThat(shownTexts()).anyMatch(t -> t.contains(logs.toString()));
        touch(robot, "#start-refused-close");
      }
    } finally {
      Locale.setDefault(before);
    }
    assertThat(closed).hasValue(2);
  }

  /** The main flow and the settings in the high-contrast theme: every word at 7:1 or more. */
  @Test
  void theHighContrastThemeKeepsEveryWordAtSevenToOne(FxRobot robot) throws Exception {
    highContrast = true;
    WaitForAsyncUtils.asyncFx(
            () -> {
              scene = BedsideApp.scene(parts.withHighContrast(true));
              stage.setScene(scene);
              stage.sizeToScene();
            })
        .get(30, TimeUnit.SECONDS);
    waitForStep(Step.SIGNED_OUT);
    screenshot("hc-01-sign-in");
    signedIn();
    screenshot("hc-02-ready-to-scan");
    scan("DEMO-000001");
    waitForStep(Step.CONFIRM_PATIENT);
    screenshot("hc-03-confirm-patient");
    touch(robot, "#confirm-patient");
    waitForStep(Step.CAPTURING);
    touch(robot, "#region-front-14975008-L");
    touch(robot, "#shutter");
    waitFor(() -> model.shots().size() == 1);
    waitFor(() -> model.busyProperty().get() == null);
    screenshot("hc-04-capture");
    touch(robot, "#review");
    waitForStep(Step.REVIEWING);
    screenshot("hc-05-review");
  }

  @Test
  void theClipSpeaksGerman(FxRobot robot) throws Exception {
    inGerman(() -> walkTheClip(robot));
  }

  @Test
  void theUnpluggedCameraSpeaksGerman(FxRobot robot) throws Exception {
    inGerman(() -> walkTheUnpluggedCamera(robot));
  }

  @Test
  void theSignInSpeaksGerman(FxRobot robot) throws Exception {
    inGerman(() -> walkTheSignIn(robot));
  }

  @Test
  void theSearchAndTheWristbandsSpeakGerman(FxRobot robot) throws Exception {
    inGerman(() -> walkTheSearchAndTheWristbands(robot));
  }

  @Test
  void theFreshInstallSpeaksGerman(FxRobot robot) throws Exception {
    inGerman(() -> walkTheFreshInstall(robot));
  }

  @Test
  void theGuardScreensSpeakGerman(FxRobot robot) throws Exception {
    inGerman(() -> walkTheGuards(robot));
  }

  @Test
  void theSettingsSpeakGerman(FxRobot robot) throws Exception {
    inGerman(() -> walkTheSettings(robot));
  }

  @Test
  void theScreensSpeakGermanOnAGermanStation(FxRobot robot) throws Exception {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMAN);
    try {
      WaitForAsyncUtils.asyncFx(
              () -> {
                scene = BedsideApp.scene(parts);
                stage.setScene(scene);
                stage.sizeToScene();
              })
          .get(30, TimeUnit.SECONDS);
      waitForStep(Step.SIGNED_OUT);
      speaksGerman("de-01-sign-in");
      signedIn();
      speaksGerman("de-02-ready-to-scan");
      scan("DEMO-000001");
      waitForStep(Step.CONFIRM_PATIENT);
      speaksGerman("de-03-confirm-patient");
      touch(robot, "#confirm-patient");
      waitForStep(Step.CAPTURING);
      touch(robot, "#region-front-14975008-L");
      touch(robot, "#shutter");
      waitFor(() -> model.shots().size() == 1);
      waitFor(() -> model.busyProperty().get() == null);
      speaksGerman("de-04-capture");
      assertThat(robot.lookup("#site-chosen").queryAs(Label.class).getText())
          .isEqualTo("Unterarm · Links");
      touch(robot, "#review");
      waitForStep(Step.REVIEWING);
      speaksGerman("de-05-review");
      touch(robot, "#lock");
      waitForStep(Step.LOCKED);
      speaksGerman("de-06-locked");
      Platform.runLater(() -> model.signInWithPin("ida", "2580".toCharArray()));
      waitForStep(Step.READY_TO_SCAN);
      speaksGerman("de-07-ready-session-ended");
      assertThat(shownTexts())
          .anyMatch(t -> t.startsWith("Die Sitzung von nora.n endete, als sich ida anmeldete."));
      touch(robot, "#outbox-badge");
      waitFor(() -> robot.lookup("#outbox-panel").tryQuery().isPresent());
      speaksGerman("de-08-outbox-panel");
      touch(robot, "#outbox-close");
    } finally {
      Locale.setDefault(before);
    }
  }

  /**
   * The installer's walk through every section: the archives and the EHR tried on the values as on
   * screen, a secret chosen as a file, the device opened in a chosen mode with its preview, a
   * barcode rule written and tried live, a refused and a good save.
   */
  @Test
  void anInstallerSetsUpTheCartSectionBySection(FxRobot robot) throws Exception {
    walkTheSettings(robot);
  }

  private void walkTheSettings(FxRobot robot) throws Exception {
    signInWithPin(robot, "ida", "2580");
    touch(robot, "#settings");
    waitForStep(Step.SETTINGS);
    shot("24-settings-site");

    touch(robot, "#section-archives");
    TestPki pki = TestPki.create(dir.resolve("pki"));
    try (Storescp trusted = Storescp.tls(dir.resolve("trusted"), pki, false);
        Storescp impostor = Storescp.tls(dir.resolve("impostor"), pki, true)) {
      String good = trusted.tlsUrl();
      String bad = impostor.tlsUrl();
      typeSetting(robot, "#setting-archive-1", orthanc.dicomUrl());
      inView(robot, "#setting-archive-1-commit");
      robot.clickOn("#setting-archive-1-commit");
      robot.clickOn(german ? "Ja" : "Yes");
      typeSetting(robot, "#setting-archive-2", good);
      typeSetting(robot, "#setting-archive-3", bad);
      typeSetting(robot, "#setting-station-listen-address", "127.0.0.1");
      typeSetting(robot, "#setting-station-listen-port", Integer.toString(listenPort));
      typeSetting(robot, "#setting-commitment-timeout-seconds", "20");
      chosenFiles.put("tls.key-store", pki.stationKeyStore());
      chosenFiles.put("tls.key-store-password-file", pki.stationKeyStorePasswordFile());
      chosenFiles.put("tls.trusted-certificates", pki.authority());
      for (String key :
          List.of("tls-key-store", "tls-key-store-password-file", "tls-trusted-certificates")) {
        inView(robot, "#setting-" + key + "-choose");
        robot.clickOn("#setting-" + key + "-choose");
      }
      Path token = Secrets.write(dir.resolve("dicomweb.token"), "test-only-token");
      chosenFiles.put("dicomweb.bearer-token-file", token);
      inView(robot, "#setting-dicomweb-bearer-token-file-choose");
      robot.clickOn("#setting-dicomweb-bearer-token-file-choose");
      waitFor(
          () ->
              robot
                  .lookup("#setting-dicomweb-bearer-token-file")
                  .queryAs(javafx.scene.control.TextField.class)
                  .getText()
                  .equals(token.toAbsolutePath().toString()));
      inView(robot, "#test-archives");
      touch(robot, "#test-archives");
      waitFor(
          () -> robot.lookup("#archives-answers").queryAs(VBox.class).getChildren().size() >= 5);
      inView(robot, "#test-archives");
      shot("25-settings-archives");
      assertThat(shownTexts())
          .anyMatch(t -> t.equals("✔ archive.1 " + orthanc.dicomUrl() + ": " + check("echo.ok")))
          .anyMatch(t -> t.equals("✔ archive.1 " + orthanc.dicomUrl() + ": " + check("commit.ok")))
          .anyMatch(
              t -> t.startsWith("✔ archive.2 " + good + ": TLS") && t.contains("CN=localhost"))
          .anyMatch(t -> t.equals("✔ archive.2 " + good + ": " + check("echo.ok")))
          .anyMatch(t -> t.startsWith("✖ archive.3 " + bad) && t.contains("Untrusted Test CA"))
          .noneMatch(t -> t.contains("test-only-token"));
    }

    touch(robot, "#section-ehr");
    robot.clickOn("#ehr-sample").write("DEMO-000001");
    touch(robot, "#test-ehr");
    waitFor(() -> robot.lookup("#ehr-answers").queryAs(VBox.class).getChildren().size() == 2);
    shot("26-settings-ehr");
    assertThat(shownTexts())
        .anyMatch(
            t -> t.startsWith("✔ fhir.base-url " + ehr.baseUrl() + ": " + check("ehr.ok", "FHIR")))
        .anyMatch(
            t ->
                t.equals(
                    "✔ " + check("lookup.what", "DEMO-000001") + ": " + check("lookup.found")));

    touch(robot, "#section-devices");
    waitFor(() -> preview.frames().newest() != null);
    inView(robot, "#setting-devices-camera-mode");
    robot.clickOn("#setting-devices-camera-mode");
    robot.type(KeyCode.DOWN, KeyCode.DOWN).type(KeyCode.ENTER);
    waitFor(() -> preview.runningMode() != null && preview.modeProperty().get() != null);
    waitFor(() -> preview.runningMode().equals(preview.modeProperty().get()));
    String mode = preview.runningMode().mode();
    waitFor(() -> preview.frames().newest() != null);
    shot("27-settings-devices");

    touch(robot, "#section-barcodes");
    inView(robot, "#setting-barcode-rule-1-pattern");
    robot.clickOn("#setting-barcode-rule-1-pattern").write("V[0-9]{6}");
    inView(robot, "#setting-barcode-rule-1-system");
    robot.clickOn("#setting-barcode-rule-1-system").write("urn:oid:2.16.840.1.113883.3.9999.2");
    inView(robot, "#setting-barcode-rule-1-kind");
    robot.clickOn("#setting-barcode-rule-1-kind");
    robot.clickOn("visit");
    inView(robot, "#setting-barcode-rules");
    robot.clickOn("#setting-barcode-rules").write("ward");
    inView(robot, "#try-barcode");
    robot.clickOn("#try-barcode").write("V123456");
    String visit =
        check(
            "barcode.isIn",
            check("barcode.visit"),
            "V123456",
            "urn:oid:2.16.840.1.113883.3.9999.2");
    String rule = check("barcode.byRule", "1", check("barcode.noCheck"));
    waitFor(() -> shownTexts().stream().anyMatch(t -> t.contains(visit) && t.endsWith(rule)));
    shot("28-settings-barcodes");

    touch(robot, "#section-directory");
    waitFor(() -> robot.lookup("#setting-directory-url").tryQuery().isPresent());
    shot("28b-settings-directory");

    touch(robot, "#section-bedside");
    inView(robot, "#setting-session-idle-minutes");
    robot.doubleClickOn("#setting-session-idle-minutes").write("0");
    touch(robot, "#settings-save");
    waitFor(() -> robot.lookup("#settings-refused").queryAs(Label.class).getText() != null);
    assertThat(robot.lookup("#settings-refused").queryAs(Label.class).getText())
        .contains("session.idle-minutes");
    assertThat(dir.resolve("site.properties")).doesNotExist();
    robot.doubleClickOn("#setting-session-idle-minutes").write("3");
    touch(robot, "#settings-save");
    waitFor(() -> robot.lookup("#settings-saved").queryAs(Label.class).getText() != null);
    shot("29-settings-saved");
    assertThat(SiteSettingsFile.read(StationFolders.inOne(dir)))
        .containsEntry("session.idle-minutes", "3")
        .containsEntry(
            "dicomweb.bearer-token-file",
            chosenFiles.get("dicomweb.bearer-token-file").toAbsolutePath().toString())
        .containsEntry("archive.1", orthanc.dicomUrl())
        .containsEntry("archive.1.commit", "true")
        .containsEntry(
            "tls.trusted-certificates",
            chosenFiles.get("tls.trusted-certificates").toAbsolutePath().toString())
        .containsEntry("devices.camera", preview.cameraProperty().get().name())
        .containsEntry("devices.camera-mode", mode)
        .containsEntry("barcode.rules", "ward")
        .containsEntry("barcode.rule.1.kind", "visit")
        .containsEntry("barcode.rule.1.pattern", "V[0-9]{6}")
        .containsEntry("barcode.rule.1.system", "urn:oid:2.16.840.1.113883.3.9999.2");
    assertThat(Files.readString(dir.resolve("audit.log")))
        .contains("SETTINGS_CHANGED")
        .contains("session.idle-minutes by Zzinstaller^Ida")
        .contains("dicomweb.bearer-token-file by Zzinstaller^Ida")
        .doesNotContain("test-only-token");
    touch(robot, "#settings-back");
    waitForStep(Step.READY_TO_SCAN);
  }

  /**
   * Moves the keyboard's focus to {@code query}, which scrolls it into view as it would for a
   * keyboard user, so that the robot can touch it.
   */
  private void inView(FxRobot robot, String query) throws Exception {
    Node n = robot.lookup(query).query();
    WaitForAsyncUtils.asyncFx(n::requestFocus).get(30, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Types {@code value} into a settings field, brought into view first. */
  private void typeSetting(FxRobot robot, String query, String value) throws Exception {
    inView(robot, query);
    robot.clickOn(query).write(value);
  }

  /** Test connection's words for {@code key}, in the language of the walk. */
  private static String check(String key, Object... args) {
    return org.bedsidecapture.app.service.Words.from(
        "org.bedsidecapture.app.service.check", key, args);
  }

  private List<String> shownTexts() throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> VisibleTexts.of(scene)).get(30, TimeUnit.SECONDS);
  }

  /**
   * A fresh install: no operators but the one-time installer, whose PIN file the sign-in screen
   * names; the installer signs in with it once and adds the station's operators on the settings
   * screen; the nurse added signs in with her own PIN.
   */
  @Test
  void aFreshInstallIsSetUpWithTheOneTimeInstallerPin(FxRobot robot) throws Exception {
    walkTheFreshInstall(robot);
  }

  private void walkTheFreshInstall(FxRobot robot) throws Exception {
    OperatorStore store =
        OperatorStore.in(
            dir, Clock.systemUTC(), new AuditLog(dir.resolve("audit.log"), Clock.systemUTC()));
    store.remove("nora.n", "test");
    store.remove("ida", "test");
    Path file = store.oneTimeInstallerPin().orElseThrow();
    String pin = Files.readString(file).replaceAll("(?s).*: (\\d{8})\\s*$", "$1");
    WaitForAsyncUtils.asyncFx(
            () -> {
              scene = BedsideApp.scene(parts);
              stage.setScene(scene);
              stage.sizeToScene();
            })
        .get(30, TimeUnit.SECONDS);
    waitForStep(Step.SIGNED_OUT);
    waitFor(() -> robot.lookup("#sign-in-one-time").tryQuery().isPresent());
    shot("30-sign-in-first-start");
    assertThat(robot.lookup("#sign-in-one-time").queryAs(Label.class).getText())
        .contains(file.toString());

    signInWithPin(robot, OperatorStore.ONE_TIME_INSTALLER, pin);
    assertThat(file).doesNotExist();
    touch(robot, "#settings");
    waitForStep(Step.SETTINGS);
    touch(robot, "#section-operators");
    robot.clickOn("#operator-user").write("nina.k");
    robot.clickOn("#operator-family").write("Zznurse");
    robot.clickOn("#operator-given").write("Nina");
    inView(robot, "#operator-pin");
    robot.clickOn("#operator-pin").write("2468");
    inView(robot, "#operator-add");
    touch(robot, "#operator-add");
    waitFor(() -> robot.lookup("#operator-remove-nina-k").tryQuery().isPresent());
    inView(robot, "#operator-remove-nina-k");
    shot("31-settings-operators");
    assertThat(store.find("nina.k")).isPresent();
    touch(robot, "#settings-back");
    waitForStep(Step.READY_TO_SCAN);
    touch(robot, "#lock");
    waitForStep(Step.LOCKED);
    Platform.runLater(() -> model.signInWithPin("nina.k", "2468".toCharArray()));
    waitForStep(Step.READY_TO_SCAN);
    assertThat(model.state().operator()).isEqualTo("nina.k");
  }

  @Test
  void aCaptureOperatorIsNotOfferedTheSettings(FxRobot robot) throws Exception {
    signInWithPin(robot, "nora.n", "4711");

    assertThat(robot.lookup("#settings").queryAs(Button.class).isVisible()).isFalse();
  }

  @Test
  void aFullHdScreenShowsTheSameFlowWithNothingCutOrTooSmall(FxRobot robot) throws Exception {
    WaitForAsyncUtils.asyncFx(
            () -> {
              stage.setX(0);
              stage.setY(0);
              stage.setWidth(1920);
              stage.setHeight(1080);
            })
        .get(30, TimeUnit.SECONDS);
    waitFor(() -> scene.getWidth() >= 1900);
    signedIn();
    screenshot("fhd-01-ready-to-scan");
    scan("DEMO-000001");
    waitForStep(Step.CONFIRM_PATIENT);
    screenshot("fhd-02-confirm-patient");
    touch(robot, "#confirm-patient");
    waitForStep(Step.CAPTURING);
    touch(robot, "#region-front-14975008-L");
    touch(robot, "#shutter");
    waitFor(() -> model.shots().size() == 1);
    waitFor(() -> model.busyProperty().get() == null);
    screenshot("fhd-03-capture");
    touch(robot, "#review");
    waitForStep(Step.REVIEWING);
    screenshot("fhd-04-review");
  }

  @Test
  void eachGuardOfTheLookupIsItsOwnScreen(FxRobot robot) throws Exception {
    walkTheGuards(robot);
  }

  private void walkTheGuards(FxRobot robot) throws Exception {
    signedIn();
    scan(SyntheticEhr.SHARED_MRN);
    waitForStep(Step.CHOOSE_RECORD);
    shot("10-guard-choose-record");
    touch(robot, "#guard-action-0");
    waitForStep(Step.READY_TO_SCAN);

    scan(SyntheticEhr.MERGED_MRN);
    waitForStep(Step.CONFIRM_MERGED_RECORD);
    shot("11-confirm-merged-record");
    touch(robot, "#not-this-patient");

    scan(SyntheticEhr.FINISHED_VISIT);
    waitForStep(Step.OVERRIDE_FINISHED_ENCOUNTER);
    shot("12-guard-finished-encounter");
    touch(robot, "#guard-action-0");

    scan(SyntheticEhr.DISCHARGED_MRN);
    waitForStep(Step.NOT_FOUND);
    shot("13-guard-not-found");
    touch(robot, "#guard-action-0");

    scan("NOT-A-WRISTBAND-42");
    waitFor(() -> model.problemProperty().get() != null);
    shot("14-ready-barcode-refused");

    ehrBase.set("http://127.0.0.1:" + Storescp.freePort() + "/fhir");
    scan("DEMO-000001");
    waitForStep(Step.EHR_UNAVAILABLE);
    shot("15-guard-ehr-unavailable");
    touch(robot, "#guard-action-0");
    ehrBase.set(ehr.baseUrl());

    touch(robot, "#lock");
    waitForStep(Step.LOCKED);
    shot("16-locked");
    for (String key : new String[] {"#key-4", "#key-7", "#key-1", "#key-1", "#sign-in-ok"}) {
      touch(robot, key);
    }
    waitForStep(Step.READY_TO_SCAN);
  }

  @Test
  void theManualSearchTheCameraScanAndTheDemoWristbands(FxRobot robot) throws Exception {
    walkTheSearchAndTheWristbands(robot);
  }

  private void walkTheSearchAndTheWristbands(FxRobot robot) throws Exception {
    signedIn();
    touch(robot, "#find-patient");
    robot.clickOn("#search-family").write("Zzexample");
    robot.clickOn("#search-born").write("1984-09-30");
    shot("17-ready-manual-search");
    touch(robot, "#search-by-name");
    waitForStep(Step.CONFIRM_PATIENT);
    touch(robot, "#not-this-patient");
    waitForStep(Step.READY_TO_SCAN);

    touch(robot, "#demo-wristbands");
    waitFor(() -> robot.lookup("#wristband-sheet").tryQuery().isPresent());
    shot("18-demo-wristbands");
    touch(robot, "#wristbands-close");

    touch(robot, "#camera-scan");
    waitForStep(Step.CONFIRM_PATIENT);
    assertThat(model.state().lookup().toString()).contains("DEMO-000001");
    Node name = robot.lookup("#confirm-name").query();
    assertThat(name).isNotNull();
  }
}
