package org.bedsidecapture.dicom.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxKeyTest {
  @TempDir Path dir;

  /**
   * Two commands started together on a new station both find no key: they must end up with the same
   * one (found by two real `send`s on a fresh home: one failed, and a second key could have
   * replaced the first, leaving objects nobody can decrypt).
   */
  @Test
  void twoOwnersCreatingTheKeyAtOnceGetTheSameKey() throws Exception {
    for (int round = 0; round < 20; round++) {
      Path keyFile = dir.resolve("keys-" + round).resolve("outbox.key");
      CyclicBarrier together = new CyclicBarrier(2);
      CompletableFuture<OutboxKey> first =
          CompletableFuture.supplyAsync(() -> open(keyFile, together));
      CompletableFuture<OutboxKey> second =
          CompletableFuture.supplyAsync(() -> open(keyFile, together));
      OutboxKey a = first.get(60, TimeUnit.SECONDS);
      OutboxKey b = second.get(60, TimeUnit.SECONDS);

      ByteArrayOutputStream sealed = new ByteArrayOutputStream();
      try (OutputStream out = a.encrypting(sealed, "1.2.3")) {
        out.write("a capture".getBytes(StandardCharsets.UTF_8));
      }
      try (var in = b.decrypting(new ByteArrayInputStream(sealed.toByteArray()), "1.2.3")) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a capture");
      }
      try (var left = Files.list(keyFile.getParent())) {
        assertThat(left).containsExactly(keyFile);
      }
    }
  }

  /** A key file of another kind than the app makes is refused when the outbox opens, saying so. */
  @Test
  void aKeyOfAnotherKindIsRefusedAtOnce() throws Exception {
    StreamingAeadConfig.register();
    Path keyFile = dir.resolve("other.key");
    Files.writeString(
        keyFile,
        TinkJsonProtoKeysetFormat.serializeKeyset(
            KeysetHandle.generateNew(KeyTemplates.get("AES128_CTR_HMAC_SHA256_4KB")),
            InsecureSecretKeyAccess.get()));
    assertThatThrownBy(() -> OutboxKey.openOrCreate(keyFile))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot be used")
        .hasMessageContaining("not an AES-GCM-HKDF streaming key");
  }

  private static OutboxKey open(Path keyFile, CyclicBarrier together) {
    try {
      together.await(60, TimeUnit.SECONDS);
      return OutboxKey.openOrCreate(keyFile);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
