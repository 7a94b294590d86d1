package org.bedsidecapture.app.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of DESIGN.md §2, checked on the compiled classes: the two libraries know
 * neither each other, nor JavaFX, nor FHIR, nor the app; the DICOM toolkit stays inside
 * dicom-wrapper; the device SPI stands on its own; only the app's FHIR package touches HAPI. Every
 * rule fails when the classes it speaks of are not there (ArchUnit's default), so a misspelt
 * package cannot make a rule pass by matching nothing.
 */
class LayerRulesTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.bedsidecapture");

  @Test
  void dicomWrapperKnowsNoUiNoFhirNoDevicesAndNoApp() {
    noClasses()
        .that()
        .resideInAPackage("org.bedsidecapture.dicom..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "javafx..",
            "ca.uhn.fhir..",
            "org.hl7.fhir..",
            "org.bedsidecapture.devices..",
            "org.bedsidecapture.app..")
        .check(CLASSES);
  }

  @Test
  void deviceAdaptersKnowNoUiNoFhirNoDicomAndNoApp() {
    noClasses()
        .that()
        .resideInAPackage("org.bedsidecapture.devices..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "javafx..",
            "ca.uhn.fhir..",
            "org.hl7.fhir..",
            "com.pixelmed..",
            "org.bedsidecapture.dicom..",
            "org.bedsidecapture.app..")
        .check(CLASSES);
  }

  @Test
  void theDeviceSpiDependsOnNothingElseInDevices() {
    noClasses()
        .that()
        .resideInAPackage("org.bedsidecapture.devices.spi..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("org.bedsidecapture..")
                .and(resideOutsideOfPackage("org.bedsidecapture.devices.spi..")))
        .check(CLASSES);
  }

  @Test
  void theDicomToolkitStaysInsideDicomWrapper() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.bedsidecapture.dicom..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.pixelmed..")
        .check(CLASSES);
  }

  @Test
  void onlyTheAppsFhirPackageTouchesHapi() {
    noClasses()
        .that()
        .resideInAPackage("org.bedsidecapture..")
        .and()
        .resideOutsideOfPackage("org.bedsidecapture.app.fhir..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("ca.uhn.fhir..", "org.hl7.fhir..")
        .check(CLASSES);
  }

  @Test
  void theWorkflowKnowsNoScreenAndNoCommandLine() {
    noClasses()
        .that()
        .resideInAPackage("org.bedsidecapture.app.workflow..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "javafx..", "picocli..", "org.bedsidecapture.app.ui..", "org.bedsidecapture.app.cli..")
        .check(CLASSES);
  }

  @Test
  void theServicesKnowNoScreenAndNoCommandLine() {
    noClasses()
        .that()
        .resideInAPackage("org.bedsidecapture.app.service..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "javafx..", "picocli..", "org.bedsidecapture.app.ui..", "org.bedsidecapture.app.cli..")
        .check(CLASSES);
  }

  @Test
  void theCommandLineReachesTheCaptureAndDeliveryPathOnlyThroughTheServices() {
    noClasses()
        .that()
        .resideInAPackage("org.bedsidecapture.app.cli..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.bedsidecapture.dicom.delivery.CStoreArchiveSender")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.bedsidecapture.dicom.delivery.StowRsArchiveSender")
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("org.bedsidecapture.app.ui..")
        .check(CLASSES);
  }

  @Test
  void theViewModelsHoldStateNotControls() {
    noClasses()
        .that()
        .resideInAPackage("org.bedsidecapture.app.ui.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.bedsidecapture.app.cli..")
        .check(CLASSES);
  }

  @Test
  void theScreensKnowNoToolkitBehindTheServices() {
    noClasses()
        .that()
        .resideInAPackage("org.bedsidecapture.app.ui..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.pixelmed..",
            "ca.uhn.fhir..",
            "org.hl7.fhir..",
            "org.bytedeco..",
            "com.github.sarxos..",
            "org.bedsidecapture.app.cli..",
            "org.bedsidecapture.dicom.delivery..")
        .check(CLASSES);
  }

  @Test
  void theScreensReachTheCapturePathOnlyThroughTheirModels() {
    noClasses()
        .that()
        .resideInAPackage("org.bedsidecapture.app.ui")
        .should()
        .dependOnClassesThat(
            com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(
                    org.bedsidecapture.app.service.CaptureStation.class)
                .or(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(
                        org.bedsidecapture.app.service.CaptureSession.class))
                .or(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(
                        org.bedsidecapture.app.service.DeliveryService.class))
                .or(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(
                        org.bedsidecapture.app.service.EncounterFinder.class))
                .or(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(
                        org.bedsidecapture.app.fhir.Fhir.class))
                .or(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(
                        org.bedsidecapture.app.fhir.FhirEncounterLookup.class))
                .or(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(
                        org.bedsidecapture.dicom.outbox.Outbox.class)))
        .because("a screen binds to its view model, which calls the services")
        .check(CLASSES);
  }
}
