package org.bedsidecapture.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What jpackage is asked for each installer, including those this machine cannot build (the .msi on
 * Windows, the .pkg on macOS): their resources, their upgrade identity, their launchers.
 */
class AppImageTest {
  private static final AppImage.Product PRODUCT =
      new AppImage.Product(
          "0.1.0",
          "Encounter-based point-of-care imaging capture",
          "Bedside Capture project",
          "maintainers@bedsidecapture.invalid",
          Path.of("LICENSE"),
          "Apache-2.0 AND GPL-3.0-or-later");
  private static final Path RESOURCES = Path.of("src/jpackage");

  private static String joined(String[] args) {
    return String.join(" ", args);
  }

  @Test
  void theMsiUpgradesInPlaceWithItsOwnWixProductAndMenuEntries() {
    String msi =
        joined(
            AppImage.installer(
                "msi", Path.of("image/bedside-capture"), RESOURCES, PRODUCT, Path.of("msi")));

    assertThat(msi)
        .contains("--type msi")
        .contains("--win-upgrade-uuid " + AppImage.WINDOWS_UPGRADE_CODE)
        .contains("--resource-dir " + RESOURCES.resolve("windows"))
        .contains("--win-menu")
        .contains("--win-shortcut")
        .doesNotContain("--linux");
    assertThat(RESOURCES.resolve("windows/main.wxs"))
        .content()
        .contains("SourceProperty=\"SITEFILE\"")
        .contains("<MajorUpgrade")
        .contains("Permanent=\"yes\"");
  }

  @Test
  void thePkgTakesASiteFileBesideItWithItsPostinstallScript() {
    String pkg =
        joined(
            AppImage.installer(
                "pkg", Path.of("image/bedside-capture.app"), RESOURCES, PRODUCT, Path.of("pkg")));

    assertThat(pkg)
        .contains("--type pkg")
        .contains("--mac-package-identifier " + AppImage.MAC_IDENTIFIER)
        .contains("--resource-dir " + RESOURCES.resolve("macos"));
    assertThat(RESOURCES.resolve("macos/postinstall"))
        .content()
        .contains("$(dirname \"$1\")/site.properties")
        .contains("settings validate");
    assertThat(AppImage.Os.MACOS.imageName()).isEqualTo("bedside-capture.app");
  }

  @Test
  void theLinuxPackagesNameTheirLicenceAndWhatJavafxOpensByName() {
    String deb =
        joined(AppImage.installer("deb", Path.of("image"), RESOURCES, PRODUCT, Path.of("deb")));
    String rpm =
        joined(AppImage.installer("rpm", Path.of("image"), RESOURCES, PRODUCT, Path.of("rpm")));

    assertThat(deb).contains("--linux-package-deps libgtk-3-0, libgl1").contains("medical");
    assertThat(rpm)
        .contains("--linux-rpm-license-type Apache-2.0 AND GPL-3.0-or-later")
        .contains("gtk3");
  }

  @Test
  void windowsGetsAConsoleLauncherForTheCommandsBesideTheDiagnosticOne() {
    assertThat(AppImage.Os.of("Windows 11").otherLaunchers())
        .containsKeys(AppImage.DIAGNOSTIC, "bedside-capture-cli");
    assertThat(AppImage.Os.of("Windows 11").otherLaunchers().get("bedside-capture-cli"))
        .contains("win-console=true")
        .contains("-Dbedside.layout=installed");
    assertThat(AppImage.Os.of("Linux").otherLaunchers()).containsOnlyKeys(AppImage.DIAGNOSTIC);

    String image =
        joined(
            AppImage.appImage(
                AppImage.Os.WINDOWS,
                PRODUCT,
                Path.of("input"),
                Path.of("runtime"),
                RESOURCES,
                List.of("bedside-capture-cli=cli.properties"),
                Path.of("image")));
    assertThat(image)
        .contains("--icon " + RESOURCES.resolve("windows/bedside-capture.ico"))
        .contains("--add-launcher bedside-capture-cli=cli.properties")
        .contains("--java-options -XX:MaxRAMPercentage=40");
  }
}
