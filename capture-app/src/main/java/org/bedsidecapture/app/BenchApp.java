package org.bedsidecapture.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.bedsidecapture.app.demo.DemoSite;
import org.bedsidecapture.app.service.CaptureStation;
import org.bedsidecapture.app.service.DeliveryService;
import org.bedsidecapture.app.settings.SiteSettings;
import org.bedsidecapture.app.ui.BedsideApp;
import org.bedsidecapture.app.workflow.CaptureWorkflow;
import org.bedsidecapture.devices.synthetic.SyntheticCameraProvider;
import org.bedsidecapture.dicom.BodySiteCatalogue;
import org.bedsidecapture.dicom.outbox.Outbox;

/**
 * {@code bench-app}: the bedside app's figures on this machine, on a display (Xvfb will do): cold
 * start of the installed-like app to its first screen, scan to the confirm screen (warm), shutter
 * to thumbnail, the 1080p30 preview's frames shown per second and CPU, and the heap after a
 * simulated shift of 200 sessions against after the first 10. Not a test: it prints figures.
 */
final class BenchApp {
  private static final String WRISTBAND = "DEMO-000001";

  private final AppContext app;
  private final PrintWriter out;
  private final PrintWriter err;

  private BenchApp(AppContext app, PrintWriter out, PrintWriter err) {
    this.app = app;
    this.out = out;
    this.err = err;
  }

  static int run(AppContext app, PrintWriter out, PrintWriter err) throws Exception {
    if (!GuiApp.displayAvailable()) {
      err.println("bench-app: needs a display (run it under xvfb-run)");
      return 2;
    }
    return new BenchApp(app, out, err).all();
  }

  private int all() throws Exception {
    Path home = Files.createTempDirectory("bench-app");
    try (DemoSite site = DemoSite.start(app.fhir(), home.resolve("site"), err)) {
      Files.writeString(
          home.resolve(SiteSettings.FILE_NAME),
          "fhir.base-url="
              + site.fhirBaseUrl()
              + "\narchive.1="
              + site.archives().get(0).url()
              + "\n");
      coldStart(home);
      inProcess(site);
    }
    return 0;
  }

  /**
   * The app started as a station starts it, to its first screen laid out: from the jar (with the
   * build's class-data-sharing archive beside it, when there is one) and, when the installers were
   * built, from the app image's launcher on its jlinked runtime — taking turns, so that both meet
   * the machine in the same state.
   */
  private void coldStart(Path home) throws Exception {
    Path jar = Path.of(BenchApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path archive = jar.resolveSibling("bedside-capture.jsa");
    List<String> fromJar = new ArrayList<>(List.of("java"));
    if (Files.exists(archive)) {
      fromJar.add("-XX:SharedArchiveFile=" + archive);
    }
    fromJar.addAll(List.of("-D" + GuiApp.READY_SIGNAL + "=true", "-jar", jar.toString()));
    Path installed =
        Path.of(
            System.getProperty(
                "bench.installed", "packaging/target/image/bedside-capture/bin/bedside-capture"));
    List<Double> jarSeconds = new ArrayList<>();
    List<Double> installedSeconds = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      jarSeconds.add(toFirstScreen(fromJar, home));
      if (Files.isExecutable(installed)) {
        installedSeconds.add(toFirstScreen(List.of(installed.toString()), home));
      }
    }
    out.printf(
        "cold start to the first screen, Sign in (java -jar, %s, %d runs): %s (goal < 2 s)%n",
        Files.exists(archive) ? "with the CDS archive" : "no CDS archive",
        jarSeconds.size(),
        medianAndBest(jarSeconds));
    if (installedSeconds.isEmpty()) {
      out.println(
          "cold start of the installed app: no app image at "
              + installed
              + " (./bedside.sh installers builds it)");
    } else {
      out.printf(
          "cold start to the first screen, Sign in (the app image's launcher, jlinked runtime, %d"
              + " runs): %s; %.2fx the jar's median%n",
          installedSeconds.size(),
          medianAndBest(installedSeconds),
          median(installedSeconds) / median(jarSeconds));
    }
    out.flush();
  }

  /** Seconds from starting {@code command} until the app says its first screen is laid out. */
  private static double toFirstScreen(List<String> command, Path home) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put(org.bedsidecapture.app.settings.StationFolders.HOME_ENV, home.toString());
    pb.environment().put(GuiApp.READY_SIGNAL_ENV, "true");
    long start = System.nanoTime();
    Process p = pb.start();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.equals("READY")) {
          double seconds = (System.nanoTime() - start) / 1e9;
          p.waitFor(30, TimeUnit.SECONDS);
          p.destroy();
          return seconds;
        }
      }
    }
    p.waitFor(30, TimeUnit.SECONDS);
    throw new IllegalStateException(
        "bench-app: " + command.get(0) + " did not reach its first screen");
  }

  private static double median(List<Double> seconds) {
    List<Double> sorted = new ArrayList<>(seconds);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static String medianAndBest(List<Double> seconds) {
    return String.format("median %.2f s, best %.2f s", median(seconds), Collections.min(seconds));
  }

  /** The app's window in this JVM, on the demo site, driven through its models. */
  private void inProcess(DemoSite site) throws Exception {
    Path home = Files.createTempDirectory("bench-app-station");
    AppContext station = new AppContext(home, Clock.systemUTC());
    SiteSettings settings = station.settings();
    ExecutorService worker = Executors.newSingleThreadExecutor();
    try (Outbox outbox = station.openOutbox("bench-app", err);
        DeliveryService delivery = GuiApp.delivery(station, outbox, site.archives())) {
      CaptureStation capture = station.captureStation(outbox, site.archives());
      var finder = station.encounterFinder(site.fhirBaseUrl());
      CompletableFuture<BedsideApp.Parts> made = new CompletableFuture<>();
      CompletableFuture<Scene> shown = new CompletableFuture<>();
      Platform.startup(
          () -> {
            BedsideApp.Parts parts =
                GuiApp.parts(
                    station,
                    settings,
                    finder,
                    capture,
                    outbox,
                    delivery,
                    SyntheticCameraProvider::devices,
                    List.of(),
                    null,
                    null,
                    site.archives(),
                    site.fhirBaseUrl(),
                    worker,
                    org.bedsidecapture.app.audit.AuditTrail.none());
            Stage stage = new Stage();
            stage.setScene(BedsideApp.scene(parts));
            stage.show();
            made.complete(parts);
            shown.complete(stage.getScene());
          });
      BedsideApp.Parts parts = made.get(60, TimeUnit.SECONDS);
      Scene scene = shown.get(60, TimeUnit.SECONDS);
      scanToConfirm(parts, scene);
      shutterToThumbnail(parts, scene);
      preview(parts);
      shift(parts, scene, outbox);
    } finally {
      worker.shutdownNow();
      Platform.exit();
    }
  }

  private void scanToConfirm(BedsideApp.Parts parts, Scene scene) throws Exception {
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      long start = System.nanoTime();
      fx(() -> parts.model().scanned(WRISTBAND));
      await(() -> parts.model().state().step() == CaptureWorkflow.Step.CONFIRM_PATIENT);
      afterPulse(scene);
      double took = (System.nanoTime() - start) / 1e6;
      if (i >= 20) {
        ms.add(took);
      }
      fx(() -> parts.model().scanAgain());
      await(() -> parts.model().state().step() == CaptureWorkflow.Step.READY_TO_SCAN);
    }
    report("scan to confirm screen laid out (demo EHR on loopback, warm, 100 scans)", ms, 100);
  }

  private void shutterToThumbnail(BedsideApp.Parts parts, Scene scene) throws Exception {
    confirmWithSite(parts);
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      int before = parts.model().shots().size();
      long start = System.nanoTime();
      fx(() -> parts.preview().shutter());
      await(() -> parts.model().shots().size() == before + 1);
      afterPulse(scene);
      double took = (System.nanoTime() - start) / 1e6;
      if (i >= 10) {
        ms.add(took);
      }
      await(() -> parts.model().busyProperty().get() == null);
    }
    report("shutter to thumbnail, 1920x1080 still, in the encrypted outbox (50 shots)", ms, 150);
  }

  private void preview(BedsideApp.Parts parts) throws Exception {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] fxThread = {0};
    fx(() -> fxThread[0] = Thread.currentThread().getId());
    List<Long> display = new ArrayList<>(List.of(fxThread[0]));
    List<Long> device = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("QuantumRenderer")) {
        display.add(t.getId());
      } else if (t.getName().startsWith("preview-")) {
        device.add(t.getId());
      }
    }
    long frames0 = parts.preview().frames().drawn();
    long cpu0 = os.getProcessCpuTime();
    long display0 = cpuOf(threads, display);
    long device0 = cpuOf(threads, device);
    long t0 = System.nanoTime();
    Thread.sleep(10_000);
    long frames = parts.preview().frames().drawn() - frames0;
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    out.printf(
        "preview 1920x1080 at 30 frames/s: %.1f frames shown per second; display (FX thread and"
            + " renderer) %.0f%% of one core (goal < 25%%); the device's thread (the synthetic"
            + " source drawing and the copy for the screen) %.0f%%; whole app %.0f%%%n",
        frames / wall,
        100 * (cpuOf(threads, display) - display0) / 1e9 / wall,
        100 * (cpuOf(threads, device) - device0) / 1e9 / wall,
        100 * cpu / wall);
    out.flush();
  }

  private static long cpuOf(ThreadMXBean threads, List<Long> ids) {
    long sum = 0;
    for (long id : ids) {
      sum += Math.max(0, threads.getThreadCpuTime(id));
    }
    return sum;
  }

  private void shift(BedsideApp.Parts parts, Scene scene, Outbox outbox) throws Exception {
    fx(() -> parts.model().send());
    await(() -> parts.model().state().step() == CaptureWorkflow.Step.READY_TO_SCAN);
    long afterTen = 0;
    for (int session = 1; session <= 200; session++) {
      fx(() -> parts.model().scanned(WRISTBAND));
      await(() -> parts.model().state().step() == CaptureWorkflow.Step.CONFIRM_PATIENT);
      confirmWithSite(parts);
      for (int shot = 1; shot <= 3; shot++) {
        int n = shot;
        fx(() -> parts.preview().shutter());
        await(() -> parts.model().shots().size() == n);
        await(() -> parts.model().busyProperty().get() == null);
      }
      fx(() -> parts.model().send());
      await(() -> parts.model().state().step() == CaptureWorkflow.Step.READY_TO_SCAN);
      if (session == 10) {
        afterTen = usedHeapAfterGc(outbox);
      }
    }
    long afterShift = usedHeapAfterGc(outbox);
    out.printf(
        "heap after a shift of 200 sessions (3 photos each, sent and delivered): %.1f MB, after"
            + " the first 10: %.1f MB%n",
        afterShift / 1e6, afterTen / 1e6);
    out.flush();
  }

  private static void confirmWithSite(BedsideApp.Parts parts) throws Exception {
    if (parts.model().state().step() != CaptureWorkflow.Step.CONFIRM_PATIENT) {
      fx(() -> parts.model().scanned(WRISTBAND));
      await(() -> parts.model().state().step() == CaptureWorkflow.Step.CONFIRM_PATIENT);
    }
    fx(() -> parts.model().confirm());
    await(() -> parts.model().state().step() == CaptureWorkflow.Step.CAPTURING);
    fx(
        () ->
            parts
                .model()
                .siteProperty()
                .set(BodySiteCatalogue.standard().bySnomedId("54735007").orElseThrow()));
    await(() -> parts.preview().frames().newest() != null);
  }

  /** The heap in use once the outbox has delivered everything and the collector ran. */
  private static long usedHeapAfterGc(Outbox outbox) throws Exception {
    await(() -> outbox.entries().isEmpty());
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private void report(String what, List<Double> ms, double goalP95) {
    Collections.sort(ms);
    double p50 = ms.get(ms.size() / 2);
    double p95 = ms.get((int) Math.ceil(ms.size() * 0.95) - 1);
    out.printf(
        "%s: p50 %.0f ms, p95 %.0f ms, max %.0f ms (goal p95 < %.0f ms)%n",
        what, p50, p95, ms.get(ms.size() - 1), goalP95);
    out.flush();
  }

  private static void fx(Runnable r) throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    Platform.runLater(
        () -> {
          try {
            r.run();
          } finally {
            done.countDown();
          }
        });
    done.await(60, TimeUnit.SECONDS);
  }

  /** Waits until the next pulse has laid the scene out. */
  private static void afterPulse(Scene scene) throws Exception {
    CountDownLatch pulsed = new CountDownLatch(1);
    Platform.runLater(
        () ->
            scene.addPostLayoutPulseListener(
                new Runnable() {
                  @Override
                  public void run() {
                    scene.removePostLayoutPulseListener(this);
                    pulsed.countDown();
                  }
                }));
    pulsed.await(60, TimeUnit.SECONDS);
  }

  private static void await(BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("bench-app: a step did not finish within 60 s");
      }
      Thread.sleep(1);
    }
  }
}
