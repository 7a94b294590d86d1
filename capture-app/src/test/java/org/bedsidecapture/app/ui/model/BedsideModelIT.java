package org.bedsidecapture.app.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;
import org.bedsidecapture.app.barcode.BarcodeRules;
import org.bedsidecapture.app.fhir.Fhir;
import org.bedsidecapture.app.fhir.LookupResult;
import org.bedsidecapture.app.fhir.demo.DemoFhirServer;
import org.bedsidecapture.app.fhir.demo.SyntheticEhr;
import org.bedsidecapture.app.operators.Authenticator;
import org.bedsidecapture.app.operators.Operator;
import org.bedsidecapture.app.operators.OperatorStore;
import org.bedsidecapture.app.service.CaptureSession;
import org.bedsidecapture.app.service.CaptureStation;
import org.bedsidecapture.app.service.EncounterFinder;
import org.bedsidecapture.app.settings.Archive;
import org.bedsidecapture.app.workflow.CaptureWorkflow;
import org.bedsidecapture.app.workflow.CaptureWorkflow.Step;
import org.bedsidecapture.devices.spi.Camera;
import org.bedsidecapture.devices.synthetic.SyntheticCameraProvider;
import org.bedsidecapture.dicom.BodySiteCatalogue;
import org.bedsidecapture.dicom.Laterality;
import org.bedsidecapture.dicom.PersonName;
import org.bedsidecapture.dicom.UidGenerator;
import org.bedsidecapture.dicom.iod.Dataset;
import org.bedsidecapture.dicom.iod.Tags;
import org.bedsidecapture.dicom.outbox.AuditLog;
import org.bedsidecapture.dicom.outbox.DeliveryState;
import org.bedsidecapture.dicom.outbox.Outbox;
import org.bedsidecapture.dicom.testing.Contexts;
import org.bedsidecapture.dicom.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The screens' model walked without a screen: commands run on a direct executor (the calling
 * thread), against a real HAPI FHIR server, the synthetic camera and a real encrypted outbox.
 */
class BedsideModelIT {
  private static final Executor DIRECT = Runnable::run;
  private static final BodySiteCatalogue SITES = BodySiteCatalogue.standard();
  private static Fhir fhir;
  private static DemoFhirServer ehr;

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
  private final Camera camera = SyntheticCameraProvider.devices().get(0);
  private final Archive archive = Archive.parse("dicom://PACS@127.0.0.1:104", false);
  private Outbox outbox;
  private BedsideModel model;

  @BeforeAll
  static void startEhr() throws Exception {
    fhir = Fhir.warmingInBackground();
    ehr = fhir.startDemoEhr();
  }

  @AfterAll
  static void stopEhr() throws Exception {
    ehr.close();
  }

  @BeforeEach
  void setUp() throws Exception {
    outbox = Contexts.outbox(dir, clock);
    model = model(ehr.baseUrl(), null, CaptureWorkflow.WhenIdle.END_SESSION);
    model.signIn("nurse.nora");
  }

  private BedsideModel model(
      String fhirBase, Authenticator authenticator, CaptureWorkflow.WhenIdle whenIdle)
      throws Exception {
    return model(fhirBase, authenticator, whenIdle, CaptureWorkflow.WhenTakenOver.KEEP);
  }

  private BedsideModel model(
      String fhirBase,
      Authenticator authenticator,
      CaptureWorkflow.WhenIdle whenIdle,
      CaptureWorkflow.WhenTakenOver whenTakenOver)
      throws Exception {
    CaptureStation station =
        new CaptureStation(
            Contexts.factory(clock),
            UidGenerator.uuidDerived(),
            outbox,
            List.of(archive),
            CaptureStation.workFolder(dir),
            new AuditLog(dir.resolve("audit.log"), clock),
            org.bedsidecapture.app.audit.AuditTrail.none(),
            clock);
    EncounterFinder finder =
        new EncounterFinder(
            BarcodeRules.demo(), () -> fhir.lookup(fhirBase, Duration.ofSeconds(5)));
    return new BedsideModel(
        new CaptureWorkflow(clock, Duration.ofMinutes(5), whenIdle, whenTakenOver),
        finder,
        station,
        authenticator,
        DIRECT,
        DIRECT);
  }

  @AfterEach
  void closeOutbox() throws Exception {
    outbox.close();
  }

  private void shoot(int n) {
    for (int i = 0; i < n; i++) {
      model.capture(
          "photo",
          () ->
              model
                  .session()
                  .still(
                      camera,
                      camera.formats().get(0),
                      model.siteProperty().get(),
                      model.lateralityProperty().get()));
    }
  }

  private List<DeliveryState> outboxStates() {
    return outbox.entries().stream().map(e -> e.delivery(archive.destination()).state()).toList();
  }

  @Test
  void scanConfirmCaptureReviewAndSendEndWithThePatientClearedAndEverythingQueued() {
    model.scanned("DEMO-000001");
    assertThat(model.state().step()).isEqualTo(Step.CONFIRM_PATIENT);
    assertThat(model.state().lookup()).isInstanceOf(LookupResult.Found.class);

    model.confirm();
    model.siteProperty().set(SITES.bySnomedId("14975008").orElseThrow());
    model.lateralityProperty().set(Laterality.LEFT);
    shoot(3);

    assertThat(model.state().step()).isEqualTo(Step.CAPTURING);
    assertThat(model.shots()).hasSize(3).allMatch(s -> s.laterality() == Laterality.LEFT);
    assertThat(model.state().unsent()).isEqualTo(3);
    assertThat(outboxStates()).containsOnly(DeliveryState.HELD);

    model.review();
    CaptureSession.Shot last = model.selectedProperty().get();
    model.retag(last, SITES.bySnomedId("85562004").orElseThrow(), Laterality.LEFT, "palm");
    model.delete(model.shots().get(0));

    assertThat(model.shots()).hasSize(2);
    assertThat(model.selectedProperty().get().site().meaning()).isEqualTo("Hand");
    assertThat(model.problemProperty().get()).isNull();

    model.send();

    assertThat(model.state().step()).isEqualTo(Step.READY_TO_SCAN);
    assertThat(model.state().patient()).isNull();
    assertThat(model.shots()).isEmpty();
    assertThat(outboxStates()).containsExactly(DeliveryState.QUEUED, DeliveryState.QUEUED);
  }

  @Test
  void nothingIsCapturedBeforeThePatientIsConfirmed() {
    model.siteProperty().set(SITES.bySnomedId("54735007").orElseThrow());
    shoot(1);
    model.scanned("DEMO-000001");
    shoot(1);

    assertThat(model.state().step()).isEqualTo(Step.CONFIRM_PATIENT);
    assertThat(model.problemProperty().get()).contains("Confirm the patient first");
    assertThat(outbox.entries()).isEmpty();
  }

  @Test
  void importedPhotosJoinTheSessionAndAFileThatIsNoPictureIsToldNotSwallowed() throws Exception {
    Path photo = dir.resolve("wound.jpg");
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(320, 240, java.awt.image.BufferedImage.TYPE_INT_RGB);
    javax.imageio.ImageIO.write(image, "jpg", photo.toFile());
    Path notes = java.nio.file.Files.writeString(dir.resolve("notes.jpg"), "not a picture");
    model.scanned("DEMO-000002");
    model.confirm();
    model.siteProperty().set(SITES.bySnomedId("54735007").orElseThrow());

    model.importPhotos(List.of(photo, notes));

    assertThat(model.shots()).hasSize(1);
    assertThat(model.problemProperty().get()).contains("notes.jpg");
    assertThat(outboxStates()).containsExactly(DeliveryState.HELD);
  }

  @Test
  void aPairedBodySiteWithoutASideIsAskedForAndNotTaken() {
    model.scanned("DEMO-000002");
    model.confirm();
    model.siteProperty().set(SITES.bySnomedId("56459004").orElseThrow());

    shoot(1);

    assertThat(model.problemProperty().get()).contains("needs a side");
    assertThat(outbox.entries()).isEmpty();
  }

  @Test
  void eachGuardOfTheLookupHasItsOwnStepAndWayOut() throws Exception {
    model.scanned(SyntheticEhr.MERGED_MRN);
    assertThat(model.state().step()).isEqualTo(Step.CONFIRM_MERGED_RECORD);
    model.scanAgain();

    model.scanned(SyntheticEhr.DISCHARGED_MRN);
    assertThat(model.state().step()).isEqualTo(Step.NOT_FOUND);
    model.scanAgain();

    model.scanned(SyntheticEhr.FINISHED_VISIT);
    assertThat(model.state().step()).isEqualTo(Step.OVERRIDE_FINISHED_ENCOUNTER);
    model.overrideFinishedEncounter();
    assertThat(model.state().step()).isEqualTo(Step.CONFIRM_PATIENT);
    model.scanAgain();

    model.scanned(SyntheticEhr.TWO_ENCOUNTERS_MRN);
    assertThat(model.state().step()).isEqualTo(Step.CHOOSE_RECORD);
    LookupResult.Choose choose = (LookupResult.Choose) model.state().lookup();
    model.choose(choose.candidates().get(1));
    assertThat(model.state().step()).isEqualTo(Step.CONFIRM_PATIENT);
    model.scanAgain();

    model.scanned(SyntheticEhr.SHARED_MRN);
    assertThat(model.state().step()).isEqualTo(Step.CHOOSE_RECORD);
    model.scanAgain();

    model.scanned("GARBAGE-123");
    assertThat(model.state().step()).isEqualTo(Step.READY_TO_SCAN);
    assertThat(model.problemProperty().get()).contains("no rule").doesNotContain("GARBAGE-123");

    int closed = org.bedsidecapture.dicom.testing.Storescp.freePort();
    BedsideModel offline =
        model("http://127.0.0.1:" + closed + "/fhir", null, CaptureWorkflow.WhenIdle.END_SESSION);
    offline.signIn("nurse.nora");
    offline.scanned("DEMO-000001");
    assertThat(offline.state().step()).isEqualTo(Step.EHR_UNAVAILABLE);
    assertThat(offline.state().message()).isNotBlank();
  }

  @Test
  void theManualSearchFindsThePatientAndIsRecordedAsManual() throws Exception {
    model.searchByName("Zzexample", "", LocalDate.parse("1984-09-30"));
    assertThat(model.state().step()).isEqualTo(Step.CONFIRM_PATIENT);

    model.confirm();

    assertThat(model.foundBy()).isEqualTo(EncounterFinder.FoundBy.MANUAL_SEARCH);
    assertThat(java.nio.file.Files.readString(dir.resolve("audit.log")))
        .contains("found-by=manual-search");
  }

  @Test
  void afterTheIdleTimeThePatientLeavesTheScreenAndTheCapturesStayHeld() {
    model.scanned("DEMO-000001");
    model.confirm();
    model.siteProperty().set(SITES.bySnomedId("54735007").orElseThrow());
    shoot(2);

    clock.advance(Duration.ofMinutes(4));
    model.checkIdle();
    assertThat(model.state().step()).isEqualTo(Step.CAPTURING);

    clock.advance(Duration.ofMinutes(1));
    model.checkIdle();

    assertThat(model.state().step()).isEqualTo(Step.READY_TO_SCAN);
    assertThat(model.state().patient()).isNull();
    assertThat(model.state().kept()).isEqualTo(2);
    assertThat(model.shots()).isEmpty();
    assertThat(outboxStates()).containsExactly(DeliveryState.HELD, DeliveryState.HELD);
  }

  @Test
  void leavingWithUnsentCapturesAsksFirstAndKeepsThem() {
    model.scanned("DEMO-000001");
    model.confirm();
    model.siteProperty().set(SITES.bySnomedId("54735007").orElseThrow());
    shoot(1);

    model.leave();
    assertThat(model.state().step()).isEqualTo(Step.LEAVE_WITH_UNSENT);
    model.backToCapture();
    model.leave();
    model.leaveKeepingCaptures();

    assertThat(model.state().step()).isEqualTo(Step.READY_TO_SCAN);
    assertThat(outboxStates()).containsExactly(DeliveryState.HELD);
  }

  /** Nora signs in, confirms DEMO-000002 and takes one photo of the sacrum. */
  private void noraTakesOnePhoto(BedsideModel m) throws Exception {
    m.signInWithPin("nora.n", "4711".toCharArray());
    confirmAndTakeOnePhoto(m, "DEMO-000002");
  }

  /** The patient of {@code barcode} confirmed, one photo of the sacrum taken. */
  private void confirmAndTakeOnePhoto(BedsideModel m, String barcode) throws Exception {
    m.scanned(barcode);
    m.confirm();
    m.siteProperty().set(SITES.bySnomedId("54735007").orElseThrow());
    m.capture(
        "photo",
        () ->
            m.session()
                .still(
                    camera, camera.formats().get(0), m.siteProperty().get(), Laterality.UNPAIRED));
  }

  private BedsideModel withOperators() throws Exception {
    return withOperators(CaptureWorkflow.WhenTakenOver.KEEP);
  }

  private BedsideModel withOperators(CaptureWorkflow.WhenTakenOver whenTakenOver) throws Exception {
    OperatorStore store =
        OperatorStore.in(dir, clock, new AuditLog(dir.resolve("audit.log"), clock));
    store.add(
        new Operator("nora.n", PersonName.of("Zznurse", "Nora"), Operator.Role.CAPTURE),
        "4711".toCharArray(),
        "test");
    store.add(
        new Operator("ida", PersonName.of("Zzinstaller", "Ida"), Operator.Role.INSTALLER),
        "2580".toCharArray(),
        "test");
    store.setBadge("ida", "BADGE-IDA", "test");
    return model(ehr.baseUrl(), store, CaptureWorkflow.WhenIdle.LOCK, whenTakenOver);
  }

  @Test
  void operatorsSignInWithAPinAndTheirNameGoesIntoEveryObject() throws Exception {
    BedsideModel m = withOperators();
    m.scanned("DEMO-000001");
    assertThat(m.state().step()).as("no lookup before sign-in").isEqualTo(Step.SIGNED_OUT);

    m.signInWithPin("nora.n", "1111".toCharArray());
    assertThat(m.problemProperty().get()).isEqualTo("User name or PIN is not right. Try again.");
    m.signInWithPin("nora.n", "4711".toCharArray());

    assertThat(m.state().step()).isEqualTo(Step.READY_TO_SCAN);
    confirmAndTakeOnePhoto(m, "DEMO-000001");
    String sop = m.shots().get(0).id();
    try (java.io.InputStream object = outbox.read(sop)) {
      assertThat(Dataset.read(object).dataset().get(Tags.OperatorsName)).isEqualTo("Zznurse^Nora");
    }
    m.send();
    assertThat(java.nio.file.Files.readString(dir.resolve("audit.log")))
        .contains("found-by=barcode by Zznurse^Nora")
        .contains("1 captures released by Zznurse^Nora");
  }

  @Test
  void aFreshInstallsInstallerSignsInOnceWithTheOneTimePinAndMayOpenTheSettings() throws Exception {
    OperatorStore store =
        OperatorStore.in(dir, clock, new AuditLog(dir.resolve("audit.log"), clock));
    java.nio.file.Path file = store.oneTimeInstallerPin().orElseThrow();
    BedsideModel m = model(ehr.baseUrl(), store, CaptureWorkflow.WhenIdle.LOCK);
    assertThat(m.oneTimePinFile()).isEqualTo(file.toString());
    String pin = java.nio.file.Files.readString(file).replaceAll("(?s).*: (\\d{8})\\s*$", "$1");

    m.signInWithPin(OperatorStore.ONE_TIME_INSTALLER, pin.toCharArray());

    assertThat(m.state().step()).isEqualTo(Step.READY_TO_SCAN);
    assertThat(m.installerSignedIn()).isTrue();
    assertThat(m.oneTimePinFile()).isNull();
    m.openSettings();
    assertThat(m.state().step()).isEqualTo(Step.SETTINGS);
  }

  @Test
  void aStaffBadgeScannedForAPatientIsToldApartFromAWristband() throws Exception {
    model.scanned("DEMO-BADGE-NURSE");

    assertThat(model.state().step()).isEqualTo(Step.READY_TO_SCAN);
    assertThat(model.problemProperty().get()).contains("staff badge, not a wristband");
  }

  @Test
  void theSameOperatorUnlocksWhereTheyWereAndAnotherOneStartsAfreshWithTheCapturesKept()
      throws Exception {
    BedsideModel m = withOperators();
    noraTakesOnePhoto(m);

    m.lock();
    m.unlock();
    assertThat(m.state().step()).as("no unlock without a PIN").isEqualTo(Step.LOCKED);
    m.signInWithPin("nora.n", "4711".toCharArray());
    assertThat(m.state().step()).isEqualTo(Step.CAPTURING);
    assertThat(m.shots()).hasSize(1);

    m.lock();
    m.scanned("BADGE-IDA");

    assertThat(m.state().step()).isEqualTo(Step.READY_TO_SCAN);
    assertThat(m.state().operator()).isEqualTo("ida");
    assertThat(m.state().kept()).isEqualTo(1);
    assertThat(m.shots()).isEmpty();
    assertThat(outboxStates()).containsExactly(DeliveryState.HELD);
  }

  @Test
  void whereTheSiteSaysSendAnotherOperatorSigningInSendsTheFirstOnesCaptures() throws Exception {
    BedsideModel m = withOperators(CaptureWorkflow.WhenTakenOver.SEND);
    noraTakesOnePhoto(m);
    m.lock();

    m.scanned("BADGE-IDA");

    assertThat(m.state().operator()).isEqualTo("ida");
    assertThat(m.state().kept()).isZero();
    assertThat(outboxStates()).doesNotContain(DeliveryState.HELD).hasSize(1);
  }
}
