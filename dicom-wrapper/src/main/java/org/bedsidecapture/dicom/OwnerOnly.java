package org.bedsidecapture.dicom;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders that hold patient data are the app user's alone (rw------- and rwx------),
 * whatever the system's umask; on systems without POSIX permissions the folder's own access rules
 * apply.
 */
public final class OwnerOnly {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private OwnerOnly() {}

  /** The attributes to create a file with. */
  public static FileAttribute<?>[] file() {
    return POSIX
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        }
        : new FileAttribute<?>[0];
  }

  /**
   * Replaces a file's content atomically and privately: a flushed temporary file of the owner's
   * alone, renamed over the file (a reader sees the old content or the new, never part). The rename
   * lasts once the folder is flushed too; a caller writing many files can flush it once for all.
   */
  public static void replace(Path target, byte[] content) throws IOException {
    Path temp = target.resolveSibling("." + target.getFileName() + ".part");
    try (FileChannel ch =
            FileChannel.open(
                temp,
                Set.of(
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE),
                file());
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

  /** Makes the folder (and missing parents) and makes it the owner's alone. */
  public static Path folder(Path dir) throws IOException {
    Files.createDirectories(dir);
    if (POSIX) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
    return dir;
  }
}
