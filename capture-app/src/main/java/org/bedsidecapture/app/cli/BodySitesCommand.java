package org.bedsidecapture.app.cli;

import java.util.concurrent.Callable;
import org.bedsidecapture.dicom.BodySite;
import org.bedsidecapture.dicom.BodySiteCatalogue;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Lists the body sites {@code wrap --body-site} accepts. */
@Command(
    name = "body-sites",
    mixinStandardHelpOptions = true,
    description = "List the body sites (SNOMED CT codes) a capture can be tagged with.")
final class BodySitesCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    for (BodySite s : BodySiteCatalogue.standard().all()) {
      out.printf("%-10s %-6s %s%n", s.snomedId(), s.paired() ? "paired" : "", s.meaning());
    }
    return 0;
  }
}
