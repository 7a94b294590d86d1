package org.bedsidecapture.app.settings;

import java.net.URI;
import org.bedsidecapture.dicom.delivery.DicomDestination;
import org.bedsidecapture.dicom.delivery.StowRsArchiveSender;

/**
 * One archive the station delivers to ({@code archive.N} in the site settings): a DICOM node
 * ({@code dicom://AET@HOST:PORT}, {@code dicom-tls://…}) or a DICOMweb root ({@code
 * https://HOST/PATH/dicom-web}), and whether only storage commitment counts as delivered.
 *
 * @param destination the outbox's name for it: each object's delivery there is tracked by it
 */
public record Archive(String url, boolean commit, String destination) {

  /**
   * @throws IllegalArgumentException naming what is wrong with the address
   */
  public static Archive parse(String url, boolean commit) {
    String u = url.strip();
    boolean web = u.startsWith("http://") || u.startsWith("https://");
    if (web && commit) {
      throw new IllegalArgumentException(
          "storage commitment is for DICOM archives; a STOW-RS answer is already final");
    }
    String destination =
        web ? StowRsArchiveSender.name(URI.create(u)) : DicomDestination.parse(u).name();
    return new Archive(u, commit, destination);
  }

  public boolean web() {
    return url.startsWith("http://") || url.startsWith("https://");
  }

  /** Whether it is reached over DICOM TLS. */
  public boolean dicomTls() {
    return url.startsWith("dicom-tls://");
  }
}
