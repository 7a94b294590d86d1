package org.bedsidecapture.dicom.delivery;

import java.util.Map;
import java.util.Set;

/**
 * The archive's answer to a storage commitment request: which objects it holds for good, and for
 * the others the failure reason (PS3.4 C.14.1.1: 0110 processing failure, 0112 no such object, 0119
 * class/instance conflict, 0131 duplicate transaction UID...).
 */
public record StorageCommitment(
    String transactionUid, Set<String> committed, Map<String, Integer> failed) {

  public StorageCommitment {
    committed = Set.copyOf(committed);
    failed = Map.copyOf(failed);
  }

  static String reason(int code) {
    return switch (code) {
      case 0x0110 -> "processing failure";
      case 0x0112 -> "no such object instance";
      case 0x0119 -> "class-instance conflict";
      case 0x0131 -> "duplicate transaction UID";
      case 0x0122 -> "referenced SOP class not supported";
      case 0x0213 -> "resource limitation";
      default -> String.format("failure reason %04X", code);
    };
  }
}
