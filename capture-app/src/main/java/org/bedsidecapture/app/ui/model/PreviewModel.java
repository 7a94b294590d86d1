package org.bedsidecapture.app.ui.model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bedsidecapture.app.service.CaptureSession;
import org.bedsidecapture.app.service.ClipFrames;
import org.bedsidecapture.app.service.Picture;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.spi.Clip;
import org.bedsidecapture.devices.spi.DeviceException;
import org.bedsidecapture.devices.spi.Frame;
import org.bedsidecapture.devices.spi.Recording;
import org.bedsidecapture.devices.spi.VideoFormat;

/**
 * The capture screen's device: which one, its live preview (the newest frame, for the screen to
 * draw at its own pace), the shutter, clip recording with its start time, and the device going away
 * and coming back. Frames arrive on the device's thread; everything the screen binds to changes on
 * {@code ui}.
 */
public final class PreviewModel implements AutoCloseable {
  /**
   * A preview frame copied out of the device's buffer, opaque ARGB, for the screen: already at the
   * size it is shown at (never larger than the device's), so the renderer only copies it.
   */
  public record Shown(long number, int width, int height, int[] argb) {
    /** Copies a device frame (its buffers are the device's) to fit {@code fitWidth × fitHeight}. */
    static Shown of(Frame f, int fitWidth, int fitHeight) {
      double scale =
          Math.min(
              1.0,
              Math.min(
                  (double) Math.max(1, fitWidth) / f.width(),
                  (double) Math.max(1, fitHeight) / f.height()));
      int w = Math.max(1, (int) Math.round(f.width() * scale));
      int h = Math.max(1, (int) Math.round(f.height() * scale));
      int[] column = new int[w];
      for (int x = 0; x < w; x++) {
        column[x] = (int) ((long) x * f.width() / w);
      }
      int[] rgb = f.rgb();
      int[] argb = new int[w * h];
      for (int y = 0; y < h; y++) {
        int from = (int) ((long) y * f.height() / h) * f.width();
        int to = y * w;
        for (int x = 0; x < w; x++) {
          argb[to + x] = 0xFF000000 | rgb[from + column[x]];
        }
      }
      return new Shown(f.number(), w, h, argb);
    }
  }

  /** Where the newest frame is kept for the screen to draw, and how many it drew. */
  public static final class Sink {
    private final AtomicReference<Shown> newest = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicLong drawn =
        new java.util.concurrent.atomic.AtomicLong();

    /** The screen drew a frame (counted for the benchmark's frames shown per second). */
    public void drew() {
      drawn.incrementAndGet();
    }

    /** How many frames the screen drew so far. */
    public long drawn() {
      return drawn.get();
    }

    private record Fit(int width, int height) {}

    private volatile Fit fit = new Fit(Integer.MAX_VALUE, Integer.MAX_VALUE);

    public void accept(Frame f) {
      Fit to = fit;
      newest.set(Shown.of(f, to.width(), to.height()));
    }

    /**
     * The screen shows the preview in this many pixels (0: no limit that way): frames are copied to
     * fit, keeping their shape.
     */
    public void fitTo(int width, int height) {
      fit = new Fit(width > 0 ? width : Integer.MAX_VALUE, height > 0 ? height : Integer.MAX_VALUE);
    }

    public Shown newest() {
      return newest.get();
    }

    void clear() {
      newest.set(null);
    }
  }

  private final BedsideModel bedside;

  /** Lists the devices attached now: slow (native libraries, device queries), run on a worker. */
  public interface Discovery {
    List<Camera> attached() throws Exception;
  }

  private final Discovery discovery;
  private final Executor worker;
  private final Executor ui;
  private final Clock clock;
  private final Duration clipMaxLength;
  private final java.util.concurrent.atomic.AtomicBoolean looking =
      new java.util.concurrent.atomic.AtomicBoolean();
  private boolean wanted;
  private final ObservableList<Camera> cameras = FXCollections.observableArrayList();
  private final ObjectProperty<Camera> camera = new SimpleObjectProperty<>();
  private final ObjectProperty<VideoFormat> mode = new SimpleObjectProperty<>();
  private String preferredCamera;
  private String preferredMode;
  private final ReadOnlyStringWrapper deviceProblem = new ReadOnlyStringWrapper();
  private final ReadOnlyObjectWrapper<Instant> recordingSince = new ReadOnlyObjectWrapper<>();
  private final Sink newest = new Sink();
  private Camera.Preview preview;
  private VideoFormat format;
  private Recording recording;
  private Picture firstFrame;
  private volatile ClipFrames.Sampler sampling;

  /**
   * Starts with no device: {@link #lookAgain()} lists them off the FX thread, so the app's first
   * screen does not wait for the native device libraries.
   */
  public PreviewModel(
      BedsideModel bedside,
      Discovery discovery,
      Executor worker,
      Executor ui,
      Clock clock,
      Duration clipMaxLength) {
    this.bedside = bedside;
    this.discovery = discovery;
    this.worker = worker;
    this.ui = ui;
    this.clock = clock;
    this.clipMaxLength = clipMaxLength;
  }

  /**
   * Lists the attached devices again on the worker (at start, and every few seconds while a device
   * is missing, so a device plugged back in comes back by itself); one listing at a time.
   */
  public void lookAgain() {
    if (!looking.compareAndSet(false, true)) {
      return;
    }
    try {
      listDevices();
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      looking.set(false);
    }
  }

  private void listDevices() {
    worker.execute(
        () -> {
          try {
            List<Camera> now = discovery.attached();
            ui.execute(() -> devicesChanged(now));
          } catch (Exception e) {
            ui.execute(() -> deviceProblem.set(Says.t("device.cannotList", e.getMessage())));
          } finally {
            looking.set(false);
          }
        });
  }

  /**
   * The device and mode the site chose ({@code devices.camera}, {@code devices.camera-mode}), each
   * null for the first device listed and its largest mode up to 1080p.
   */
  public void prefer(String cameraName, String cameraMode) {
    preferredCamera = cameraName;
    preferredMode = cameraMode;
  }

  /** The mode the installer picked on the settings screen; null: the site's, or the largest. */
  public ObjectProperty<VideoFormat> modeProperty() {
    return mode;
  }

  /** The mode the preview runs in now, or null when none runs. */
  public VideoFormat runningMode() {
    return preview == null ? null : format;
  }

  public ObservableList<Camera> cameras() {
    return cameras;
  }

  public ObjectProperty<Camera> cameraProperty() {
    return camera;
  }

  /** Why there is no preview (unplugged, cannot open), with what to do; null when it runs. */
  public ReadOnlyStringProperty deviceProblemProperty() {
    return deviceProblem.getReadOnlyProperty();
  }

  /** When the clip being recorded began; null when not recording. */
  public ReadOnlyObjectProperty<Instant> recordingSinceProperty() {
    return recordingSince.getReadOnlyProperty();
  }

  /** Where the newest preview frame is, for the screen to draw when it changes. */
  public Sink frames() {
    return newest;
  }

  /**
   * Starts the chosen device's preview in the mode picked or preferred, else its largest up to
   * 1080p (the screen shows it).
   */
  public void start() {
    wanted = true;
    open();
  }

  private void open() {
    closeDevice();
    Camera c = camera.get();
    if (c == null) {
      deviceProblem.set(Says.t("device.none"));
      return;
    }
    format = formatFor(c);
    try {
      preview = c.startPreview(format, this::frame, this::gone);
      deviceProblem.set(null);
    } catch (DeviceException e) {
      deviceProblem.set(Says.t("device.cannotOpen", c.name(), e.getMessage()));
    }
  }

  /** The picked mode, else the site's, else the largest up to 1080p. */
  private VideoFormat formatFor(Camera c) {
    VideoFormat picked = mode.get();
    if (picked != null && c.formats().contains(picked)) {
      return picked;
    }
    return c.formats().stream()
        .filter(f -> f.mode().equals(preferredMode))
        .findFirst()
        .orElseGet(
            () ->
                c.formats().stream()
                    .filter(f -> f.width() <= 1920 && f.height() <= 1080)
                    .reduce((a, b) -> a.width() * a.height() >= b.width() * b.height() ? a : b)
                    .orElse(c.formats().get(0)));
  }

  private void frame(Frame f) {
    ClipFrames.Sampler s = sampling;
    if (s != null) {
      s.offer(f.taken(), f.rgb(), f.width(), f.height());
    }
    newest.accept(f);
  }

  private void gone(String why) {
    ui.execute(
        () -> {
          newest.clear();
          recordingSince.set(null);
          deviceProblem.set(Says.t("device.gone", why));
        });
  }

  /**
   * The device list as it is now: the first device is chosen when none was, and a device that went
   * away and came back is opened again while the preview is on screen.
   */
  void devicesChanged(List<Camera> now) {
    Camera chosen = camera.get();
    cameras.setAll(now);
    if (chosen == null) {
      if (!now.isEmpty()) {
        camera.set(
            now.stream()
                .filter(c -> c.name().equals(preferredCamera) || c.id().equals(preferredCamera))
                .findFirst()
                .orElse(now.get(0)));
        if (wanted) {
          open();
        }
      }
      return;
    }
    now.stream()
        .filter(c -> c.id().equals(chosen.id()))
        .findFirst()
        .ifPresent(
            back -> {
              if (wanted && deviceProblem.get() != null) {
                camera.set(back);
                open();
              }
            });
  }

  /** Takes a still in the preview's format. */
  public void shutter() {
    Camera c = camera.get();
    VideoFormat f = format;
    if (c == null || f == null || deviceProblem.get() != null) {
      return;
    }
    Shown seen = newest.newest();
    bedside.capture(
        Says.t("busy.photo"),
        () ->
            bedside
                .session()
                .still(
                    c,
                    f,
                    bedside.siteProperty().get(),
                    bedside.lateralityProperty().get(),
                    seen == null
                        ? null
                        : Picture.ofRgb(
                            seen.argb(), seen.width(), seen.height(), CaptureSession.VIEW_WIDTH)));
  }

  /** Starts or stops recording a clip. */
  public void recordOrStop() {
    if (recording == null) {
      startClip();
    } else {
      stopClip();
    }
  }

  private void startClip() {
    CaptureSession session = bedside.session();
    Shown now = newest.newest();
    if (preview == null || session == null || now == null || bedside.siteProperty().get() == null) {
      return;
    }
    firstFrame = Picture.ofRgb(now.argb(), now.width(), now.height(), 960);
    sampling = new ClipFrames.Sampler();
    try {
      recording = preview.record(session.newClipFile(), clipMaxLength, clip -> ended());
      recordingSince.set(clock.instant());
    } catch (java.io.IOException | RuntimeException e) {
      sampling = null;
      deviceProblem.set(Says.t("device.cannotRecord", e.getMessage()));
    }
  }

  /** The recorder ended on its own (maximum length, device gone): the clip is kept. */
  private void ended() {
    ui.execute(
        () -> {
          if (recording != null) {
            stopClip();
          }
        });
  }

  private void stopClip() {
    Recording r = recording;
    Camera c = camera.get();
    Picture first = firstFrame;
    ClipFrames.Sampler sampled = sampling;
    sampling = null;
    recording = null;
    recordingSince.set(null);
    bedside.capture(
        Says.t("busy.clip"),
        () -> {
          Clip clip = r.stop();
          return bedside
              .session()
              .clip(
                  clip,
                  c,
                  bedside.siteProperty().get(),
                  bedside.lateralityProperty().get(),
                  first,
                  sampled.frames());
        });
  }

  /** Stops the preview (leaving the capture screen); a clip being recorded is finished first. */
  public void stop() {
    wanted = false;
    closeDevice();
  }

  private void closeDevice() {
    if (recording != null) {
      stopClip();
    }
    if (preview != null) {
      preview.close();
      preview = null;
    }
    newest.clear();
  }

  @Override
  public void close() {
    stop();
  }
}
