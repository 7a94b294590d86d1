package org.bedsidecapture.devices.stills;

import java.io.IOException;
import java.nio.ByteBuffer;
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
 * Puts a still on disk so that it survives a power cut the moment the shutter call returns: a
 * hidden part file, flushed, then renamed over the final name (a reader sees the whole JPEG or
 * none). A still shows a patient: the file is the app user's alone, whatever the umask.
 */
public final class StillFiles {
  private static final FileAttribute<?>[] OWNER_ONLY =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
          ? new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
          }
          : new FileAttribute<?>[0];

  private StillFiles() {}

  public static void write(byte[] jpeg, Path file) throws IOException {
    Path part = file.resolveSibling("." + file.getFileName() + ".part");
    try (FileChannel ch =
        FileChannel.open(
            part,
            Set.of(
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE),
            OWNER_ONLY)) {
      ByteBuffer buf = ByteBuffer.wrap(jpeg);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(false);
    } catch (IOException e) {
      Files.deleteIfExists(part);
      throw e;
    }
    Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
