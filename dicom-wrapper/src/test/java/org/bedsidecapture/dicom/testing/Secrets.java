package org.bedsidecapture.dicom.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Secrets' files as a site keeps them: their owner's only, or the app refuses them. */
public final class Secrets {
  private Secrets() {}

  /** Writes {@code text} to a new file only its owner can read. */
  public static Path write(Path file, String text) throws IOException {
    return Files.writeString(
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
        text);
  }
}
