package org.bedsidecapture.dicom.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files the sealer writes are read by the key's decrypting stream (Tink's own reader), whatever
 * their size against the 1 MB segments and the shorter first one, written piecewise or read from a
 * file; a changed byte or another name is refused.
 */
class SealerTest {
  private static final int MB = 1 << 20;

  @TempDir Path dir;
  private OutboxKey key;
  private Sealer sealer;

  @BeforeEach
  void key() throws IOException {
    key = OutboxKey.openOrCreate(dir.resolve("keys").resolve("outbox.key"));
    sealer = key.sealer();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, MB - 100, MB - 41, MB - 40, MB - 39, MB, 2 * MB - 56, 3 * MB + 12345})
  void whatIsWrittenPiecewiseDecryptsAsItWas(int size) throws IOException {
    byte[] data = bytes(size);
    Path file = dir.resolve("piecewise-" + size);
    try (FileChannel ch =
            FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        Sealer.Sealing out = sealer.start(ch, "1.2.3")) {
      int at = 0;
      for (int step = 1; at < size; step = step % 50_000 * 3 + 1) {
        int n = Math.min(step % 70_000 + 1, size - at);
        if (n == 1) {
          out.write(data[at]);
        } else {
          out.write(data, at, n);
        }
        at += n;
      }
      assertThat(out.count()).isEqualTo(size);
    }
    assertThat(decrypt(file, "1.2.3")).isEqualTo(data);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, MB - 41, MB - 40, MB - 39, MB, 2 * MB - 57, 2 * MB - 56, 4_123_456})
  void aFileReadStraightInDecryptsAsItWas(int size) throws IOException {
    byte[] data = bytes(size);
    Path source = Files.write(dir.resolve("source-" + size), data);
    Path file = dir.resolve("sealed-" + size);
    long count;
    try (FileChannel ch =
            FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileChannel in = FileChannel.open(source);
        Sealer.Sealing out = sealer.start(ch, "1.2.3")) {
      out.transferFrom(in);
      count = out.count();
    }
    assertThat(count).isEqualTo(size);
    assertThat(decrypt(file, "1.2.3")).isEqualTo(data);
  }

  @Test
  void oneSealerWritesFileAfterFile() throws IOException {
    for (int i = 0; i < 3; i++) {
      byte[] data = bytes(MB + i);
      Path file = dir.resolve("next-" + i);
      try (FileChannel ch =
              FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          Sealer.Sealing out = sealer.start(ch, "1.2." + i)) {
        out.write(data);
      }
      assertThat(decrypt(file, "1.2." + i)).isEqualTo(data);
    }
  }

  @Test
  void aChangedByteOrAnotherNameIsRefused() throws IOException {
    byte[] data = bytes(2 * MB);
    Path file = dir.resolve("sealed");
    try (FileChannel ch =
            FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        Sealer.Sealing out = sealer.start(ch, "1.2.3")) {
      out.write(data);
    }
    assertThatThrownBy(() -> decrypt(file, "1.2.4")).isInstanceOf(IOException.class);
    byte[] sealed = Files.readAllBytes(file);
    sealed[MB + 77] ^= 1;
    Files.write(file, sealed);
    assertThatThrownBy(() -> decrypt(file, "1.2.3")).isInstanceOf(IOException.class);
  }

  @Test
  void writingAfterTheEndIsRefused() throws IOException {
    Path file = dir.resolve("ended");
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      Sealer.Sealing out = sealer.start(ch, "1.2.3");
      out.close();
      assertThatThrownBy(() -> out.write(1)).hasMessageContaining("already finished");
    }
  }

  private byte[] decrypt(Path file, String name) throws IOException {
    try (InputStream in = key.decrypting(Files.newInputStream(file), name)) {
      return in.readAllBytes();
    }
  }

  private static byte[] bytes(int size) {
    byte[] b = new byte[size];
    new Random(size).nextBytes(b);
    return b;
  }
}
