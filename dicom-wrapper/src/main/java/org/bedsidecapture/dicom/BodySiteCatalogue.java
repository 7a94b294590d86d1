package org.bedsidecapture.dicom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The body sites a user can tag a capture with (CID 4031 regions plus common wound and skin sites),
 * read from {@code body-sites.csv} so that the list is reviewable as data.
 */
public final class BodySiteCatalogue {
  private final Map<String, BodySite> bySnomedId;

  private BodySiteCatalogue(Map<String, BodySite> bySnomedId) {
    this.bySnomedId = Collections.unmodifiableMap(bySnomedId);
  }

  /** The catalogue that ships with the app. */
  public static BodySiteCatalogue standard() {
    try (InputStream in = BodySiteCatalogue.class.getResourceAsStream("body-sites.csv")) {
      if (in == null) {
        throw new IllegalStateException("body-sites.csv is missing from the class path");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BodySiteCatalogue read(InputStream in) throws IOException {
    Map<String, BodySite> sites = new LinkedHashMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    boolean header = true;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (header) {
        header = false;
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length != 4) {
        throw new IllegalStateException("body-sites.csv: expected 4 cells in '" + line + "'");
      }
      BodySite site =
          new BodySite(CodedConcept.snomed(cells[0], cells[1]), Boolean.parseBoolean(cells[2]));
      sites.put(site.snomedId(), site);
    }
    return new BodySiteCatalogue(sites);
  }

  public Optional<BodySite> bySnomedId(String code) {
    return Optional.ofNullable(code == null ? null : bySnomedId.get(code.strip()));
  }

  public Collection<BodySite> all() {
    return bySnomedId.values();
  }
}
