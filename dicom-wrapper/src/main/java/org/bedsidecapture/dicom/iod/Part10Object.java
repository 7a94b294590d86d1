package org.bedsidecapture.dicom.iod;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A DICOM object ready to be written, not yet anywhere: the UIDs that identify it and a way to
 * write its Part 10 bytes. The outbox takes one and encrypts it as it is written, so no plaintext
 * copy is ever on disk.
 */
public interface Part10Object {
  String sopInstanceUid();

  String sopClassUid();

  String transferSyntaxUid();

  String studyInstanceUid();

  /** Writes the Part 10 stream to {@code out}, leaving it open; may be called more than once. */
  void writeTo(OutputStream out) throws IOException;
}
