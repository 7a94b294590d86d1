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
      "prints its FHIR base URL on the first line."
    })
final class DemoEhrCommand implements Callable<Integer> {
  private final AppContext app;

  DemoEhrCommand(AppContext app) {
    this.app = app;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (DemoFhirServer ehr = app.fhir().startDemoEhr()) {
      out.println(ehr.baseUrl());
      out.println("demo EHR running (synthetic patients only); stop it with Ctrl-C");
      out.flush();
      new CountDownLatch(1).await();
    }
    return 0;
  }
}
