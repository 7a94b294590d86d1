package org.bedsidecapture.dicom.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.network.Association;
import com.pixelmed.network.CompositeResponseHandler;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.PresentationContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bedsidecapture.dicom.UidGenerator;
import org.bedsidecapture.dicom.iod.Dataset;
import org.bedsidecapture.dicom.testing.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage-commitment listener heard over real DICOM associations: a report counts only when it
 * comes from the archive that was asked (its AE title, from its address, for the awaited
 * transaction); forged ones — another AE title, another host, a transaction nobody awaits — change
 * nothing, and the awaited report still gets through; silent peers are dropped and only a bounded
 * number are held at once.
 */
class StorageCommitmentListenerIT {
  private static final String SOP_CLASS = "1.2.840.10008.5.1.4.1.1.77.1.4";
  private StorageCommitter committer;
  private final java.util.concurrent.BlockingQueue<String> refused =
      new java.util.concurrent.LinkedBlockingQueue<>();
  private final UidGenerator uids = new UidGenerator(UidGenerator.UUID_ROOT);

  @BeforeEach
  void listen() throws IOException {
    committer =
        StorageCommitter.start(
            "STATION",
            InetAddress.getLoopbackAddress(),
            0,
            uids,
            Duration.ofSeconds(2),
            null,
            false,
            (peer, why) -> refused.add(peer + ": " + why));
  }

  @AfterEach
  void stop() throws IOException {
    committer.close();
  }

  private enum Heard {
    ANSWERED,
    REJECTED
  }

  /** Sends an N-EVENT-REPORT as {@code callingAeTitle}: the transaction's objects committed. */
  private Heard report(String callingAeTitle, String transaction, String committed)
      throws Exception {
    return report(committer, null, callingAeTitle, transaction, committed);
  }

  /** The same to {@code to}'s listener, over DICOM TLS as {@code tls} says (null: plain DICOM). */
  private static Heard report(
      StorageCommitter to, Tls tls, String callingAeTitle, String transaction, String committed)
      throws Exception {
    LinkedList<PresentationContext> offered = new LinkedList<>();
    offered.add(
        new PresentationContext(
            (byte) 1,
            CommandSets.STORAGE_COMMITMENT_SOP_CLASS,
            new LinkedList<>(List.of(TransferSyntax.ImplicitVRLittleEndian))));
    Association a;
    try {
      a =
          Associations.open(
              new DicomDestination("STATION", "127.0.0.1", to.listenPort(), tls != null),
              callingAeTitle,
              offered,
              tls,
              Duration.ofSeconds(10));
    } catch (DicomNetworkException | IOException rejected) {
      return Heard.REJECTED;
    }
    byte context = a.getSuitablePresentationContextID(CommandSets.STORAGE_COMMITMENT_SOP_CLASS);
    Dataset command = new Dataset();
    command.put(
        CommandSets.AFFECTED_SOP_CLASS, "UI", CommandSets.STORAGE_COMMITMENT_SOP_CLASS, "class");
    command.putInt(CommandSets.COMMAND_FIELD, "US", CommandSets.N_EVENT_REPORT_RQ);
    command.putInt(CommandSets.MESSAGE_ID, "US", 7);
    command.putInt(CommandSets.DATA_SET_TYPE, "US", CommandSets.DATA_SET_PRESENT);
    command.put(
        CommandSets.AFFECTED_SOP_INSTANCE,
        "UI",
        CommandSets.STORAGE_COMMITMENT_SOP_INSTANCE,
        "instance");
    command.putInt(CommandSets.EVENT_TYPE_ID, "US", 1);
    a.setReceivedDataHandler(
        new CompositeResponseHandler() {
          @Override
          protected void evaluateStatusAndSetSuccess(AttributeList list) {
            success = true;
          }
        });
    a.send(
        context,
        CommandSets.command(command),
        CommandSets.commitmentRequest(
            transaction,
            List.<String[]>of(new String[] {SOP_CLASS, committed}),
            TransferSyntax.ImplicitVRLittleEndian));
    a.waitForCommandPDataPDUs();
    a.release();
    return Heard.ANSWERED;
  }

  /**
   * Waits for the refusals the listener tells of, 30 s at most for each, until one starts with
   * {@code what}.
   */
  private void toldOf(String what) throws InterruptedException {
    List<String> told = new ArrayList<>();
    while (true) {
      String next = refused.poll(30, TimeUnit.SECONDS);
      assertThat(next).as("told of: " + what + "; told " + told).isNotNull();
      if (next.startsWith(what)) {
        return;
      }
      told.add(next);
    }
  }

  @Test
  void theReportOfTheArchiveAskedIsHeard() throws Exception {
    String transaction = uids.newUid();
    String object = uids.newUid();
    CompletableFuture<StorageCommitment> awaited =
        committer.awaiting(transaction, new DicomDestination("ARCHIVE", "127.0.0.1", 104));

    assertThat(report("ARCHIVE", transaction, object)).isEqualTo(Heard.ANSWERED);

    assertThat(awaited.get(30, TimeUnit.SECONDS).committed()).containsExactly(object);
  }

  @Test
  void aReportFromAnotherAeTitleIsRejectedBeforeItsDataIsRead() throws Exception {
    String transaction = uids.newUid();
    CompletableFuture<StorageCommitment> awaited =
        committer.awaiting(transaction, new DicomDestination("ARCHIVE", "127.0.0.1", 104));

    assertThat(report("INTRUDER", transaction, uids.newUid())).isEqualTo(Heard.REJECTED);
    assertThat(awaited).isNotDone();
    toldOf("'INTRUDER' at 127.0.0.1: no storage commitment report is awaited from it");

    String object = uids.newUid();
    report("ARCHIVE", transaction, object);
    assertThat(awaited.get(30, TimeUnit.SECONDS).committed()).containsExactly(object);
  }

  @Test
  void aReportInTheArchivesNameFromAnotherHostIsRejected() throws Exception {
    String transaction = uids.newUid();
    CompletableFuture<StorageCommitment> awaited =
        committer.awaiting(transaction, new DicomDestination("ARCHIVE", "127.0.0.2", 104));

    assertThat(report("ARCHIVE", transaction, uids.newUid())).isEqualTo(Heard.REJECTED);
    assertThat(awaited).isNotDone();
  }

  @Test
  void aReportUnderATransactionNobodyAwaitsChangesNothing() throws Exception {
    String transaction = uids.newUid();
    CompletableFuture<StorageCommitment> awaited =
        committer.awaiting(transaction, new DicomDestination("ARCHIVE", "127.0.0.1", 104));

    assertThat(report("ARCHIVE", uids.newUid(), uids.newUid())).isEqualTo(Heard.ANSWERED);
    assertThat(awaited).isNotDone();
    toldOf("'ARCHIVE' at 127.0.0.1: a storage commitment report for a transaction no request");
  }

  /**
   * Over DICOM TLS (the archives with commitment are {@code dicom-tls://}): the archive with a
   * certificate from the station's authority is heard; one from another authority, or without TLS,
   * never gets to send its report.
   */
  @Test
  void overDicomTlsOnlyAnArchiveWithACertificateTheStationTrustsIsHeard(@TempDir Path pkiDir)
      throws Exception {
    TestPki pki = TestPki.create(pkiDir);
    char[] password = Files.readString(pki.stationKeyStorePasswordFile()).toCharArray();
    Tls station = Tls.configure(pki.stationKeyStore(), password, pki.authority());
    Tls archive = Tls.configure(pki.archiveKeyStore(), password, pki.authority());
    Tls impostor = Tls.configure(pki.impostorKeyStore(), password, pki.authority());
    try (StorageCommitter overTls =
        StorageCommitter.start(
            "STATION",
            InetAddress.getLoopbackAddress(),
            0,
            uids,
            Duration.ofSeconds(2),
            station,
            true,
            (peer, why) -> refused.add(peer + ": " + why))) {
      String transaction = uids.newUid();
      CompletableFuture<StorageCommitment> awaited =
          overTls.awaiting(transaction, new DicomDestination("ARCHIVE", "127.0.0.1", 2762, true));

      assertThat(report(overTls, impostor, "ARCHIVE", transaction, uids.newUid()))
          .isEqualTo(Heard.REJECTED);
      assertThat(report(overTls, null, "ARCHIVE", transaction, uids.newUid()))
          .isEqualTo(Heard.REJECTED);
      assertThat(awaited).isNotDone();
      toldOf("127.0.0.1: storage commitment over DICOM TLS refused");

      String object = uids.newUid();
      assertThat(report(overTls, archive, "ARCHIVE", transaction, object))
          .isEqualTo(Heard.ANSWERED);
      assertThat(awaited.get(30, TimeUnit.SECONDS).committed()).containsExactly(object);
    }
  }

  @Test
  void silentPeersAreDroppedAfterTheReadTimeOutAndTheArchiveIsStillHeard() throws Exception {
    List<Socket> silent = new ArrayList<>();
    for (int i = 0; i < 3 * StorageCommitmentListener.AT_ONCE; i++) {
      Socket s = new Socket("127.0.0.1", committer.listenPort());
      s.setSoTimeout(60_000);
      silent.add(s);
    }
    for (Socket s : silent) {
      try (s) {
        assertThat(s.getInputStream().read()).as("the listener closed a silent peer").isEqualTo(-1);
      } catch (IOException reset) {
        // closed at once, as one too many: a reset is as good as an end of stream
      }
    }

    String transaction = uids.newUid();
    String object = uids.newUid();
    CompletableFuture<StorageCommitment> awaited =
        committer.awaiting(transaction, new DicomDestination("ARCHIVE", "127.0.0.1", 104));
    report("ARCHIVE", transaction, object);
    assertThat(awaited.get(30, TimeUnit.SECONDS).committed()).containsExactly(object);
  }
}
