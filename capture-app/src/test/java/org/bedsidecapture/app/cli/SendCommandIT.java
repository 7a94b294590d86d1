package org.bedsidecapture.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bedsidecapture.app.AppContext;
import org.bedsidecapture.app.fhir.demo.SyntheticEncounters;
import org.bedsidecapture.dicom.testing.Orthanc;
import org.bedsidecapture.dicom.testing.Secrets;
import org.bedsidecapture.dicom.testing.Storescp;
import org.bedsidecapture.dicom.testing.TestMedia;
import org.bedsidecapture.dicom.testing.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * send, echo and outbox as a user runs them, against dcmtk's storescp; the app's home is a
 * temporary folder (BEDSIDE_CAPTURE_HOME is read by a child JVM, so these run the jar).
 */
class SendCommandIT {
  /** What each test sends: three photos wrapped by the wrap command. */
  private static final int OBJECTS = 3;

  @TempDir Path dir;
  private Path home;
  private Path wrapped;
  private Path bundle;

  @BeforeEach
  void wrapSomePhotos() throws Exception {
    home = dir.resolve("home");
    wrapped = dir.resolve("wrapped");
    bundle = dir.resolve("bundle.json");
    Files.writeString(
        bundle,
        FhirContext.forR4Cached()
            .newJsonParser()
            .encodeResourceToString(SyntheticEncounters.bundle(SyntheticEncounters.CASES.get(0))));
    List<String> args =
        new ArrayList<>(
            List.of(
                "wrap",
                "--context",
                bundle.toString(),
                "--body-site",
                "54735007",
                "--laterality",
                "U",
                "--out",
                wrapped.toString()));
    for (int i = 0; i < OBJECTS; i++) {
      args.add(TestMedia.write(dir, "photo-" + i + ".jpg", TestMedia.jpeg(320, 240)).toString());
    }
    int rc =
        BedsideCaptureCommand.commandLine(
                new AppContext(dir.resolve("wrap-home"), Clock.systemUTC()))
            .execute(args.toArray(String[]::new));
    assertThat(rc).isZero();
  }

  private Jar.Run jar(Path appHome, String... args) throws Exception {
    return Jar.run(appHome, dir, args);
  }

  @Test
  void theDemoDeliversThroughTheOutboxToItsOwnArchiveAndLeavesNoPlaintextObject() throws Exception {
    Path demoHome = dir.resolve("demo-home");
    Jar.Run demo = jar(demoHome, "demo");
    assertThat(demo.exitCode()).as(demo.err()).isZero();

    List<String> taken = new ArrayList<>();
    Matcher m = Pattern.compile("taken into the outbox[^:]*: ([0-9.]+)").matcher(demo.out());
    while (m.find()) {
      taken.add(m.group(1));
    }
    assertThat(taken).hasSize(3);
    Path archive = demoHome.resolve("demo").resolve("archive");
    try (var kept = Files.list(archive)) {
      assertThat(kept.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(taken);
    }
    assertThat(jar(demoHome, "outbox", "status").out()).contains("objects: 0");
    assertThat(Files.readString(demoHome.resolve("audit.log")))
        .contains("SESSION_STARTED")
        .contains("found-by=barcode")
        .contains("SESSION_SENT")
        .contains("PURGED");
    try (var all = Files.walk(demoHome)) {
      List<Path> plaintext =
          all.filter(Files::isRegularFile)
              .filter(f -> !f.startsWith(archive))
              .filter(SendCommandIT::isDicom)
              .toList();
      assertThat(plaintext).as("DICOM objects left outside the archive").isEmpty();
    }
  }

  private static boolean isDicom(Path f) {
    try (var in = Files.newInputStream(f)) {
      byte[] head = in.readNBytes(132);
      return head.length == 132
          && new String(head, 128, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("DICM");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void sendDeliversAndEmptiesTheOutbox() throws Exception {
    try (Storescp archive = Storescp.start(dir.resolve("archive"))) {
      assertThat(jar(home, "echo", archive.url()).exitCode()).isZero();

      Jar.Run send = jar(home, "send", "--to", archive.url(), wrapped.toString());

      assertThat(send.exitCode()).as(send.err()).isZero();
      assertThat(send.out()).contains(OBJECTS + " delivered, 0 refused");
      assertThat(archive.received()).hasSize(OBJECTS);
      assertThat(jar(home, "outbox", "status").out()).contains("objects: 0");
    }
  }

  @Test
  void sendOverDicomTlsWithTheStationCertificateFromTheSiteSettings() throws Exception {
    TestPki pki = TestPki.create(dir.resolve("pki"));
    Files.createDirectories(home);
    Files.writeString(
        home.resolve("site.properties"),
        "tls.key-store="
            + pki.stationKeyStore()
            + "\ntls.key-store-password-file="
            + pki.stationKeyStorePasswordFile()
            + "\ntls.trusted-certificates="
            + pki.authority()
            + "\n");
    int port = Storescp.freePort();
    try (Storescp archive =
        Storescp.start(
            dir.resolve("archive"),
            port,
            "+tls",
            pki.serverKey().toString(),
            pki.serverCertificate().toString(),
            "+cf",
            pki.authority().toString())) {
      String url = "dicom-tls://" + Storescp.AE_TITLE + "@127.0.0.1:" + port;
      assertThat(jar(home, "echo", url).exitCode()).isZero();

      Jar.Run send = jar(home, "send", "--to", url, wrapped.toString());

      assertThat(send.exitCode()).as(send.err()).isZero();
      assertThat(archive.received()).hasSize(OBJECTS);
    }
  }

  @Test
  void whatCouldNotBeDeliveredStaysAndIsDeliveredByRetry() throws Exception {
    int port = Storescp.freePort();
    String url = "dicom://" + Storescp.AE_TITLE + "@127.0.0.1:" + port;
    Path notDicom = TestMedia.write(dir, "photo.jpg", TestMedia.jpeg(16, 16));

    Jar.Run send = jar(home, "send", "--to", url, wrapped.toString(), notDicom.toString());

    assertThat(send.exitCode()).isEqualTo(1);
    assertThat(send.err())
        .contains(notDicom + ": not a DICOM file (no Part 10 header)")
        .contains("not reachable");
    assertThat(send.out())
        .contains("0 delivered, 0 refused (kept in quarantine), " + OBJECTS + " failed");
    Jar.Run echo = jar(home, "echo", url);
    assertThat(echo.exitCode()).isEqualTo(1);
    assertThat(echo.err()).startsWith("echo: archive " + url + " not reachable");
    assertThat(jar(home, "outbox", "list").out().lines())
        .hasSize(OBJECTS)
        .allMatch(l -> l.contains(" failed "));
    assertThat(jar(home, "outbox", "status").out()).contains("failed:      " + OBJECTS);

    try (Storescp archive = Storescp.start(dir.resolve("archive"), port)) {
      Jar.Run retry = jar(home, "outbox", "retry");
      assertThat(retry.exitCode()).as(retry.err()).isZero();
      assertThat(archive.received()).hasSize(OBJECTS);
    }
    assertThat(jar(home, "outbox", "status").out()).contains("objects: 0");
    assertThat(Files.readString(home.resolve("audit.log")).lines()).hasSize(OBJECTS);
  }

  @Test
  void sendWithCommitmentEmptiesTheOutboxOnlyWhenTheArchiveCommitted() throws Exception {
    int listen = Storescp.freePort();
    Files.createDirectories(home);
    Files.writeString(
        home.resolve("site.properties"),
        "station.ae-title=BEDSIDE\nstation.listen-address=127.0.0.1\ncommitment.timeout-seconds=20\n");
    try (Orthanc orthanc =
        Orthanc.start(
            dir.resolve("orthanc"), Orthanc.Options.plain().withStation("BEDSIDE", listen))) {
      Jar.Run send =
          jar(
              home,
              "send",
              "--to",
              orthanc.dicomUrl(),
              "--commit",
              "--listen",
              Integer.toString(listen),
              wrapped.toString());

      assertThat(send.exitCode()).as(send.err()).isZero();
      assertThat(send.out())
          .contains(OBJECTS + " delivered")
          .contains(OBJECTS + " of " + OBJECTS + " committed");
      assertThat(orthanc.instances()).contains(",");
      assertThat(jar(home, "outbox", "status").out()).contains("objects: 0");
    }
  }

  @Test
  void sendByStowRsWithCredentialsFromAProtectedFile() throws Exception {
    Files.createDirectories(home);
    Path secret =
        Secrets.write(dir.resolve("dicomweb.auth"), Orthanc.USER + ":" + Orthanc.PASSWORD);
    Files.writeString(home.resolve("site.properties"), "dicomweb.basic-auth-file=" + secret + "\n");
    try (Orthanc orthanc =
        Orthanc.start(dir.resolve("orthanc"), Orthanc.Options.plain().withAuthentication())) {
      Jar.Run send = jar(home, "send", "--to", orthanc.dicomWebBase(), wrapped.toString());

      assertThat(send.exitCode()).as(send.err()).isZero();
      assertThat(send.out()).contains(orthanc.dicomWebBase() + ": " + OBJECTS + " delivered");
      assertThat(jar(home, "outbox", "status").out()).contains("objects: 0");
    }
  }

  /** Wraps {@code count} photos of the demo encounter into {@code dir/name}; returns their UIDs. */
  private java.util.Set<String> wrapPhotos(String name, int count) throws Exception {
    Path many = Files.createDirectories(dir.resolve(name));
    List<String> wrapArgs =
        new ArrayList<>(
            List.of(
                "wrap",
                "--context",
                bundle.toString(),
                "--body-site",
                "54735007",
                "--laterality",
                "U",
                "--out",
                many.toString()));
    for (int i = 0; i < count; i++) {
      wrapArgs.add(TestMedia.write(dir, name + i + ".jpg", TestMedia.jpeg(1600, 1200)).toString());
    }
    assertThat(jar(home, wrapArgs.toArray(String[]::new)).exitCode()).isZero();
    java.util.Set<String> uids = new java.util.TreeSet<>();
    try (var files = Files.list(many)) {
      files.forEach(f -> uids.add(f.getFileName().toString().replace(".dcm", "")));
    }
    return uids;
  }

  /** Starts {@code send} in a child JVM on this test's home, its output to files named by tag. */
  private Process startSend(String tag, String to, Path files) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            "java",
            "-jar",
            Path.of("target", "bedside-capture.jar").toAbsolutePath().toString(),
            "send",
            "--to",
            to,
            files.toString());
    pb.environment().put("BEDSIDE_CAPTURE_HOME", home.toString());
    return pb.redirectOutput(dir.resolve(tag + ".out").toFile())
        .redirectError(dir.resolve(tag + ".err").toFile())
        .start();
  }

  private java.util.Set<String> sopInstanceUids(List<Path> files) throws Exception {
    java.util.Set<String> uids = new java.util.TreeSet<>();
    for (Path f : files) {
      uids.add(org.bedsidecapture.dicom.testing.DicomTools.dcmdumpValue(f, "0008,0018"));
    }
    return uids;
  }

  @Test
  void twoSendsOnOneOutboxTakeTurnsAndDeliverEverything() throws Exception {
    java.util.Set<String> first = wrapPhotos("first", 30);
    java.util.Set<String> second = wrapPhotos("second", 30);
    try (Storescp archive = Storescp.start(dir.resolve("archive"))) {
      Process a = startSend("a", archive.url(), dir.resolve("first"));
      Process b = startSend("b", archive.url(), dir.resolve("second"));

      assertThat(a.waitFor()).as(Files.readString(dir.resolve("a.err"))).isZero();
      assertThat(b.waitFor()).as(Files.readString(dir.resolve("b.err"))).isZero();
      java.util.Set<String> all = new java.util.TreeSet<>(first);
      all.addAll(second);
      assertThat(sopInstanceUids(archive.received())).isEqualTo(all);
    }
    assertThat(jar(home, "outbox", "status").out()).contains("objects: 0");
  }

  @Test
  void aSendWaitsWhileAnotherProcessHoldsTheOutboxAndSaysWhich() throws Exception {
    java.util.Set<String> photos = wrapPhotos("held", 3);
    try (Storescp archive = Storescp.start(dir.resolve("archive"))) {
      Process send;
      try (var held =
          org.bedsidecapture.dicom.outbox.Outbox.open(
              home.resolve("outbox"),
              org.bedsidecapture.dicom.outbox.OutboxKey.openOrCreate(
                  home.resolve("keys").resolve("outbox.key")),
              java.time.Clock.systemUTC(),
              org.bedsidecapture.dicom.outbox.RetryPolicy.standard(),
              new org.bedsidecapture.dicom.outbox.AuditLog(
                  home.resolve("audit.log"), java.time.Clock.systemUTC()),
              org.bedsidecapture.dicom.outbox.OutboxLock.Owner.noWait("the capture app"))) {
        send = startSend("waiting", archive.url(), dir.resolve("held"));
        Path err = dir.resolve("waiting.err");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(err).contains("waiting for the outbox")
            && send.isAlive()
            && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        assertThat(Files.readString(err))
            .contains(
                "waiting for the outbox: it is in use by 'the capture app' (process "
                    + ProcessHandle.current().pid());
        assertThat(archive.received()).isEmpty();
      }
      assertThat(send.waitFor()).as(Files.readString(dir.resolve("waiting.err"))).isZero();
      assertThat(sopInstanceUids(archive.received())).isEqualTo(photos);
    }
  }

  @Test
  void aSendKilledMidBatchLosesNothingAndDuplicatesNothing() throws Exception {
    java.util.Set<String> sent = wrapPhotos("many", 40);
    Path many = dir.resolve("many");

    int port = Storescp.freePort();
    Path received = dir.resolve("archive");
    try (Storescp slow = Storescp.start(received, port, "--sleep-after", "1")) {
      Process send = startSend("killed", slow.url(), many);
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (slow.received().size() < 2 && send.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      send.destroyForcibly().waitFor();
      assertThat(slow.received().size()).as("killed while sending").isBetween(1, 39);
    }
    try (Storescp archive = Storescp.start(received, port)) {
      Jar.Run retry = jar(home, "outbox", "retry");

      assertThat(retry.exitCode()).as(retry.err()).isZero();
      assertThat(sopInstanceUids(archive.received()))
          .as("every object arrived, none under a new UID")
          .isEqualTo(sent);
    }
    assertThat(jar(home, "outbox", "status").out()).contains("objects: 0");
  }

  @Test
  void badArgumentsQueueNothing() throws Exception {
    Jar.Run bad = jar(home, "send", "--to", "pacs.example:104", wrapped.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("is not dicom://AET@HOST:PORT");
    Jar.Run badKey =
        jar(home, "send", "--to", "http://127.0.0.1:9/dicom-web", "--commit", wrapped.toString());
    assertThat(badKey.exitCode()).isEqualTo(2);
    assertThat(badKey.err()).contains("a STOW-RS answer is final");
  }
}
