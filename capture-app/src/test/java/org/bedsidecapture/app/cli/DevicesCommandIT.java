package org.bedsidecapture.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `devices` as an installer runs it, on a machine with no camera (as CI). */
class DevicesCommandIT {
  @TempDir Path dir;

  @Test
  void listsWhatTheStationSeesAsTheSiteSettingsShapeIt() throws Exception {
    Path home = dir.resolve("home");
    Jar.Run all = Jar.run(home, dir, "devices");

    assertThat(all.exitCode()).as(all.err()).isZero();
    assertThat(all.out())
        .contains("synthetic-camera  Synthetic camera")
        .contains("synthetic-ultrasound")
        .contains("(frame grabber)")
        .contains("    1920x1080@30.0 RAW");

    Files.createDirectories(home);
    Files.writeString(home.resolve("site.properties"), "devices.synthetic=false\n");
    Jar.Run ward = Jar.run(home, dir, "devices");

    assertThat(ward.exitCode()).as(ward.err()).isZero();
    assertThat(ward.out()).isEqualTo("no camera or frame grabber found\n");
  }
}
