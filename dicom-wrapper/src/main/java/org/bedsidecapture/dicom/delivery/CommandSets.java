package org.bedsidecapture.dicom.delivery;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UnsignedLongAttribute;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.bedsidecapture.dicom.iod.Dataset;

/**
 * The DIMSE-N command sets storage commitment needs (PS3.7 §10.1.4 and §10.1.1), which the toolkit
 * does not provide, and the encoding of command sets and data sets into bytes for the association.
 */
final class CommandSets {
  static final String STORAGE_COMMITMENT_SOP_CLASS = "1.2.840.10008.1.20.1";
  static final String STORAGE_COMMITMENT_SOP_INSTANCE = "1.2.840.10008.1.20.1.1";
  static final int N_ACTION_RQ = 0x0130;
  static final int N_EVENT_REPORT_RQ = 0x0100;
  static final int N_EVENT_REPORT_RSP = 0x8100;
  static final int DATA_SET_PRESENT = 0x0000;
  static final int NO_DATA_SET = 0x0101;

  static final AttributeTag COMMAND_GROUP_LENGTH = new AttributeTag(0x0000, 0x0000);
  static final AttributeTag AFFECTED_SOP_CLASS = new AttributeTag(0x0000, 0x0002);
  static final AttributeTag REQUESTED_SOP_CLASS = new AttributeTag(0x0000, 0x0003);
  static final AttributeTag COMMAND_FIELD = new AttributeTag(0x0000, 0x0100);
  static final AttributeTag MESSAGE_ID = new AttributeTag(0x0000, 0x0110);
  static final AttributeTag MESSAGE_ID_RESPONDED_TO = new AttributeTag(0x0000, 0x0120);
  static final AttributeTag DATA_SET_TYPE = new AttributeTag(0x0000, 0x0800);
  static final AttributeTag STATUS = new AttributeTag(0x0000, 0x0900);
  static final AttributeTag AFFECTED_SOP_INSTANCE = new AttributeTag(0x0000, 0x1000);
  static final AttributeTag REQUESTED_SOP_INSTANCE = new AttributeTag(0x0000, 0x1001);
  static final AttributeTag EVENT_TYPE_ID = new AttributeTag(0x0000, 0x1002);
  static final AttributeTag ACTION_TYPE_ID = new AttributeTag(0x0000, 0x1008);

  static final AttributeTag TRANSACTION_UID = new AttributeTag(0x0008, 0x1195);
  static final AttributeTag REFERENCED_SOP_SEQUENCE = new AttributeTag(0x0008, 0x1199);
  static final AttributeTag FAILED_SOP_SEQUENCE = new AttributeTag(0x0008, 0x1198);
  static final AttributeTag REFERENCED_SOP_CLASS = new AttributeTag(0x0008, 0x1150);
  static final AttributeTag REFERENCED_SOP_INSTANCE = new AttributeTag(0x0008, 0x1155);
  static final AttributeTag FAILURE_REASON = new AttributeTag(0x0008, 0x1197);

  private CommandSets() {}

  /** N-ACTION-RQ for the storage commitment push model, action type 1. */
  static byte[] nActionRequest(int messageId) {
    Dataset c = new Dataset();
    c.put(REQUESTED_SOP_CLASS, "UI", STORAGE_COMMITMENT_SOP_CLASS, "Requested SOP Class UID");
    c.putInt(COMMAND_FIELD, "US", N_ACTION_RQ);
    c.putInt(MESSAGE_ID, "US", messageId);
    c.putInt(DATA_SET_TYPE, "US", DATA_SET_PRESENT);
    c.put(REQUESTED_SOP_INSTANCE, "UI", STORAGE_COMMITMENT_SOP_INSTANCE, "Requested SOP Instance");
    c.putInt(ACTION_TYPE_ID, "US", 1);
    return command(c);
  }

  /** N-EVENT-REPORT-RSP with status Success, for the report the archive sent. */
  static byte[] nEventReportResponse(int messageIdRespondedTo, int eventTypeId) {
    Dataset c = new Dataset();
    c.put(AFFECTED_SOP_CLASS, "UI", STORAGE_COMMITMENT_SOP_CLASS, "Affected SOP Class UID");
    c.putInt(COMMAND_FIELD, "US", N_EVENT_REPORT_RSP);
    c.putInt(MESSAGE_ID_RESPONDED_TO, "US", messageIdRespondedTo);
    c.putInt(DATA_SET_TYPE, "US", NO_DATA_SET);
    c.putInt(STATUS, "US", 0x0000);
    c.put(AFFECTED_SOP_INSTANCE, "UI", STORAGE_COMMITMENT_SOP_INSTANCE, "Affected SOP Instance");
    c.putInt(EVENT_TYPE_ID, "US", eventTypeId);
    return command(c);
  }

  /** The N-ACTION data set: the transaction and the objects whose storage is to be committed. */
  static byte[] commitmentRequest(
      String transactionUid, List<String[]> classAndInstance, String transferSyntaxUid) {
    Dataset d = new Dataset();
    d.put(TRANSACTION_UID, "UI", transactionUid, "Transaction UID");
    List<Dataset> items =
        classAndInstance.stream()
            .map(
                ref ->
                    new Dataset()
                        .put(REFERENCED_SOP_CLASS, "UI", ref[0], "Referenced SOP Class UID")
                        .put(REFERENCED_SOP_INSTANCE, "UI", ref[1], "Referenced SOP Instance UID"))
            .toList();
    d.putSequence(REFERENCED_SOP_SEQUENCE, items);
    return encode(d.toolkitList(), transferSyntaxUid);
  }

  /** A command set: always Implicit VR Little Endian, with its group length first. */
  static byte[] command(Dataset command) {
    AttributeList list = command.toolkitList();
    try {
      long length = 0;
      for (Attribute a : list.values()) {
        length += a.getLengthOfEntireEncodedAttribute(false, true);
      }
      Attribute groupLength = new UnsignedLongAttribute(COMMAND_GROUP_LENGTH);
      groupLength.addValue(length);
      list.put(groupLength);
    } catch (DicomException e) {
      throw new IllegalStateException(e);
    }
    return encode(list, TransferSyntax.ImplicitVRLittleEndian);
  }

  private static byte[] encode(AttributeList list, String transferSyntaxUid) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      DicomOutputStream out = new DicomOutputStream(bytes, null, transferSyntaxUid);
      list.write(out);
      out.close();
    } catch (IOException | DicomException e) {
      throw new IllegalStateException("cannot encode: " + e.getMessage(), e);
    }
    return bytes.toByteArray();
  }
}
