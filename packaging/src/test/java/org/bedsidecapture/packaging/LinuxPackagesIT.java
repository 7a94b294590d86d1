package org.bedsidecapture.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.bedsidecapture.dicom.testing.Storescp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code .deb} and {@code .rpm} the build made, as an installer meets them: their metadata; the
 * {@code .deb} installed by dpkg into a temporary root (its maintainer scripts run there, {@code
 * DPKG_ROOT} honoured) with a site file given at install time, its launcher's self-test, an object
 * left waiting in a nurse's outbox, an upgrade to the next version, a removal and a purge — the
 * object is still there after each and is delivered to a real archive (dcmtk's storescp) at the
 * end; a bad site file refused at install naming the key; the {@code .rpm} unpacked, its launcher
 * answering.
 */
class LinuxPackagesIT {
  @TempDir Path work;

  private static Path built(String type) throws IOException {
    try (Stream<Path> made = Files.list(Path.of("target", type))) {
      return made.filter(p -> p.toString().endsWith("." + type)).findFirst().orElseThrow();
    }
  }

  /** An empty dpkg database in {@code root}: dpkg installs there as into a machine of its own. */
  private static Path dpkgRoot(Path root) throws IOException {
    Files.createDirectories(root.resolve("var/lib/dpkg/info"));
    Files.createDirectories(root.resolve("var/lib/dpkg/updates"));
    Files.createDirectories(root.resolve("var/log"));
    Files.writeString(root.resolve("var/lib/dpkg/status"), "");
    return root;
  }

  private static String[] dpkg(Path root, String... args) {
    String[] head = {
      "dpkg",
      "--root=" + root,
      "--force-script-chrootless",
      "--force-depends",
      "--force-not-root",
      "--log=" + root.resolve("var/log/dpkg.log")
    };
    String[] all = new String[head.length + args.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(args, 0, all, head.length, args.length);
    return all;
  }

  @Test
  void theDebsMetadataNamesThePackageItsVersionWhatItNeedsAndItsScripts() throws Exception {
    String info = Program.ok(Map.of(), "dpkg-deb", "-I", built("deb").toString());

    assertThat(info)
        .contains("Package: bedside-capture")
        .contains("Version: 0.1.0")
        .contains("Section: medical")
        .contains("Architecture: amd64")
        .contains("maintainers@bedsidecapture.invalid")
        .contains("Encounter-based point-of-care imaging capture")
        .containsPattern("Depends: .*libc6")
        .containsPattern("Depends: .*libgtk-3-0")
        .contains("postinst")
        .contains("prerm")
        .contains("postrm");
  }

  @Test
  void theRpmsMetadataNamesThePackageItsLicenceWhatItNeedsAndItsScripts() throws Exception {
    String rpm = built("rpm").toString();
    String info = Program.ok(Map.of(), "rpm", "-qip", rpm);
    String scripts = Program.ok(Map.of(), "rpm", "-qp", "--scripts", rpm);
    String requires = Program.ok(Map.of(), "rpm", "-qpR", rpm);

    assertThat(info)
        .containsPattern("Name\\s*: bedside-capture")
        .containsPattern("Version\\s*: 0.1.0")
        .containsPattern("License\\s*: Apache-2.0 AND GPL-3.0-or-later")
        .contains("Bedside Capture project")
        .contains("Encounter-based point-of-care imaging capture");
    assertThat(scripts)
        .contains("station-package.sh configure")
        .contains("station-package.sh remove");
    assertThat(requires).contains("gtk3").contains("libX11");

    Path root = Files.createDirectories(work.resolve("rpm-root"));
    Program.ok(
        Map.of(),
        "sh",
        "-c",
        "cd '" + root + "' && rpm2cpio '" + Path.of(rpm).toAbsolutePath() + "' | cpio -idm");
    assertThat(
            Program.ok(
                Program.account(work),
                root.resolve("opt/bedside-capture/bin/bedside-capture").toString(),
                "--version"))
        .contains("Bedside Capture 0.1.0");
  }

  @Test
  void installedWithASiteFileUpgradedRemovedAndPurgedTheWaitingCaptureIsKeptAndDelivered()
      throws Exception {
    Path root = dpkgRoot(work.resolve("root"));
    Path nurse = Files.createDirectories(root.resolve("home/nurse"));
    int archivePort = Storescp.freePort();
    Path siteFile = work.resolve("ed-cart-7.properties");
    Files.writeString(
        siteFile,
        "station.name=ED-CART-7\n"
            + "station.ae-title=EDCART7\n"
            + "archive.1=dicom://"
            + Storescp.AE_TITLE
            + "@127.0.0.1:"
            + archivePort
            + "\n");
    Map<String, String> installer = Map.of("BEDSIDE_CAPTURE_SITE", siteFile.toString());
    Path launcher = root.resolve("opt/bedside-capture/bin/bedside-capture");
    Map<String, String> asTheNurse = new HashMap<>(Program.account(nurse));
    asTheNurse.put("BEDSIDE_CAPTURE_SITE_DIR", root.resolve("etc/bedside-capture").toString());

    String installed = Program.ok(installer, dpkg(root, "-i", built("deb").toString()));

    assertThat(installed).contains("site settings taken from " + siteFile);
    Path site = root.resolve("etc/bedside-capture/site.properties");
    assertThat(site).hasContent(Files.readString(siteFile));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(site)))
        .isEqualTo("rw-r--r--");
    assertThat(root.resolve("usr/share/applications/bedside-capture.desktop"))
        .content()
        .contains("Exec=/opt/bedside-capture/bin/bedside-capture")
        .contains("Exec=/opt/bedside-capture/bin/bedside-capture-diagnostic");
    assertThat(root.resolve("usr/share/icons/hicolor/256x256/apps/bedside-capture.png")).exists();
    assertThat(Program.ok(asTheNurse, launcher.toString(), "--version"))
        .contains("Bedside Capture 0.1.0");
    assertThat(Program.ok(asTheNurse, launcher.toString(), "self-test"))
        .contains("self-test: passed");

    Path photo = work.resolve("wound.jpg");
    ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "jpg", photo.toFile());
    Path object = work.resolve("wound.dcm");
    Program.ok(Map.of(), "img2dcm", photo.toString(), object.toString());
    Program refused =
        Program.run(
            asTheNurse,
            launcher.toString(),
            "send",
            "--to",
            "dicom://" + Storescp.AE_TITLE + "@127.0.0.1:" + archivePort,
            object.toString());
    assertThat(refused.exit()).as(refused.said()).isEqualTo(1);
    Path outbox = nurse.resolve(".local/share/bedside-capture/outbox");
    assertThat(waiting(asTheNurse, launcher)).as("waiting before the upgrade").isEqualTo(1);

    Program.ok(Map.of(), dpkg(root, "-i", nextVersion(built("deb")).toString()));
    assertThat(
            Program.ok(
                Map.of(),
                "dpkg-query",
                "--admindir=" + root.resolve("var/lib/dpkg"),
                "-W",
                "bedside-capture"))
        .contains("0.1.1");
    assertThat(site).hasContent(Files.readString(siteFile));
    assertThat(waiting(asTheNurse, launcher)).as("waiting after the upgrade").isEqualTo(1);

    String removed = Program.ok(Map.of(), dpkg(root, "-r", "bedside-capture"));
    assertThat(removed).contains("kept: the outbox " + outbox);
    assertThat(root.resolve("usr/share/applications/bedside-capture.desktop")).doesNotExist();
    assertThat(launcher).doesNotExist();
    assertThat(site).exists();
    String purged = Program.ok(Map.of(), dpkg(root, "--purge", "bedside-capture"));
    assertThat(purged).contains("every account's outbox was kept");
    assertThat(site).doesNotExist();
    try (Stream<Path> kept = Files.walk(outbox)) {
      assertThat(kept.filter(Files::isRegularFile).count()).isPositive();
    }

    Program.ok(installer, dpkg(root, "-i", built("deb").toString()));
    assertThat(waiting(asTheNurse, launcher))
        .as("waiting after a purge and a new install")
        .isEqualTo(1);
    try (Storescp archive = Storescp.start(work.resolve("archive"), archivePort)) {
      Program.ok(asTheNurse, launcher.toString(), "outbox", "retry");
      assertThat(archive.received()).as("objects the archive received").hasSize(1);
    }
    assertThat(waiting(asTheNurse, launcher)).isZero();
  }

  @Test
  void aBadSiteFileGivenAtInstallIsRefusedNamingTheKeyAndNotTaken() throws Exception {
    Path root = dpkgRoot(work.resolve("root"));
    Path bad = work.resolve("bad.properties");
    Files.writeString(bad, "station.name=ED-CART-7\nsession.idle-minutes=0\n");

    Program install =
        Program.run(
            Map.of("BEDSIDE_CAPTURE_SITE", bad.toString()),
            dpkg(root, "-i", built("deb").toString()));

    assertThat(install.exit()).isNotZero();
    assertThat(install.said())
        .contains("session.idle-minutes")
        .contains("the site file " + bad + " was not taken");
    assertThat(root.resolve("etc/bedside-capture/site.properties")).doesNotExist();
  }

  /** How many objects wait in the nurse's outbox, as {@code outbox status} says. */
  private static long waiting(Map<String, String> env, Path launcher) throws Exception {
    String status = Program.ok(env, launcher.toString(), "outbox", "status");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("objects: (\\d+)").matcher(status);
    assertThat(m.find()).as(status).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** The same package as version 0.1.1: what an upgrade installs over this one. */
  private Path nextVersion(Path deb) throws Exception {
    Path tree = work.resolve("next");
    Program.ok(Map.of(), "dpkg-deb", "-R", deb.toString(), tree.toString());
    Path control = tree.resolve("DEBIAN/control");
    Files.writeString(
        control, Files.readString(control).replaceFirst("(?m)^Version: .*$", "Version: 0.1.1-1"));
    Path next = work.resolve("bedside-capture_0.1.1-1_amd64.deb");
    Program.ok(Map.of(), "dpkg-deb", "-Znone", "-b", tree.toString(), next.toString());
    return next;
  }
}
