package org.bedsidecapture.app.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.bedsidecapture.app.fhir.Fhir;
import org.bedsidecapture.app.fhir.demo.DemoFhirServer;
import org.bedsidecapture.app.fhir.demo.SyntheticEhr;
import org.bedsidecapture.app.operators.Operator;
import org.bedsidecapture.app.operators.OperatorStore;
import org.bedsidecapture.app.settings.Archive;
import org.bedsidecapture.dicom.OwnerOnly;
import org.bedsidecapture.dicom.PersonName;
import org.bedsidecapture.dicom.delivery.LocalArchive;

/**
 * The demo's stand-ins for a hospital, on loopback in this process: an EHR (a HAPI FHIR server with
 * synthetic patients), an archive that keeps what it receives in a folder, and the sheet of their
 * wristbands to print and scan.
 */
public final class DemoSite implements AutoCloseable {
  /** Where the demo archive listens on loopback. */
  public static final int ARCHIVE_PORT = 11119;

  private final DemoFhirServer ehr;
  private final LocalArchive archive;

  /** The demo's nurse: signs in with this user name and PIN, or scans {@link #NURSE_BADGE}. */
  public static final String NURSE = "nurse";

  public static final String NURSE_PIN = "1234";
  public static final String NURSE_BADGE = "DEMO-BADGE-NURSE";

  private final Path wristbandSheet;
  private final Path folder;

  private DemoSite(DemoFhirServer ehr, LocalArchive archive, Path wristbandSheet, Path folder) {
    this.ehr = ehr;
    this.archive = archive;
    this.wristbandSheet = wristbandSheet;
    this.folder = folder;
  }

  /**
   * Starts the demo EHR and archive under {@code demoFolder}; {@code err} is told when the
   * archive's port is taken and another one is used.
   */
  public static DemoSite start(Fhir fhir, Path demoFolder, PrintWriter err) throws Exception {
    Path folder = OwnerOnly.folder(demoFolder);
    Path sheet = folder.resolve("wristbands.png");
    WristbandSheet.write(SyntheticEhr.wristbands(), sheet);
    DemoFhirServer ehr = fhir.startDemoEhr();
    try {
      return new DemoSite(ehr, archive(folder.resolve("archive"), err), sheet, folder);
    } catch (IOException | RuntimeException e) {
      ehr.close();
      throw e;
    }
  }

  /**
   * The archive on its own port, so that its outbox destination keeps its name from one run to the
   * next (an object a run left waiting is delivered by the next); on a free port when another
   * program has that one.
   */
  private static LocalArchive archive(Path folder, PrintWriter err) throws IOException {
    try {
      return LocalArchive.start("DEMOARCHIVE", folder, ARCHIVE_PORT);
    } catch (java.net.BindException taken) {
      err.println(
          "demo: port "
              + ARCHIVE_PORT
              + " is taken, so the demo archive listens on another one; objects an earlier"
              + " demo left in the outbox wait for port "
              + ARCHIVE_PORT);
      err.flush();
      return LocalArchive.start("DEMOARCHIVE", folder);
    }
  }

  public String fhirBaseUrl() {
    return ehr.baseUrl();
  }

  /** The demo archive, as the site settings would name it. */
  public List<Archive> archives() {
    return List.of(Archive.parse(archive.destination().toString(), false));
  }

  /** Where the archive keeps what it received. */
  public Path archiveFolder() {
    return archive.folder();
  }

  public int received() {
    return archive.received();
  }

  /** The printable sheet of the synthetic patients' wristbands (PNG). */
  public Path wristbandSheet() {
    return wristbandSheet;
  }

  /**
   * The demo's operators, kept in the demo's folder (never in the station's own store): the nurse,
   * and an installer ({@code installer}, PIN 2580) for the settings.
   */
  public OperatorStore operators(Clock clock) throws IOException {
    OperatorStore store =
        OperatorStore.in(
            folder,
            clock,
            new org.bedsidecapture.dicom.outbox.AuditLog(folder.resolve("audit.log"), clock));
    if (store.isEmpty()) {
      store.add(
          new Operator(NURSE, PersonName.of("Zzdemo", "Nurse"), Operator.Role.CAPTURE),
          NURSE_PIN.toCharArray(),
          "demo");
      store.setBadge(NURSE, NURSE_BADGE, "demo");
      store.add(
          new Operator("installer", PersonName.of("Zzdemo", "Installer"), Operator.Role.INSTALLER),
          "2580".toCharArray(),
          "demo");
    }
    return store;
  }

  @Override
  public void close() throws Exception {
    try (DemoFhirServer e = ehr) {
      archive.close();
    }
  }
}
