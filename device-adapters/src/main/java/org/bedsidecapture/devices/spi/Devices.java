package org.bedsidecapture.devices.spi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices this station has: every {@link CameraProvider} found, that can work here, asked for
 * its cameras, highest priority first. A provider that fails to load or to list its devices is
 * logged and skipped: one broken driver never takes the others, or the app, down.
 */
public final class Devices {
  private static final Logger LOG = LoggerFactory.getLogger(Devices.class);

  private final List<CameraProvider> providers;
  private final DeviceSettings settings;

  private Devices(List<CameraProvider> providers, DeviceSettings settings) {
    this.providers = providers;
    this.settings = settings;
  }

  /** For tests and for apps that choose their providers themselves. */
  public static Devices of(List<CameraProvider> providers, DeviceSettings settings) {
    List<CameraProvider> sorted = new ArrayList<>(providers);
    sorted.sort(Comparator.comparingInt(CameraProvider::priority).reversed());
    return new Devices(List.copyOf(sorted), settings);
  }

  /**
   * Watches for devices plugged in or out: the list is asked for every {@code every}, and {@code
   * onChange} gets the new list (on the watcher's thread) whenever the devices' ids change. Closing
   * stops watching.
   */
  public AutoCloseable watch(Duration every, Consumer<List<Camera>> onChange) {
    ScheduledExecutorService watcher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "device-watch");
              t.setDaemon(true);
              return t;
            });
    List<String> seen = new ArrayList<>(cameras().stream().map(Camera::id).toList());
    watcher.scheduleWithFixedDelay(
        () -> {
          List<Camera> now = cameras();
          List<String> ids = now.stream().map(Camera::id).toList();
          if (!ids.equals(seen)) {
            seen.clear();
            seen.addAll(ids);
            onChange.accept(now);
          }
        },
        every.toMillis(),
        every.toMillis(),
        TimeUnit.MILLISECONDS);
    return watcher::shutdownNow;
  }

  /** Loads the providers on the class path; they list their devices as {@code settings} say. */
  public static Devices load(DeviceSettings settings) {
    List<CameraProvider> found = new ArrayList<>();
    Iterator<CameraProvider> it = ServiceLoader.load(CameraProvider.class).iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          break;
        }
        CameraProvider p = it.next();
        if (p.availableHere()) {
          found.add(p);
        } else {
          LOG.info("camera provider {} does not work on this machine; skipped", p.name());
        }
      } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
        LOG.warn("a camera provider could not be loaded and is skipped: {}", e.toString());
      }
    }
    found.sort(Comparator.comparingInt(CameraProvider::priority).reversed());
    return new Devices(List.copyOf(found), settings);
  }

  public List<CameraProvider> providers() {
    return providers;
  }

  /** Every device now, highest-priority provider first (call again after a hot-plug). */
  public List<Camera> cameras() {
    List<Camera> all = new ArrayList<>();
    for (CameraProvider p : providers) {
      try {
        all.addAll(p.cameras(settings));
      } catch (DeviceException | RuntimeException e) {
        LOG.warn("camera provider {} could not list its devices: {}", p.name(), e.toString());
      }
    }
    return all;
  }
}
