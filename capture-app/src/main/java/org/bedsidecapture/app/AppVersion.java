package org.bedsidecapture.app;

/** The app's name and version, as the command line, the objects and the installers say it. */
public final class AppVersion {
  private AppVersion() {}

  /** The app's version from the jar manifest, or "development" when run from classes. */
  public static String softwareVersion() {
    String v = AppVersion.class.getPackage().getImplementationVersion();
    return "Bedside Capture " + (v == null ? "development" : v);
  }
}
