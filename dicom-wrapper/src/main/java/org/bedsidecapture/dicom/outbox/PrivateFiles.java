package org.bedsidecapture.dicom.outbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.bedsidecapture.dicom.OwnerOnly;

/**
 * File operations for patient data: readable by the app's user only, and durable — a file is
 * written under a temporary name, flushed, renamed, and its folder flushed, so that after a crash
 * or a power cut it is either there whole or not there at all.
 */
final class PrivateFiles {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private PrivateFiles() {}

  static void createDirectoryRestricted(Path dir) throws IOException {
    OwnerOnly.folder(dir);
  }

  /** Writing into a new private file; the caller closes, then {@link #commit}s it. */
  static FileChannel createPrivate(Path file) throws IOException {
    return FileChannel.open(
        file,
        Set.of(
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE),
        OwnerOnly.file());
  }

  /** Opens (or makes) a private file for reading and writing, keeping what it holds. */
  static FileChannel openPrivate(Path file) throws IOException {
    return FileChannel.open(
        file,
        Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
        OwnerOnly.file());
  }

  /**
   * Replaces the file's content atomically: a flushed temporary file renamed over it. The rename
   * lasts once the caller flushed the folder ({@link #syncDirectory}), which it can do once for
   * many files.
   */
  static void replace(Path target, byte[] content) throws IOException {
    OwnerOnly.replace(target, content);
  }

  static void syncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      if (POSIX) {
        throw e;
      }
    }
  }
}
