package org.bedsidecapture.dicom.delivery;

import com.pixelmed.network.PresentationContext;
import com.pixelmed.network.PresentationContextSelectionPolicy;
import java.util.LinkedList;
import java.util.List;
import java.util.function.Function;

/**
 * What our listeners accept of the presentation contexts an association proposes: for each, the
 * transfer syntax chosen among those proposed, or null to refuse it.
 */
final class ContextChoice implements PresentationContextSelectionPolicy {
  private static final byte ACCEPTANCE = 0;
  private static final byte ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;

  private final Function<PresentationContext, String> choose;

  ContextChoice(Function<PresentationContext, String> choose) {
    this.choose = choose;
  }

  /** The first of {@code preferred} that the context proposes, or null. */
  @SuppressWarnings("unchecked")
  static String firstOf(List<String> preferred, PresentationContext pc) {
    List<String> proposed = pc.getTransferSyntaxUIDs();
    return preferred.stream().filter(proposed::contains).findFirst().orElse(null);
  }

  @Override
  public LinkedList applyPresentationContextSelectionPolicy(
      LinkedList presentationContexts, int associationNumber, int debugLevel) {
    return applyPresentationContextSelectionPolicy(presentationContexts, associationNumber);
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public LinkedList applyPresentationContextSelectionPolicy(
      LinkedList presentationContexts, int associationNumber) {
    for (Object o : presentationContexts) {
      PresentationContext pc = (PresentationContext) o;
      String accepted = choose.apply(pc);
      pc.newTransferSyntaxUIDs();
      if (accepted == null) {
        pc.setResultReason(ABSTRACT_SYNTAX_NOT_SUPPORTED);
      } else {
        pc.addTransferSyntaxUID(accepted);
        pc.setResultReason(ACCEPTANCE);
      }
    }
    return presentationContexts;
  }
}
