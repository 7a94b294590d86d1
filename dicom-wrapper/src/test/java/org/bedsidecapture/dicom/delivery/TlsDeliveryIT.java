package org.bedsidecapture.dicom.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.bedsidecapture.dicom.Laterality;
import org.bedsidecapture.dicom.PersonName;
import org.bedsidecapture.dicom.WrappedObject;
import org.bedsidecapture.dicom.outbox.DeliveryState;
import org.bedsidecapture.dicom.outbox.Outbox;
import org.bedsidecapture.dicom.testing.Contexts;
import org.bedsidecapture.dicom.testing.Orthanc;
import org.bedsidecapture.dicom.testing.Storescp;
import org.bedsidecapture.dicom.testing.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DICOM TLS to dcmtk's storescp (which requires a client certificate, BCP 195 non-downgrading
 * profile) and STOW-RS over HTTPS to Orthanc, with certificates from a throw-away test authority;
 * and every mismatch a site can get wrong, each with a message that says what to check.
 */
class TlsDeliveryIT {
  @TempDir static Path shared;
  private static TestPki pki;
  @TempDir Path dir;
  private Outbox outbox;
  private List<WrappedObject> objects;

  @BeforeAll
  static void makeCertificates() throws Exception {
    pki = TestPki.create(shared.resolve("pki"));
  }

  @BeforeEach
  void setUp() throws Exception {
    outbox = Contexts.outbox(dir, Clock.systemUTC());
    objects =
        Contexts.wrappedPhotos(
            dir, Contexts.withName(PersonName.of("Zztest", "Tls")), "72696002", Laterality.LEFT, 2);
  }

  private Tls station() throws Exception {
    return Tls.configure(
        pki.stationKeyStore(),
        Files.readString(pki.stationKeyStorePasswordFile()).toCharArray(),
        pki.authority());
  }

  private Storescp tlsArchive(boolean impostor) throws Exception {
    return Storescp.tls(dir.resolve("archive"), pki, impostor);
  }

  private SendReport send(String url, Tls tls) throws Exception {
    DicomDestination d = DicomDestination.parse(url);
    for (WrappedObject o : objects) {
      outbox.put(o.file(), List.of(d.name()));
    }
    return new CStoreArchiveSender(d, "BEDSIDE", Duration.ofSeconds(10), true, tls)
        .send(outbox, outbox.due(d.name()));
  }

  @Test
  void mutualTlsDeliversEveryObject() throws Exception {
    try (Storescp archive = tlsArchive(false)) {
      CStoreArchiveSender echo =
          new CStoreArchiveSender(
              DicomDestination.parse(archive.tlsUrl()),
              "BEDSIDE",
              Duration.ofSeconds(10),
              true,
              station());
      assertThat(echo.echo()).isNull();

      SendReport report = send(archive.tlsUrl(), station());

      assertThat(report.allDelivered()).as(report.toString()).isTrue();
      assertThat(archive.received()).hasSize(2);
      assertThat(outbox.entries()).isEmpty();
      assertThatThrownBy(
              () -> {
                try (var s =
                    (javax.net.ssl.SSLSocket)
                        javax.net.ssl.SSLContext.getDefault()
                            .getSocketFactory()
                            .createSocket("127.0.0.1", archive.port())) {
                  s.startHandshake();
                }
              })
          .as(
              "other users of the JVM's default context still get the JDK's own (it trusts no"
                  + " test authority), not the station's")
          .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
    }
  }

  @Test
  void twoSendersWithOtherTlsSettingsInOneJvmKeepTheirOwn() throws Exception {
    try (Storescp archive = tlsArchive(false)) {
      DicomDestination d = DicomDestination.parse(archive.tlsUrl());
      CStoreArchiveSender withCertificate =
          new CStoreArchiveSender(d, "BEDSIDE", Duration.ofSeconds(10), true, station());
      CStoreArchiveSender withoutCertificate =
          new CStoreArchiveSender(
              d,
              "BEDSIDE",
              Duration.ofSeconds(10),
              true,
              Tls.configure(null, null, pki.authority()));
      java.util.concurrent.ExecutorService two =
          java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        List<java.util.concurrent.Future<String>> with = new java.util.ArrayList<>();
        List<java.util.concurrent.Future<String>> without = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
          with.add(two.submit(withCertificate::echo));
          without.add(two.submit(withoutCertificate::echo));
        }
        for (int i = 0; i < 5; i++) {
          assertThat(with.get(i).get()).as("echo %d with the station's certificate", i).isNull();
          assertThat(without.get(i).get())
              .as("echo %d without a certificate", i)
              .isNotNull()
              .contains("certificate");
        }
      } finally {
        two.shutdownNow();
      }
    }
  }

  @Test
  void anArchiveWithACertificateFromAnUntrustedAuthorityGetsNothing() throws Exception {
    try (Storescp impostor = tlsArchive(true)) {
      SendReport report = send(impostor.tlsUrl(), station());

      assertThat(report.count(SendReport.Outcome.FAILED)).isEqualTo(2);
      assertThat(report.results().get(0).message())
          .contains("not signed by an authority this station trusts");
      assertThat(impostor.received()).isEmpty();
      assertThat(outbox.entries())
          .allMatch(e -> e.deliveries().values().iterator().next().state() == DeliveryState.FAILED);
    }
  }

  @Test
  void withoutAStationCertificateAnArchiveThatWantsOneSaysSo() throws Exception {
    try (Storescp archive = tlsArchive(false)) {
      SendReport report = send(archive.tlsUrl(), Tls.configure(null, null, pki.authority()));

      // Under TLS 1.3 the archive's refusal arrives after the client's side of the handshake, so
      // the station reads either the alert or a closed connection, depending on timing.
      assertThat(report.results().get(0).message())
          .containsAnyOf(
              "closed the connection while TLS was being set up",
              "refused this station's TLS certificate, or wanted one")
          .contains("station's")
          .contains("certificate");
      assertThat(outbox.entries()).hasSize(2);
    }
  }

  @Test
  void plainDicomToATlsPortAndTlsToAPlainPortAreNamedAsSuch() throws Exception {
    try (Storescp archive = tlsArchive(false)) {
      SendReport plain =
          send("dicom://" + Storescp.AE_TITLE + "@127.0.0.1:" + archive.port(), station());
      assertThat(plain.results().get(0).message()).contains("use dicom-tls://");
    }
    try (Storescp archive = Storescp.start(dir.resolve("plain"))) {
      SendReport tls = send(archive.tlsUrl(), station());
      assertThat(tls.results().get(0).message()).contains("check that this is its DICOM TLS port");
    }
  }

  @Test
  void stowRsOverHttpsChecksTheArchiveCertificate() throws Exception {
    try (Orthanc impostor =
        Orthanc.start(
            dir.resolve("impostor"),
            Orthanc.Options.plain()
                .withHttps(pki.serverCertificateAndKey(true), pki.rogueAuthority()))) {
      URI base = URI.create(impostor.dicomWebBase());
      String dest = StowRsArchiveSender.name(base);
      outbox.put(objects.get(0).file(), List.of(dest));
      SendReport refused =
          new StowRsArchiveSender(base, null, Duration.ofSeconds(10), station())
              .send(outbox, outbox.due(dest), dest);
      assertThat(refused.results().get(0).message())
          .contains("not signed by an authority this station trusts");
    }
    try (Orthanc orthanc =
        Orthanc.start(
            dir.resolve("orthanc"),
            Orthanc.Options.plain()
                .withHttps(pki.serverCertificateAndKey(false), pki.authority()))) {
      URI base = URI.create(orthanc.dicomWebBase());
      String dest = StowRsArchiveSender.name(base);
      for (WrappedObject o : objects) {
        outbox.put(o.file(), List.of(dest));
      }
      SendReport report =
          new StowRsArchiveSender(base, null, Duration.ofSeconds(10), station())
              .send(outbox, outbox.due(dest), dest);
      assertThat(report.allDelivered()).as(report.toString()).isTrue();
      assertThat(orthanc.tagsOf(objects.get(1).sopInstanceUid())).contains("Zztest");
    }
  }
}
