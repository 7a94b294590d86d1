package org.bedsidecapture.dicom.delivery;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.network.Association;
import com.pixelmed.network.CompositeResponseHandler;
import com.pixelmed.network.PresentationContext;
import java.util.LinkedList;
import java.util.List;

/**
 * The first half of storage commitment (push model): asks the archive, with N-ACTION, to commit to
 * holding a list of objects under a transaction UID. The answer comes later, on a new association,
 * to the {@link StorageCommitmentListener}.
 */
final class StorageCommitmentRequester {
  private StorageCommitmentRequester() {}

  /**
   * Sends the request; returns null when the archive accepted it, else why not.
   *
   * @param references each element: SOP class UID, SOP instance UID
   */
  static String request(
      DicomDestination destination,
      String callingAeTitle,
      String transactionUid,
      List<String[]> references,
      Tls tls,
      java.time.Duration timeout) {
    LinkedList<String> syntaxes =
        new LinkedList<>(
            List.of(TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.ImplicitVRLittleEndian));
    LinkedList<PresentationContext> proposed = new LinkedList<>();
    proposed.add(
        new PresentationContext((byte) 1, CommandSets.STORAGE_COMMITMENT_SOP_CLASS, syntaxes));
    try {
      Association association =
          Associations.open(destination, callingAeTitle, proposed, tls, timeout);
      byte context =
          association.getSuitablePresentationContextID(CommandSets.STORAGE_COMMITMENT_SOP_CLASS);
      String ts = association.getTransferSyntaxForPresentationContextID(context);
      ActionResponse response = new ActionResponse();
      association.setReceivedDataHandler(response);
      association.send(
          context,
          CommandSets.nActionRequest(1),
          CommandSets.commitmentRequest(transactionUid, references, ts));
      association.waitForCommandPDataPDUs();
      association.release();
      return response.getStatus() == 0
          ? null
          : String.format(
              "archive refused the storage commitment request, status %04X", response.getStatus());
    } catch (Exception e) {
      return "storage commitment request to " + destination + " failed: " + e.getMessage();
    }
  }

  private static final class ActionResponse extends CompositeResponseHandler {
    @Override
    protected void evaluateStatusAndSetSuccess(AttributeList command) {
      status = Attribute.getSingleIntegerValueOrDefault(command, CommandSets.STATUS, 0xFFFF);
      success = status == 0;
    }
  }
}
