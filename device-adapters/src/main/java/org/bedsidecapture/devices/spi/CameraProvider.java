package org.bedsidecapture.devices.spi;

import java.util.List;

/**
 * A source of cameras, found with {@link java.util.ServiceLoader} (listed in {@code
 * META-INF/services/org.bedsidecapture.devices.spi.CameraProvider}): a library's cameras, frame
 * grabbers, or the synthetic devices.
 */
public interface CameraProvider {
  /** For the log and the settings. */
  String name();

  /** Higher first when the device list is built. */
  int priority();

  /** Whether it can work on this machine (operating system, native library present). */
  boolean availableHere();

  /** The devices it sees now, as the site's settings shape the list; called again on hot-plug. */
  List<Camera> cameras(DeviceSettings settings) throws DeviceException;
}
