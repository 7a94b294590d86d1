package org.bedsidecapture.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of DESIGN.md §2, checked on the compiled classes: the two libraries know
 * neither each other, nor JavaFX, nor FHIR; the DICOM toolkit stays inside dicom-wrapper.
 */
class LayerRulesTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.bedsidecapture");

  @Test
  void dicomWrapperKnowsNoUiNoFhirAndNoDevices() {
    noClasses()
        .that()
        .resideInAPackage("org.bedsidecapture.dicom..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "javafx..",
            "ca.uhn.fhir..",
            "org.hl7.fhir..",
            "org.bedsidecapture.device..",
            "org.bedsidecapture.app..")
        .check(CLASSES);
  }

  @Test
  void deviceAdaptersKnowNoUiAndNoDicom() {
    noClasses()
        .that()
        .resideInAPackage("org.bedsidecapture.device..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "org.bedsidecapture.dicom..", "org.bedsidecapture.app..")
        .allowEmptyShould(true)
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
}
