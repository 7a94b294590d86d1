package org.bedsidecapture.devices.stills;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Puts a still on disk so that it survives a power cut the moment the shutter call returns: a
 * hidden part file, flushed, then renamed over the final name (a reader sees the whole JPEG or
 * none).
 */
public final class StillFiles {
  private StillFiles() {}

  public static void write(byte[] jpeg, Path file) throws IOException {
    Path part = file.resolveSibling("." + file.getFileName() + ".part");
    try (FileChannel ch =
        FileChannel.open(
            part,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
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
