package org.bedsidecapture.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.bedsidecapture.app.AppContext;
import org.bedsidecapture.app.fhir.demo.DemoFhirServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The demo EHR on its own, until stopped: for trying {@code lookup}, a scanner or a site's FHIR
 * settings against synthetic patients without an EHR.
 */
@Command(
    name = "demo-ehr",
    mixinStandardHelpOptions = true,
    description = {
      "Run the demo EHR (HAPI FHIR, synthetic patients) on loopback until stopped;",
      "prints its FHIR base URL on the first line. With --bundle, write the demo's first",
      "encounter as a FHIR Bundle instead (what `wrap --context` reads) and stop."
    })
final class DemoEhrCommand implements Callable<Integer> {
  private final AppContext app;

  DemoEhrCommand(AppContext app) {
    this.app = app;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = "--bundle",
      paramLabel = "FILE",
      description = "Write the demo's first encounter, with its order, as a FHIR Bundle to FILE.")
  java.nio.file.Path bundle;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (bundle != null) {
      java.nio.file.Files.writeString(bundle, app.fhir().demoEncounterBundle());
      out.println(bundle);
      return 0;
    }
    try (DemoFhirServer ehr = app.fhir().startDemoEhr()) {
      out.println(ehr.baseUrl());
      out.println("demo EHR running (synthetic patients only); stop it with Ctrl-C");
      out.flush();
      new CountDownLatch(1).await();
    }
    return 0;
  }
}
