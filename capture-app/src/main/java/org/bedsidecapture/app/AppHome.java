package org.bedsidecapture.app;

import java.nio.file.Path;

/** Where the app keeps its state: {@code BEDSIDE_CAPTURE_HOME}, or ~/.bedside-capture. */
public final class AppHome {
  public static final String ENV = "BEDSIDE_CAPTURE_HOME";

  private AppHome() {}

  public static Path resolve() {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".bedside-capture");
  }

  /** The app's version from the jar manifest, or "development" when run from classes. */
  public static String softwareVersion() {
    String v = AppHome.class.getPackage().getImplementationVersion();
    return "Bedside Capture " + (v == null ? "development" : v);
  }
}
