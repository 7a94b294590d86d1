package org.bedsidecapture.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.bedsidecapture.app.AppContext;
import org.bedsidecapture.app.fhir.EncounterContextException;
import org.bedsidecapture.app.fhir.Fhir;
import org.bedsidecapture.app.settings.SettingsException;
import org.bedsidecapture.app.settings.SiteSettings;
import org.bedsidecapture.dicom.BodySite;
import org.bedsidecapture.dicom.BodySiteCatalogue;
import org.bedsidecapture.dicom.Capture;
import org.bedsidecapture.dicom.CaptureDevice;
import org.bedsidecapture.dicom.DicomFactory;
import org.bedsidecapture.dicom.EncounterContext;
import org.bedsidecapture.dicom.Laterality;
import org.bedsidecapture.dicom.OwnerOnly;
import org.bedsidecapture.dicom.PersonName;
import org.bedsidecapture.dicom.StudySession;
import org.bedsidecapture.dicom.UidGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Wraps photos and clips as DICOM objects for the encounter a FHIR Bundle describes. Files that
 * cannot be wrapped are named on stderr with the reason; the others are still wrapped.
 */
@Command(
    name = "wrap",
    mixinStandardHelpOptions = true,
    description = "Wrap JPEG/PNG photos and MP4 clips as DICOM objects for one encounter.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every file was wrapped",
      "1:at least one file was rejected (named on stderr with the reason)",
      "2:bad arguments, settings or context: nothing was wrapped"
    })
final class WrapCommand implements Callable<Integer> {
  private final AppContext app;

  WrapCommand(AppContext app) {
    this.app = app;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--context",
      required = true,
      paramLabel = "BUNDLE.json",
      description =
          "FHIR R4 Bundle with a Patient and an Encounter"
              + " (optionally ServiceRequest, Organization, Practitioner).")
  Path context;

  @Option(
      names = "--body-site",
      required = true,
      paramLabel = "SCTID",
      description = "SNOMED CT code of the body site (see the body-sites command).")
  String bodySite;

  @Option(
      names = "--laterality",
      required = true,
      paramLabel = "R|L|B|U",
      description = "Right, left, both, or unpaired.")
  String laterality;

  @Option(
      names = "--operator",
      paramLabel = "NAME",
      description = "Who captured the images, as Family^Given or free text.")
  String operator;

  /** What the files come from, which decides the DICOM object type. */
  enum Source {
    camera,
    ultrasound,
    screen
  }

  @Option(
      names = "--source",
      defaultValue = "camera",
      paramLabel = "camera|ultrasound|screen",
      description =
          "What the files come from: a camera (default), an ultrasound frame grabber, or a frame"
              + " grabber on another screen.")
  Source source;

  @Option(
      names = "--image-area-only",
      description =
          "For --source ultrasound: the grabs show only the image area (no text, no patient"
              + " banner), so they become ultrasound objects instead of secondary captures.")
  boolean imageAreaOnly;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Photos (JPEG, PNG...) and clips.")
  List<Path> files;

  @Override
  public Integer call() throws IOException {
    Fhir fhir = app.fhir();
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    SiteSettings settings;
    BodySite site;
    Laterality side;
    DicomFactory factory;
    try {
      settings = app.settings();
      side = Laterality.fromCode(laterality);
      site =
          BodySiteCatalogue.standard()
              .bySnomedId(bodySite)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown body site code '"
                              + bodySite
                              + "' (list them with: body-sites)"));
      factory = app.dicomFactory();
    } catch (SettingsException | IllegalArgumentException e) {
      err.println("wrap: " + e.getMessage());
      return 2;
    }
    if (!Files.isDirectory(out)) {
      OwnerOnly.folder(out);
    }
    PersonName who = operator == null ? null : PersonName.parse(operator);
    CaptureDevice device =
        switch (source) {
          case camera -> CaptureDevice.importedCamera();
          case ultrasound ->
              new CaptureDevice(
                  "ultrasound",
                  CaptureDevice.Kind.ULTRASOUND_GRABBER,
                  null,
                  null,
                  null,
                  imageAreaOnly);
          case screen ->
              new CaptureDevice(
                  "screen", CaptureDevice.Kind.SCREEN_GRABBER, null, null, null, false);
        };
    List<Capture> captures =
        files.stream().map(f -> new Capture(f, device, site, side, who, null)).toList();
    int[] rejected = {0};
    try (DicomFactory.ReadAhead media = factory.readAhead(captures, out)) {
      EncounterContext encounter;
      try {
        encounter = fhir.bundleReader().read(context);
      } catch (EncounterContextException e) {
        err.println("wrap: " + e.getMessage());
        return 2;
      }
      Clock clock = app.clock().withZone(ZoneId.systemDefault());
      StudySession session =
          new StudySession(
              new UidGenerator(settings.uidRoot()),
              encounter.studyInstanceUid(),
              OffsetDateTime.now(clock));
      factory.wrapAll(
          encounter,
          session,
          media,
          out,
          outcome -> {
            if (outcome.wrapped()) {
              stdout.println(outcome.capture().media() + " -> " + outcome.object().file());
            } else {
              err.println(outcome.capture().media() + ": " + outcome.rejection());
              rejected[0]++;
            }
          });
    }
    stdout.flush();
    return rejected[0] == 0 ? 0 : 1;
  }
}
