package org.bedsidecapture.dicom.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  @TempDir Path dir;
  private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

  private Path threeEvents() throws Exception {
    Path file = dir.resolve("audit.log");
    AuditLog log = new AuditLog(file, clock);
    log.record("QUEUED", "1.2.3.1", "to=dicom://A@h:104");
    log.record("DELIVERED", "1.2.3.1", null);
    log.record("PURGED", "1.2.3.1", "committed");
    return file;
  }

  @Test
  void everyLineIsChainedToTheOneBeforeAndTheChainHolds() throws Exception {
    Path file = threeEvents();

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3).allMatch(l -> l.matches(".* chain=[0-9a-f]{64}"));
    assertThat(lines.get(0))
        .startsWith("2026-12-03T10:00:00Z QUEUED sop=1.2.3.1 to=dicom://A@h:104");
    assertThat(AuditLog.verify(file)).isEqualTo(new AuditLog.Verification(3, 0, 0, null));
  }

  @Test
  void aLineChangedRemovedOrPutInBetweenBreaksTheChainThere() throws Exception {
    Path file = threeEvents();
    List<String> lines = Files.readAllLines(file);

    Files.write(
        file, List.of(lines.get(0), lines.get(1).replace("DELIVERED", "REFUSED"), lines.get(2)));
    assertThat(AuditLog.verify(file).firstBroken()).isEqualTo(2);
    assertThat(AuditLog.verify(file).brokenAt()).isEqualTo("2026-12-03T10:00:00Z REFUSED");

    Files.write(file, List.of(lines.get(0), lines.get(2)));
    assertThat(AuditLog.verify(file).firstBroken()).isEqualTo(2);

    Files.write(file, List.of(lines.get(0), "2026-12-03T10:00:00Z DELETED sop=9.9", lines.get(1)));
    assertThat(AuditLog.verify(file).firstBroken()).isEqualTo(2);
  }

  @Test
  void linesFromBeforeTheChainAreCountedAndTheChainGoesOnFromTheLast() throws Exception {
    Path file = dir.resolve("audit.log");
    Files.writeString(
        file, "2026-11-01T09:00:00Z QUEUED sop=1.2.1\n2026-11-01T09:00:01Z DELIVERED sop=1.2.1\n");

    new AuditLog(file, clock).record("QUEUED", "1.2.2", null);

    assertThat(AuditLog.verify(file)).isEqualTo(new AuditLog.Verification(3, 2, 0, null));
  }

  @Test
  void appendsFromManyWritersAtOnceStillFormOneChain() throws Exception {
    Path file = dir.resolve("audit.log");
    ExecutorService writers = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      AuditLog own = new AuditLog(file, clock);
      int writer = w;
      done.add(
          writers.submit(
              () -> {
                for (int i = 0; i < 25; i++) {
                  own.record("QUEUED", "1.2." + writer + "." + i, null);
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    writers.shutdown();

    assertThat(AuditLog.verify(file)).isEqualTo(new AuditLog.Verification(100, 0, 0, null));
  }
}
