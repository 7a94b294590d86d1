package org.bedsidecapture.devices.spi;

import java.util.List;

/** Providers that fail the ways real drivers do, registered for the tests only. */
final class BrokenProviders {
  private BrokenProviders() {}

  /** Its native library is missing: fails while being created. */
  public static final class FailsToLoad implements CameraProvider {
    public FailsToLoad() {
      throw new UnsatisfiedLinkError("no libv4l2 in java.library.path");
    }

    @Override
    public String name() {
      return "fails-to-load";
    }

    @Override
    public int priority() {
      return 50;
    }

    @Override
    public boolean availableHere() {
      return true;
    }

    @Override
    public List<Camera> cameras(DeviceSettings settings) {
      return List.of();
    }
  }

  /** For another operating system. */
  public static final class ElsewhereOnly implements CameraProvider {
    @Override
    public String name() {
      return "elsewhere-only";
    }

    @Override
    public int priority() {
      return 90;
    }

    @Override
    public boolean availableHere() {
      return false;
    }

    @Override
    public List<Camera> cameras(DeviceSettings settings) {
      throw new IllegalStateException("must not be asked");
    }
  }

  /** Loads, but listing its devices fails (a device busy or unplugged mid-listing). */
  public static final class FailsToList implements CameraProvider {
    @Override
    public String name() {
      return "fails-to-list";
    }

    @Override
    public int priority() {
      return 70;
    }

    @Override
    public boolean availableHere() {
      return true;
    }

    @Override
    public List<Camera> cameras(DeviceSettings settings) throws DeviceException {
      throw new DeviceException("device busy");
    }
  }
}
