package org.bedsidecapture.dicom.outbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    Path temp = target.resolveSibling("." + target.getFileName() + ".part");
    try (FileChannel ch = createPrivate(temp);
        OutputStream out = Channels.newOutputStream(ch)) {
      out.write(content);
      out.flush();
      ch.force(true);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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
