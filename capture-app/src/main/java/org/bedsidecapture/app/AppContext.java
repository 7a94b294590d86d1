package org.bedsidecapture.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.bedsidecapture.app.audit.AuditDelivery;
import org.bedsidecapture.app.audit.AuditMessages;
import org.bedsidecapture.app.audit.AuditQueue;
import org.bedsidecapture.app.audit.AuditTrail;
import org.bedsidecapture.app.audit.SyslogSender;
import org.bedsidecapture.app.fhir.Fhir;
import org.bedsidecapture.app.fhir.LookupException;
import org.bedsidecapture.app.service.ArchiveDelivery;
import org.bedsidecapture.app.service.CaptureStation;
import org.bedsidecapture.app.service.DeliveryService;
import org.bedsidecapture.app.service.EncounterFinder;
import org.bedsidecapture.app.service.StationCheck;
import org.bedsidecapture.app.service.TransferAudit;
import org.bedsidecapture.app.settings.Archive;
import org.bedsidecapture.app.settings.SettingsException;
import org.bedsidecapture.app.settings.SiteSettings;
import org.bedsidecapture.app.settings.StationFolders;
import org.bedsidecapture.devices.recording.ClipTranscoder;
import org.bedsidecapture.dicom.DicomFactory;
import org.bedsidecapture.dicom.UidGenerator;
import org.bedsidecapture.dicom.iod.Part10Writer;
import org.bedsidecapture.dicom.outbox.Outbox;

/**
 * The app's objects, made once in {@code main} and handed down to the commands (and the screens):
 * where its state lives, the clock, the site settings (read and checked once, when first needed),
 * and the FHIR side (warming in the background from when it is first asked for). Nothing of it is
 * reachable through a static: two contexts in one JVM (tests) do not see each other.
 */
public final class AppContext implements AutoCloseable {
  private final StationFolders folders;
  private final Clock clock;
  private Fhir fhir;
  private SiteSettings settings;
  private AuditTrail trail;
  private String actingAs;

  public AppContext(StationFolders folders, Clock clock) {
    this.folders = folders;
    this.clock = clock;
  }

  /** A context with all its state in {@code home} (as in development and in tests). */
  public AppContext(Path home, Clock clock) {
    this(StationFolders.inOne(home), clock);
  }

  /** The context of this process: its folders (see StationFolders) and the clock. */
  public static AppContext ofThisProcess() {
    return new AppContext(StationFolders.ofThisProcess(), Clock.systemUTC());
  }

  public StationFolders folders() {
    return folders;
  }

  public Clock clock() {
    return clock;
  }

  /**
   * The app's FHIR side; the first call starts building HAPI's context in the background (a command
   * that needs FHIR asks first thing; the others never pay for it).
   */
  public synchronized Fhir fhir() {
    if (fhir == null) {
      fhir = Fhir.warmingInBackground();
    }
    return fhir;
  }

  /**
   * The site settings, read from the site file the first time they are asked for.
   *
   * @throws SettingsException naming the bad key, every time they are asked for
   */
  public synchronized SiteSettings settings() throws SettingsException {
    if (settings == null) {
      settings = SiteSettings.load(folders);
    }
    return settings;
  }

  /** How this station makes DICOM objects: its identity, UID root and the local time zone. */
  public DicomFactory dicomFactory() throws SettingsException {
    SiteSettings s = settings();
    return new DicomFactory(
        s.station(AppVersion.softwareVersion()),
        new UidGenerator(s.uidRoot()),
        new Part10Writer("BEDSIDE_CAPTURE", s.aeTitle()),
        clock.withZone(ZoneId.systemDefault()),
        ClipTranscoder::reencode);
  }

  /**
   * What capture sessions share, on an outbox already open, delivering to {@code archives} (the
   * site's, or the demo's own).
   */
  public CaptureStation captureStation(Outbox outbox, List<Archive> archives)
      throws SettingsException, IOException {
    return new CaptureStation(
        dicomFactory(),
        new UidGenerator(settings().uidRoot()),
        outbox,
        archives,
        CaptureStation.workFolder(folders.data()),
        AppOutbox.audit(folders.data(), clock),
        auditTrail(),
        clock.withZone(ZoneId.systemDefault()));
  }

  /** How this station sends to its archives, as the site settings say. */
  public ArchiveDelivery archiveDelivery() throws SettingsException {
    return archiveDelivery(settings());
  }

  private static ArchiveDelivery archiveDelivery(SiteSettings s) {
    return new ArchiveDelivery(s.aeTitle(), s.dicomWebAuthorization(), s.dicomTimeout(), s.tls());
  }

  /** Where this station hears archives' storage-commitment reports, as the site settings say. */
  public DeliveryService.CommitmentListener commitmentListener() throws SettingsException {
    SiteSettings s = settings();
    return new DeliveryService.CommitmentListener(
        s.aeTitle(),
        s.listenAddress(),
        s.listenPort(),
        new UidGenerator(s.uidRoot()),
        s.commitmentTimeout(),
        s.tls(),
        s.reportsOverTls(),
        auditTrail(new PrintWriter(System.err, true))::peerRefused);
  }

  /**
   * What Test connection tries under settings {@code s} (those in force, or as an installer edits
   * them): {@code archives}, each one's storage commitment through {@code commitment}, and the EHR
   * at {@code fhirBaseUrl} (null: none).
   */
  public StationCheck.Peers stationPeers(
      SiteSettings s,
      List<Archive> archives,
      String fhirBaseUrl,
      Function<Archive, String> commitment)
      throws IOException {
    return new StationCheck.Peers(
        archives,
        archiveDelivery(s),
        commitment,
        fhirBaseUrl,
        fhirBaseUrl == null ? null : fhir().lookup(s, fhirBaseUrl),
        fhirBaseUrl == null ? null : encounterFinder(s, fhirBaseUrl),
        clock);
  }

  /**
   * Finds encounters through the site's barcode rules and the EHR at {@code fhirBaseUrl}, each
   * lookup reported to the site's audit trail.
   */
  public EncounterFinder encounterFinder(String fhirBaseUrl) throws SettingsException, IOException {
    return encounterFinder(settings(), fhirBaseUrl, auditTrail());
  }

  private EncounterFinder encounterFinder(SiteSettings s, String fhirBaseUrl) {
    return encounterFinder(s, fhirBaseUrl, AuditTrail.none());
  }

  private EncounterFinder encounterFinder(SiteSettings s, String fhirBaseUrl, AuditTrail trail) {
    return new EncounterFinder(
        s.barcodeRules(),
        () -> {
          try {
            return fhir().lookup(s, fhirBaseUrl);
          } catch (IOException e) {
            throw new LookupException("the EHR cannot be reached: " + e.getMessage(), e);
          }
        },
        trail,
        fhirBaseUrl);
  }

  /**
   * The station's audit trail to the site's audit repository ({@code audit.repository}), its
   * delivery started when first asked for; {@link AuditTrail#none()} when the site has none. Closed
   * with this context.
   */
  public synchronized AuditTrail auditTrail() throws SettingsException, IOException {
    if (trail == null) {
      trail = newAuditTrail();
      trail.operator(actingAs);
    }
    return trail;
  }

  /**
   * Who acts when nobody signs in (a command's OS account, e.g. {@code os:nurse}), named in the
   * audit trail's messages of what they do.
   */
  public synchronized void actingAs(String user) {
    actingAs = user;
    if (trail != null) {
      trail.operator(user);
    }
  }

  /**
   * The audit trail if the site has one and its settings can be read, else {@link
   * AuditTrail#none()} (said on {@code err}): for commands, which must do their job either way.
   */
  public AuditTrail auditTrail(PrintWriter err) {
    try {
      return auditTrail();
    } catch (SettingsException | IOException e) {
      err.println("bedside-capture: the site's audit repository cannot be used: " + e.getMessage());
      return AuditTrail.none();
    }
  }

  private AuditTrail newAuditTrail() throws SettingsException, IOException {
    SiteSettings s = settings();
    java.net.URI repository = s.auditRepository();
    if (repository == null) {
      return AuditTrail.none();
    }
    String host = AuditMessages.thisHost();
    return new AuditTrail(
        new AuditMessages(s.aeTitle(), s.institution().name(), host),
        new AuditDelivery(
                AuditQueue.open(
                    folders.data().resolve("audit-queue"),
                    org.bedsidecapture.dicom.outbox.OutboxKey.openOrCreate(s.outboxKeyFile())),
                new SyslogSender(
                    repository.getHost(), repository.getPort(), s.tls(), s.dicomTimeout(), host),
                clock)
            .start(),
        clock);
  }

  /**
   * Opens the station's outbox for {@code purpose}, waiting for another holder (see AppOutbox),
   * what happens to its objects reported to the site's audit trail.
   *
   * @throws IOException also when the settings cannot be read (a caller reads them first)
   */
  public Outbox openOutbox(String purpose, PrintWriter err) throws IOException {
    try {
      Outbox outbox = AppOutbox.open(folders.data(), settings(), clock, purpose, err);
      TransferAudit.attach(auditTrail(err), outbox, settings().archives());
      return outbox;
    } catch (SettingsException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** Sends what the audit trail has queued (briefly) and stops it. */
  @Override
  public void close() throws InterruptedException {
    AuditTrail t;
    synchronized (this) {
      t = trail;
      trail = null;
    }
    if (t != null) {
      t.close();
    }
  }
}
