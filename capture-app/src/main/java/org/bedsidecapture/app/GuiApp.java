package org.bedsidecapture.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.collections.transformation.FilteredList;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.bedsidecapture.app.audit.AuditTrail;
import org.bedsidecapture.app.demo.DemoSite;
import org.bedsidecapture.app.demo.WristbandSheet;
import org.bedsidecapture.app.fhir.demo.SyntheticEhr;
import org.bedsidecapture.app.operators.Authenticator;
import org.bedsidecapture.app.operators.DirectorySignIn;
import org.bedsidecapture.app.operators.OperatorStore;
import org.bedsidecapture.app.service.CaptureStation;
import org.bedsidecapture.app.service.DeliveryService;
import org.bedsidecapture.app.service.EncounterFinder;
import org.bedsidecapture.app.service.OperatorAudit;
import org.bedsidecapture.app.service.StationCheck;
import org.bedsidecapture.app.settings.Archive;
import org.bedsidecapture.app.settings.SettingsException;
import org.bedsidecapture.app.settings.SiteSettings;
import org.bedsidecapture.app.settings.SiteSettingsFile;
import org.bedsidecapture.app.ui.BedsideApp;
import org.bedsidecapture.app.ui.model.BedsideModel;
import org.bedsidecapture.app.ui.model.OutboxModel;
import org.bedsidecapture.app.ui.model.PreviewModel;
import org.bedsidecapture.app.ui.model.SettingsModel;
import org.bedsidecapture.app.workflow.CaptureWorkflow;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.Devices;
import org.bedsidecapture.devices.stills.JpegEncoder;
import org.bedsidecapture.devices.synthetic.SyntheticCamera;
import org.bedsidecapture.devices.synthetic.SyntheticCameraProvider;
import org.bedsidecapture.dicom.BodySiteCatalogue;
import org.bedsidecapture.dicom.outbox.Outbox;

/**
 * The composition root of the bedside app: one instance per station, the outbox held while it runs,
 * the delivery service sending in the background, the EHR (or the demo's), the devices, the models,
 * and the window. Returns the process's exit code when the window is closed.
 */
public final class GuiApp {
  /**
   * With this system property true, the app prints READY once its first screen is laid out and
   * closes: how {@code bench-app} times a cold start.
   */
  static final String READY_SIGNAL = "bedside.signal-ready";

  /** The same through the environment, for a launcher that takes no JVM options (jpackage's). */
  static final String READY_SIGNAL_ENV = "BEDSIDE_CAPTURE_SIGNAL_READY";

  private GuiApp() {}

  /** Whether this process can open a window. */
  public static boolean displayAvailable() {
    return !blank(System.getenv("DISPLAY"))
        || !blank(System.getenv("WAYLAND_DISPLAY"))
        || "Monocle".equals(System.getProperty("glass.platform"))
        || !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
  }

  /**
   * The models of the app's window on the station's services, the OS user signed in; their results
   * are published on the FX thread. The devices are listed in the background.
   *
   * @param scanCameras the cameras the wristband can be scanned with; null for the attached ones
   * @param operators who signs in; null where no operators are set up (the OS user is signed in)
   */
  static BedsideApp.Parts parts(
      AppContext app,
      SiteSettings settings,
      EncounterFinder finder,
      CaptureStation station,
      Outbox outbox,
      DeliveryService delivery,
      PreviewModel.Discovery discovery,
      List<Camera> scanCameras,
      BedsideApp.Demo demo,
      Authenticator operators,
      List<Archive> archives,
      String fhirBase,
      java.util.concurrent.Executor worker,
      AuditTrail trail) {
    CaptureWorkflow workflow =
        new CaptureWorkflow(
            app.clock(),
            settings.idleTimeout(),
            operators == null
                ? CaptureWorkflow.WhenIdle.END_SESSION
                : CaptureWorkflow.WhenIdle.LOCK,
            settings.sendWhenTakenOver()
                ? CaptureWorkflow.WhenTakenOver.SEND
                : CaptureWorkflow.WhenTakenOver.KEEP);
    OperatorAudit audit =
        OperatorAudit.of(workflow, AppOutbox.audit(app.folders().data(), app.clock()), trail);
    BedsideModel model =
        new BedsideModel(
            workflow,
            finder,
            station,
            operators == null ? null : audit.recordingRefusals(operators),
            worker,
            Platform::runLater);
    if (operators == null) {
      model.signIn(System.getProperty("user.name", "unknown"));
    }
    PreviewModel preview =
        new PreviewModel(
            model,
            discovery,
            Executors.newSingleThreadExecutor(
                r -> {
                  Thread t = new Thread(r, "bedside-devices");
                  t.setDaemon(true);
                  return t;
                }),
            Platform::runLater,
            app.clock(),
            settings.clipMaxLength());
    preview.prefer(settings.cameraName(), settings.cameraMode());
    preview.lookAgain();
    OutboxModel outboxModel = new OutboxModel(outbox, delivery, worker, Platform::runLater);
    return new BedsideApp.Parts(
        model,
        preview,
        outboxModel,
        BodySiteCatalogue.standard(),
        scanCameras != null
            ? scanCameras
            : new FilteredList<>(preview.cameras(), c -> c.kind() == Camera.Kind.CAMERA),
        settings.scanner(),
        KeyCode.valueOf(settings.pedalKey()),
        demo,
        settingsModel(app, archives, fhirBase, delivery, operators, worker),
        org.bedsidecapture.app.ui.FilePicker.DIALOG,
        settings.highContrast(),
        Platform::runLater);
  }

  /**
   * The installer's settings screen on the site file: Test connection and barcodes tried on the
   * values as edited (where they name no archive or EHR, those in force, e.g. the demo's), changes
   * saved through the same safe change as {@code settings set}.
   */
  static SettingsModel settingsModel(
      AppContext app,
      List<Archive> archivesInForce,
      String fhirInForce,
      DeliveryService delivery,
      Authenticator operators,
      java.util.concurrent.Executor worker) {
    java.nio.file.Path file = app.folders().siteFile();
    java.util.Properties written;
    try {
      written = SiteSettingsFile.read(app.folders());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("read at start a moment ago: " + file, e);
    }
    return new SettingsModel(
        written,
        (what, edited, samples) -> {
          SiteSettings s;
          try {
            s = SiteSettings.of(edited, app.folders());
          } catch (SettingsException e) {
            return List.of(new StationCheck.Finding(SiteSettings.FILE_NAME, false, e.getMessage()));
          }
          StationCheck.Peers peers =
              app.stationPeers(
                  s,
                  s.archives().isEmpty() ? archivesInForce : s.archives(),
                  s.fhirBaseUrl() == null ? fhirInForce : s.fhirBaseUrl(),
                  delivery::tryCommitment);
          return what == SettingsModel.Test.ARCHIVES
              ? StationCheck.archives(peers)
              : StationCheck.ehr(peers, samples);
        },
        (edited, sample) -> StationCheck.barcode(edited, file, sample),
        (changes, who) ->
            SiteSettingsFile.change(
                app.folders(),
                changes,
                who,
                AppOutbox.audit(app.folders().data(), app.clock()),
                app.auditTrail(new java.io.PrintWriter(System.err, true))),
        operators instanceof OperatorStore store
            ? store
            : operators instanceof DirectorySignIn directory ? directory.stationOperators() : null,
        worker,
        Platform::runLater);
  }

  /** Delivers to {@code archives} in the background, as the site settings say. */
  static DeliveryService delivery(AppContext app, Outbox outbox, List<Archive> archives)
      throws SettingsException {
    return new DeliveryService(
            outbox, archives, app.archiveDelivery(), app.commitmentListener(), app.clock())
        .start();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * Runs the app until its window is closed.
   *
   * @param demo on embedded defaults: the demo EHR, the demo archive, the synthetic devices
   */
  public static int run(AppContext app, boolean demo, PrintWriter err) throws Exception {
    SiteSettings settings;
    try {
      settings = app.settings();
    } catch (SettingsException e) {
      return refuse(app, e.getMessage(), err);
    }
    if (settings.language() != null) {
      Locale.setDefault(settings.language());
    }
    Optional<InstanceLock> instance = InstanceLock.take(app.folders().data());
    if (instance.isEmpty()) {
      InstanceLock.askToRaise(app.folders().data());
      err.println(
          "bedside-capture: the app is already running on this station ("
              + InstanceLock.holder(app.folders().data())
              + "): its window was brought to the front");
      err.flush();
      return 3;
    }
    List<AutoCloseable> closing = new ArrayList<>();
    try (InstanceLock held = instance.get()) {
      CompletableFuture<Void> toolkit = startToolkit();
      String fhirBase;
      List<Archive> archives;
      PreviewModel.Discovery discovery;
      List<Camera> scanCameras = null;
      BedsideApp.Demo demoParts = null;
      Authenticator operators;
      if (demo) {
        DemoSite site = DemoSite.start(app.fhir(), app.folders().data().resolve("demo"), err);
        closing.add(site);
        fhirBase = site.fhirBaseUrl();
        archives = site.archives();
        demoParts =
            new BedsideApp.Demo(
                site.wristbandSheet(), site.archiveFolder(), DemoSite.NURSE, DemoSite.NURSE_PIN);
        operators = site.operators(app.clock());
        discovery = SyntheticCameraProvider::devices;
        scanCameras =
            List.of(
                SyntheticCamera.pointedAt(WristbandSheet.label(SyntheticEhr.wristbands().get(0))));
      } else {
        fhirBase = settings.fhirBaseUrl();
        archives = settings.archives();
        if (fhirBase == null || archives.isEmpty()) {
          return refuse(
              app,
              (fhirBase == null ? "fhir.base-url" : "archive.1")
                  + " is not set in "
                  + app.folders().siteFile()
                  + "; to try the app without an EHR and an archive, run: bedside-capture demo",
              err);
        }
        discovery = attachedDevices(settings);
        OperatorStore store =
            OperatorStore.in(
                    app.folders().settings(),
                    app.clock(),
                    AppOutbox.audit(app.folders().data(), app.clock()))
                .reportingTo(app.auditTrail());
        store
            .oneTimeInstallerPin()
            .ifPresent(
                pin ->
                    err.println(
                        "bedside-capture: no installer is set up at this station yet: sign in as "
                            + OperatorStore.ONE_TIME_INSTALLER
                            + " with the one-time PIN written in "
                            + pin));
        err.flush();
        operators =
            settings.directory() == null
                ? store
                : new DirectorySignIn(
                    settings.directory(), settings.tls(), settings.dicomTimeout(), store);
      }
      AuditTrail trail = app.auditTrail();
      String launcher = System.getProperty("user.name", "unknown");
      trail.applicationStarted(launcher);
      closing.add(
          0,
          () -> {
            trail.applicationStopped(launcher);
            app.close();
          });
      Outbox outbox = app.openOutbox("the capture app", err);
      closing.add(0, outbox);
      CaptureStation station = app.captureStation(outbox, archives);
      DeliveryService delivery = delivery(app, outbox, archives);
      closing.add(0, delivery);
      ExecutorService worker =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "bedside-worker");
                t.setDaemon(true);
                return t;
              });
      EncounterFinder finder = app.encounterFinder(fhirBase);
      BedsideApp.Demo demoShown = demoParts;
      Authenticator signingIn = operators;
      List<Archive> archivesInForce = archives;
      String ehrInForce = fhirBase;
      List<Camera> scanWith = scanCameras;
      PreviewModel.Discovery devices = discovery;
      CountDownLatch closed = new CountDownLatch(1);
      toolkit.get();
      Platform.runLater(
          () -> {
            BedsideApp.Parts parts =
                parts(
                    app,
                    settings,
                    finder,
                    station,
                    outbox,
                    delivery,
                    devices,
                    scanWith,
                    demoShown,
                    signingIn,
                    archivesInForce,
                    ehrInForce,
                    worker,
                    trail);
            Stage stage = new Stage();
            stage.setTitle("Bedside Capture" + (demo ? " (demo)" : ""));
            stage.setScene(BedsideApp.scene(parts));
            stage.setOnHidden(
                e -> {
                  parts.preview().close();
                  closed.countDown();
                });
            stage.show();
            raiseWhenAsked(held, stage, err);
            worker.execute(GuiApp::warmUpTheStill);
            if (Boolean.getBoolean(READY_SIGNAL)
                || "true".equals(System.getenv(READY_SIGNAL_ENV))) {
              stage
                  .getScene()
                  .addPostLayoutPulseListener(
                      new Runnable() {
                        @Override
                        public void run() {
                          stage.getScene().removePostLayoutPulseListener(this);
                          System.out.println("READY");
                          System.out.flush();
                          stage.hide();
                        }
                      });
            }
          });
      closed.await();
      worker.shutdown();
      return 0;
    } finally {
      Platform.exit();
      for (AutoCloseable c : closing) {
        try {
          c.close();
        } catch (IOException | RuntimeException e) {
          err.println("bedside-capture: while closing: " + e.getMessage());
        }
      }
      err.flush();
    }
  }

  /**
   * The devices attached to this station: the providers are loaded once (their native libraries are
   * the slow part), then asked for their devices at each call; called on one thread.
   */
  private static PreviewModel.Discovery attachedDevices(SiteSettings settings) {
    Devices[] loaded = {null};
    return () -> {
      if (loaded[0] == null) {
        loaded[0] = Devices.load(settings.devices());
      }
      return loaded[0].cameras();
    };
  }

  /**
   * Loads the JPEG encoder's native library while the user scans, so that the first shutter of the
   * day does not wait ~0.4 s for it.
   */
  private static void warmUpTheStill() {
    JpegEncoder.fastest();
  }

  /**
   * The app cannot start at this station: says {@code why} on stderr (and so in the log) and on a
   * screen of its own until it is closed; exit code 2.
   */
  private static int refuse(AppContext app, String why, PrintWriter err) throws Exception {
    err.println("bedside-capture: " + why);
    err.flush();
    startToolkit().get();
    CountDownLatch closed = new CountDownLatch(1);
    Platform.runLater(
        () -> {
          Stage stage = new Stage();
          stage.setTitle("Bedside Capture");
          stage.setScene(
              org.bedsidecapture.app.ui.StartRefusedScreen.scene(
                  why, app.folders().logs(), stage::close));
          stage.setOnHidden(e -> closed.countDown());
          stage.show();
        });
    closed.await();
    Platform.exit();
    return 2;
  }

  /**
   * Starts JavaFX on a thread of its own, so that the toolkit comes up while the outbox opens and
   * the services start.
   */
  private static CompletableFuture<Void> startToolkit() {
    CompletableFuture<Void> up = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                Platform.setImplicitExit(true);
                Platform.startup(() -> up.complete(null));
              } catch (RuntimeException e) {
                up.completeExceptionally(e);
              }
            },
            "bedside-fx-start");
    t.setDaemon(true);
    t.start();
    return up;
  }

  /** A second start on this station brings this window to the front, restored if minimized. */
  private static void raiseWhenAsked(InstanceLock held, Stage stage, PrintWriter err) {
    try {
      held.onRaiseAsked(
          () ->
              Platform.runLater(
                  () -> {
                    stage.setIconified(false);
                    stage.toFront();
                    stage.requestFocus();
                  }));
    } catch (IOException e) {
      err.println("bedside-capture: a second start cannot raise this window: " + e.getMessage());
    }
  }
}
