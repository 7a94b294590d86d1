package org.bedsidecapture.dicom.delivery;

import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.PresentationContext;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedList;

/** Opens associations to archives, over DICOM TLS where the destination says so. */
final class Associations {
  private Associations() {}

  /**
   * @param tls the station's TLS configuration; null means the JDK's trusted authorities and no
   *     station certificate
   */
  static Association open(
      DicomDestination destination,
      String callingAeTitle,
      LinkedList<PresentationContext> proposed,
      Tls tls,
      Duration timeout)
      throws DicomNetworkException, IOException {
    Association association;
    try (Tls.Scope scope =
        destination.tls() ? (tls != null ? tls : Tls.jdkDefaults()).forDicom(timeout) : null) {
      association =
          AssociationFactory.createNewAssociation(
              destination.host(),
              destination.port(),
              destination.calledAeTitle(),
              callingAeTitle,
              proposed,
              null,
              destination.tls());
    }
    Sockets.tune(association, timeout);
    return association;
  }
}
