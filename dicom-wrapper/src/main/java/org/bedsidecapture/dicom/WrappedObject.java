package org.bedsidecapture.dicom;

import java.nio.file.Path;

/** A DICOM object written for a capture: where it is and the UIDs that identify it. */
public record WrappedObject(
    Path file,
    String sopClassUid,
    String sopInstanceUid,
    String studyInstanceUid,
    String seriesInstanceUid,
    String transferSyntaxUid) {}
