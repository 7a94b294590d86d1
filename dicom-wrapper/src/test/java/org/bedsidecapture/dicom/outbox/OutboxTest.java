package org.bedsidecapture.dicom.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.random.RandomGenerator;
import org.bedsidecapture.dicom.BodySiteCatalogue;
import org.bedsidecapture.dicom.Capture;
import org.bedsidecapture.dicom.DicomFactory;
import org.bedsidecapture.dicom.Laterality;
import org.bedsidecapture.dicom.StudySession;
import org.bedsidecapture.dicom.WrappedObject;
import org.bedsidecapture.dicom.testing.Contexts;
import org.bedsidecapture.dicom.testing.MutableClock;
import org.bedsidecapture.dicom.testing.TestMedia;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private Path outboxDir;
  private Path keyFile;
  private Path auditFile;
  private DicomFactory factory;
  private StudySession session;

  @BeforeEach
  void setUp() {
    outboxDir = dir.resolve("outbox");
    keyFile = dir.resolve("keys").resolve("outbox.key");
    auditFile = dir.resolve("audit.log");
    Clock fixed = Clock.fixed(clock.instant(), ZoneOffset.UTC);
    factory = Contexts.factory(fixed);
    session = Contexts.session(fixed);
  }

  private Outbox open() throws IOException {
    return Outbox.open(
        outboxDir,
        OutboxKey.openOrCreate(keyFile),
        clock,
        new RetryPolicy(
            Duration.ofSeconds(10), Duration.ofMinutes(5), RandomGenerator.of("L64X128MixRandom")),
        new AuditLog(auditFile, clock));
  }

  private WrappedObject wrapped(String name) throws Exception {
    Path media = TestMedia.write(dir, name + ".jpg", TestMedia.jpeg(64, 48));
    Path out = Files.createDirectories(dir.resolve("wrapped"));
    return factory.wrap(
        Contexts.typical(),
        session,
        new Capture(
            media,
            null,
            BodySiteCatalogue.standard().bySnomedId("54735007").orElseThrow(),
            Laterality.UNPAIRED,
            null,
            null),
        out);
  }

  @Test
  void storesObjectsEncryptedAndPrivateAndGivesThemBackIntact() throws Exception {
    Outbox outbox = open();
    WrappedObject o = wrapped("a");

    OutboxEntry e = outbox.put(o.file(), List.of("pacs"));

    assertThat(e.sopInstanceUid()).isEqualTo(o.sopInstanceUid());
    assertThat(e.sopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.1.77.1.4");
    assertThat(e.delivery("pacs").state()).isEqualTo(DeliveryState.QUEUED);
    Path blob = outboxDir.resolve(o.sopInstanceUid() + ".dcm.enc");
    byte[] stored = Files.readAllBytes(blob);
    assertThat(new String(stored, StandardCharsets.ISO_8859_1))
        .doesNotContain("Testpatient")
        .doesNotContain("MRN0042")
        .doesNotContain("DICM");
    try (InputStream in = outbox.read(o.sopInstanceUid())) {
      assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(o.file()));
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(blob)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outboxDir)))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
    assertThat(keyFile.startsWith(outboxDir)).isFalse();
  }

  @Test
  void aChangedFileIsDetectedNotDelivered() throws Exception {
    Outbox outbox = open();
    WrappedObject o = wrapped("t");
    outbox.put(o.file(), List.of("pacs"));
    Path blob = outboxDir.resolve(o.sopInstanceUid() + ".dcm.enc");
    byte[] b = Files.readAllBytes(blob);
    b[b.length / 2] ^= 1;
    Files.write(blob, b);
    assertThatThrownBy(
            () -> {
              try (InputStream in = outbox.read(o.sopInstanceUid())) {
                in.readAllBytes();
              }
            })
        .isInstanceOf(IOException.class);
  }

  @Test
  void eachDestinationIsTrackedAndTheCopyIsPurgedOnlyWhenAllConfirmed() throws Exception {
    Outbox outbox = open();
    WrappedObject o = wrapped("b");
    String id = o.sopInstanceUid();
    outbox.put(o.file(), List.of("vna", "pacs"));

    outbox.sending(id, "vna");
    outbox.stored(id, "vna", false);
    assertThat(outbox.entry(id).delivery("vna").state()).isEqualTo(DeliveryState.STORED);
    outbox.committed(id, "vna");
    assertThat(outbox.entry(id)).isNotNull();
    assertThat(outbox.due("pacs")).extracting(OutboxEntry::sopInstanceUid).containsExactly(id);
    assertThat(outbox.due("vna")).isEmpty();

    outbox.stored(id, "pacs", true);

    assertThat(outbox.entry(id)).isNull();
    assertThat(Files.exists(outboxDir.resolve(id + ".dcm.enc"))).isFalse();
    assertThat(Files.readString(auditFile)).contains("PURGED sop=" + id + " confirmed by pacs,vna");
    assertThat(Files.readString(auditFile)).doesNotContain("Testpatient");
  }

  @Test
  void aBatchIsMadeDurableWhenItClosesAndACrashBeforeLosesOnlyItsChanges() throws Exception {
    Outbox outbox = open();
    String a = outbox.put(wrapped("g1").file(), List.of("pacs")).sopInstanceUid();
    String b = outbox.put(wrapped("g2").file(), List.of("pacs")).sopInstanceUid();

    Outbox.Batch batch = outbox.batch();
    outbox.stored(a, "pacs", true);
    outbox.failed(b, "pacs", "archive out of resources");
    assertThat(outbox.entry(a)).isNull();
    assertThat(outbox.entry(b).delivery("pacs").state()).isEqualTo(DeliveryState.FAILED);
    assertThat(Files.exists(outboxDir.resolve(a + ".dcm.enc"))).isTrue();

    outbox.close();
    Outbox afterCrash = open();
    assertThat(afterCrash.due("pacs"))
        .extracting(OutboxEntry::sopInstanceUid)
        .containsExactlyInAnyOrder(a, b);

    batch.close();
    assertThat(Files.exists(outboxDir.resolve(a + ".dcm.enc"))).isFalse();
    assertThat(Files.readString(auditFile)).contains("PURGED sop=" + a);
    afterCrash.close();
    Outbox afterClose = open();
    assertThat(afterClose.entry(a)).isNull();
    assertThat(afterClose.entry(b).delivery("pacs").lastError())
        .isEqualTo("archive out of resources");
  }

  @Test
  void listenersSeeCountsTheOldestWaitingAndTheLastError() throws Exception {
    Outbox outbox = open();
    List<OutboxStatus> seen = new java.util.ArrayList<>();
    outbox.addListener(seen::add);
    Instant first = clock.instant();
    String a = outbox.put(wrapped("h1").file(), List.of("pacs")).sopInstanceUid();
    clock.advance(Duration.ofSeconds(5));
    outbox.put(wrapped("h2").file(), List.of("pacs"));

    outbox.failed(a, "pacs", "archive pacs not reachable");

    OutboxStatus now = seen.get(seen.size() - 1);
    assertThat(now.objects()).isEqualTo(2);
    assertThat(now.counts()).containsEntry(DeliveryState.FAILED, 1);
    assertThat(now.counts()).containsEntry(DeliveryState.QUEUED, 1);
    assertThat(now.oldestWaiting()).isEqualTo(first);
    assertThat(now.lastError()).isEqualTo("archive pacs not reachable");
    assertThat(seen).hasSize(3);
  }

  @Test
  void aListenerThatAsksTheOutboxFromAnotherThreadIsToldOutsideItsLock() throws Exception {
    Outbox outbox = open();
    java.util.concurrent.ExecutorService screen =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    List<Integer> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
    outbox.addListener(
        status -> {
          try {
            shown.add(
                screen
                    .submit(() -> outbox.status().objects())
                    .get(60, java.util.concurrent.TimeUnit.SECONDS));
          } catch (Exception e) {
            throw new IllegalStateException("the screen could not ask the outbox", e);
          }
        });
    try {
      String a = outbox.put(wrapped("l1").file(), List.of("pacs")).sopInstanceUid();
      outbox.failed(a, "pacs", "archive pacs not reachable");
      outbox.retryNow();
    } finally {
      screen.shutdownNow();
    }
    assertThat(shown).containsExactly(1, 1, 1);
  }

  @Test
  void failuresWaitWithGrowingBackOffAndRetryNowMakesThemDue() throws Exception {
    Outbox outbox = open();
    String id = outbox.put(wrapped("c").file(), List.of("pacs")).sopInstanceUid();

    outbox.failed(id, "pacs", "archive not reachable");
    Instant first = outbox.entry(id).delivery("pacs").nextAttempt();
    assertThat(Duration.between(clock.instant(), first))
        .isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
    assertThat(outbox.due("pacs")).isEmpty();
    clock.advance(Duration.ofSeconds(11));
    assertThat(outbox.due("pacs")).hasSize(1);
    outbox.failed(id, "pacs", "archive not reachable");
    outbox.failed(id, "pacs", "archive not reachable");
    assertThat(Duration.between(clock.instant(), outbox.entry(id).delivery("pacs").nextAttempt()))
        .isBetween(Duration.ofSeconds(20), Duration.ofSeconds(40));
    assertThat(outbox.status().lastError()).isEqualTo("archive not reachable");

    assertThat(outbox.retryNow()).isEqualTo(1);
    assertThat(outbox.due("pacs")).hasSize(1);
  }

  @Test
  void aStudyIsDeliveredInTheOrderItWasCaptured() throws Exception {
    Outbox outbox = open();
    String first = outbox.put(wrapped("d1").file(), List.of("pacs")).sopInstanceUid();
    clock.advance(Duration.ofSeconds(1));
    String second = outbox.put(wrapped("d2").file(), List.of("pacs")).sopInstanceUid();

    outbox.failed(first, "pacs", "refused for now");

    assertThat(outbox.due("pacs")).isEmpty();
    clock.advance(Duration.ofMinutes(10));
    assertThat(outbox.due("pacs"))
        .extracting(OutboxEntry::sopInstanceUid)
        .containsExactly(first, second);
  }

  @Test
  void afterACrashNothingIsLostAndNothingIsSentUnderANewUid() throws Exception {
    Outbox outbox = open();
    WrappedObject a = wrapped("e1");
    WrappedObject b = wrapped("e2");
    outbox.put(a.file(), List.of("pacs"));
    outbox.put(b.file(), List.of("pacs"));
    outbox.sending(a.sopInstanceUid(), "pacs");
    // a crash: one object's state file never got written, and a half-written file remains
    Files.delete(outboxDir.resolve(b.sopInstanceUid() + ".state"));
    Files.writeString(outboxDir.resolve(".999.dcm.enc.part"), "half");
    // and a purge was cut short after the encrypted copy was deleted
    Files.writeString(outboxDir.resolve("1.2.3.state"), "sop.instance=1.2.3");

    outbox.close();
    Outbox reopened = open();

    assertThat(reopened.entry(a.sopInstanceUid()).delivery("pacs").state())
        .isEqualTo(DeliveryState.QUEUED);
    OutboxEntry recovered = reopened.entry(b.sopInstanceUid());
    assertThat(recovered.delivery("unknown").state()).isEqualTo(DeliveryState.QUARANTINED);
    assertThat(recovered.sopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.1.77.1.4");
    assertThat(Files.exists(outboxDir.resolve(".999.dcm.enc.part"))).isFalse();
    assertThat(Files.exists(outboxDir.resolve("1.2.3.state"))).isFalse();
    assertThat(reopened.status().objects()).isEqualTo(2);
  }

  @Test
  void puttingTheSameObjectAgainOnlyAddsDestinations() throws Exception {
    Outbox outbox = open();
    WrappedObject o = wrapped("f");
    outbox.put(o.file(), List.of("pacs"));
    outbox.failed(o.sopInstanceUid(), "pacs", "x");

    OutboxEntry again = outbox.put(o.file(), List.of("pacs", "vna"));

    assertThat(again.delivery("pacs").state()).isEqualTo(DeliveryState.FAILED);
    assertThat(again.delivery("vna").state()).isEqualTo(DeliveryState.QUEUED);
    assertThat(outbox.entries()).hasSize(1);
  }

  @Test
  void refusesFilesThatAreNotDicom() throws Exception {
    Outbox outbox = open();
    Path text = Files.writeString(dir.resolve("x.dcm"), "not dicom");
    assertThatThrownBy(() -> outbox.put(text, List.of("pacs")))
        .isInstanceOf(NotDicomException.class)
        .hasMessageContaining("not a DICOM file");
    assertThat(outbox.entries()).isEmpty();
  }

  @Test
  void anotherOwnerWaitsForTheOutboxAndIsToldWhoHoldsIt() throws Exception {
    Outbox outbox = open();
    List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
    OutboxLock.Owner impatient =
        new OutboxLock.Owner("outbox retry", Duration.ofSeconds(1), told::add);

    assertThatThrownBy(
            () ->
                Outbox.open(
                    outboxDir,
                    OutboxKey.openOrCreate(keyFile),
                    clock,
                    RetryPolicy.standard(),
                    new AuditLog(auditFile, clock),
                    impatient))
        .isInstanceOf(OutboxBusyException.class)
        .hasMessageContaining("is in use by 'bedside-capture' (this process, since ")
        .hasMessageContaining("not freed within 1 s")
        .hasMessageContaining("let it finish (or close it), then try again");
    assertThat(told).singleElement().asString().startsWith("'bedside-capture' (this process");

    OutboxLock.Owner patient =
        new OutboxLock.Owner("outbox retry", Duration.ofMinutes(1), holder -> {});
    var second =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return Outbox.open(
                    outboxDir,
                    OutboxKey.openOrCreate(keyFile),
                    clock,
                    RetryPolicy.standard(),
                    new AuditLog(auditFile, clock),
                    patient);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    outbox.close();
    try (Outbox next = second.get(60, java.util.concurrent.TimeUnit.SECONDS)) {
      assertThat(next.status().objects()).isZero();
      assertThat(Files.readString(outboxDir.resolve(".lock"))).contains("purpose=outbox retry");
    }
  }

  /** An object wrapped straight into the outbox: no DICOM file is written anywhere else. */
  private WrappedObject wrappedInto(Outbox outbox, String name, boolean held) throws Exception {
    Path media = TestMedia.write(dir, name + ".jpg", TestMedia.jpeg(64, 48));
    Path work = Files.createDirectories(dir.resolve("work"));
    return factory.wrapInto(
        Contexts.typical(),
        session,
        new Capture(
            media,
            null,
            BodySiteCatalogue.standard().bySnomedId("54735007").orElseThrow(),
            Laterality.UNPAIRED,
            null,
            null),
        work,
        o -> outbox.put(o, List.of("pacs"), held));
  }

  @Test
  void aHeldObjectIsSafeButNotDueUntilReleasedAndStaysHeldAfterARestart() throws Exception {
    WrappedObject o;
    try (Outbox outbox = open()) {
      o = wrappedInto(outbox, "held", true);

      assertThat(outbox.entry(o.sopInstanceUid()).delivery("pacs").state())
          .isEqualTo(DeliveryState.HELD);
      assertThat(outbox.due("pacs")).isEmpty();
      assertThat(outbox.status().oldestWaiting()).isNull();
      assertThat(outbox.status().counts()).containsEntry(DeliveryState.HELD, 1);
    }
    assertThat(o.file()).isNull();
    try (var left = Files.list(dir.resolve("work"))) {
      assertThat(left).isEmpty();
    }
    try (Outbox reopened = open()) {
      assertThat(reopened.entry(o.sopInstanceUid()).delivery("pacs").state())
          .isEqualTo(DeliveryState.HELD);

      assertThat(reopened.release(List.of(o.sopInstanceUid(), "1.2.3.unknown"))).isEqualTo(1);

      assertThat(reopened.due("pacs"))
          .extracting(OutboxEntry::sopInstanceUid)
          .containsExactly(o.sopInstanceUid());
    }
    try (Outbox again = open()) {
      assertThat(again.entry(o.sopInstanceUid()).delivery("pacs").state())
          .isEqualTo(DeliveryState.QUEUED);
    }
  }

  @Test
  void puttingAHeldObjectAgainReplacesItsContentButNotOnceReleased() throws Exception {
    try (Outbox outbox = open()) {
      WrappedObject o = wrappedInto(outbox, "retagged", true);
      byte[] before;
      try (InputStream in = outbox.read(o.sopInstanceUid())) {
        before = in.readAllBytes();
      }
      var noted =
          new org.bedsidecapture.dicom.iod.Part10Object() {
            public String sopInstanceUid() {
              return o.sopInstanceUid();
            }

            public String sopClassUid() {
              return o.sopClassUid();
            }

            public String transferSyntaxUid() {
              return o.transferSyntaxUid();
            }

            public String studyInstanceUid() {
              return o.studyInstanceUid();
            }

            public void writeTo(java.io.OutputStream out) throws IOException {
              out.write(before);
              out.write(new byte[] {1, 2, 3, 4});
            }
          };

      outbox.put(noted, List.of("other"), true);

      OutboxEntry replaced = outbox.entry(o.sopInstanceUid());
      assertThat(replaced.deliveries()).containsOnlyKeys("pacs");
      assertThat(replaced.bytes()).isEqualTo(before.length + 4L);
      try (InputStream in = outbox.read(o.sopInstanceUid())) {
        assertThat(in.readAllBytes()).hasSize(before.length + 4);
      }

      outbox.release(List.of(o.sopInstanceUid()));
      outbox.put(noted, List.of("other"), true);

      OutboxEntry released = outbox.entry(o.sopInstanceUid());
      assertThat(released.delivery("pacs").state()).isEqualTo(DeliveryState.QUEUED);
      assertThat(released.delivery("other").state()).isEqualTo(DeliveryState.HELD);
      assertThat(released.bytes()).isEqualTo(before.length + 4L);
    }
  }

  @Test
  void aPersonRemovesAnObjectOnPurposeAndTheAuditLogSaysWhy() throws Exception {
    try (Outbox outbox = open()) {
      WrappedObject o = wrappedInto(outbox, "deleted", true);
      List<Object> told = new java.util.concurrent.CopyOnWriteArrayList<>();
      outbox.addListener(told::add);

      assertThat(outbox.remove(o.sopInstanceUid(), "deleted during review")).isTrue();

      assertThat(outbox.entries()).isEmpty();
      assertThat(told).isNotEmpty();
      try (var files = Files.list(outboxDir)) {
        assertThat(files.map(f -> f.getFileName().toString())).containsOnly(".lock");
      }
      assertThat(Files.readString(auditFile))
          .contains("REMOVED")
          .contains(o.sopInstanceUid())
          .contains("deleted during review");
      assertThat(outbox.remove(o.sopInstanceUid(), "again")).isFalse();
    }
  }

  @Test
  void eventsTellWhatLeavesTheOutboxWhileItsCopyCanStillBeRead() throws Exception {
    try (Outbox outbox = open()) {
      List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
      outbox.addEvents(
          new Outbox.Events() {
            @Override
            public void confirmed(List<OutboxEntry> objects) {
              for (OutboxEntry e : objects) {
                told.add("confirmed " + e.sopInstanceUid() + " readable=" + readable(outbox, e));
              }
            }

            @Override
            public void quarantined(OutboxEntry object, String destination, String reason) {
              told.add("quarantined " + object.sopInstanceUid() + " at " + destination);
            }

            @Override
            public void removed(OutboxEntry object, String why) {
              told.add(
                  "removed " + object.sopInstanceUid() + " readable=" + readable(outbox, object));
            }
          });
      String sent = outbox.put(wrapped("e1").file(), List.of("pacs")).sopInstanceUid();
      String refused = outbox.put(wrapped("e2").file(), List.of("pacs")).sopInstanceUid();

      outbox.sending(sent, "pacs");
      outbox.stored(sent, "pacs", true);
      outbox.sending(refused, "pacs");
      outbox.quarantined(refused, "pacs", "A900 identifier does not match SOP class");
      outbox.remove(refused, "given up by the installer");

      assertThat(told)
          .containsExactly(
              "confirmed " + sent + " readable=true",
              "quarantined " + refused + " at pacs",
              "removed " + refused + " readable=true");
      assertThat(Files.readString(auditFile))
          .contains(
              "QUARANTINED sop=" + refused + " at pacs: A900 identifier does not match SOP class");
    }
  }

  private static boolean readable(Outbox outbox, OutboxEntry e) {
    try (var in = outbox.read(e.sopInstanceUid())) {
      return in.readAllBytes().length == e.bytes();
    } catch (IOException x) {
      return false;
    }
  }
}
