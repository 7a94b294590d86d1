package org.bedsidecapture.dicom.outbox;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.Key;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingKey;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * The key that encrypts captures at rest, and the encrypting and decrypting streams made with it:
 * Tink's streaming AEAD (AES-256-GCM with HKDF, in 1 MB segments), so a long clip is never held in
 * memory and any change to a stored file is detected. The key lives in a file the site controls,
 * outside the outbox folder, readable only by the app's user.
 */
public final class OutboxKey {
  private static final String TEMPLATE = "AES256_GCM_HKDF_1MB";

  private final StreamingAead aead;
  private final Sealer.Format primary;

  private OutboxKey(StreamingAead aead, Sealer.Format primary) {
    this.aead = aead;
    this.primary = primary;
  }

  /** Reads the key file, or makes a new key there when it does not exist yet. */
  public static OutboxKey openOrCreate(Path keyFile) throws IOException {
    try {
      NativeCrypto.install();
      StreamingAeadConfig.register();
      if (!Files.exists(keyFile)) {
        createOnce(keyFile);
      }
      KeysetHandle keyset =
          TinkJsonProtoKeysetFormat.parseKeyset(
              Files.readString(keyFile, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
      return new OutboxKey(
          keyset.getPrimitive(RegistryConfiguration.get(), StreamingAead.class),
          formatOf(keyset.getPrimary().getKey()));
    } catch (GeneralSecurityException e) {
      throw new IOException("outbox key " + keyFile + " cannot be used: " + e.getMessage(), e);
    }
  }

  /**
   * Makes a new key, unless another process (two commands started together on a new station) makes
   * it first: the key is written whole under a name of its own, then linked to the key's name,
   * which fails if that name exists. Whoever comes second uses the first one's key, so no object is
   * ever encrypted under a key that another process then replaces.
   */
  private static void createOnce(Path keyFile) throws IOException, GeneralSecurityException {
    Path dir = keyFile.toAbsolutePath().getParent();
    PrivateFiles.createDirectoryRestricted(dir);
    KeysetHandle keyset = KeysetHandle.generateNew(KeyTemplates.get(TEMPLATE));
    Path own = Files.createTempFile(dir, "." + keyFile.getFileName() + "-", ".part");
    try {
      PrivateFiles.replace(
          own,
          TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get())
              .getBytes(StandardCharsets.UTF_8));
      try {
        Files.createLink(keyFile, own);
      } catch (FileAlreadyExistsException madeByAnother) {
        return;
      } catch (UnsupportedOperationException noLinksHere) {
        try {
          Files.move(own, keyFile);
        } catch (FileAlreadyExistsException madeByAnother) {
          return;
        }
      }
      PrivateFiles.syncDirectory(dir);
    } finally {
      Files.deleteIfExists(own);
    }
  }

  /**
   * The primary key's segments. The app makes AES-GCM-HKDF keys only; a key file of another kind (a
   * site's own, made with Tink's tools) is refused here rather than when the first capture is
   * stored.
   */
  private static Sealer.Format formatOf(Key key) throws GeneralSecurityException {
    if (!(key instanceof AesGcmHkdfStreamingKey)) {
      throw new GeneralSecurityException(
          "it holds a " + key.getClass().getSimpleName() + ", not an AES-GCM-HKDF streaming key");
    }
    AesGcmHkdfStreaming s =
        (AesGcmHkdfStreaming) AesGcmHkdfStreaming.create((AesGcmHkdfStreamingKey) key);
    return new Sealer.Format(
        aad -> s.newStreamSegmentEncrypter(aad),
        s.getPlaintextSegmentSize(),
        s.getCiphertextSegmentSize(),
        s.getCiphertextOffset());
  }

  /**
   * A writer of encrypted files under the primary key, in the format {@link #decrypting} reads; it
   * keeps its buffers for the next file, so it belongs to one writer at a time.
   */
  public Sealer sealer() {
    return new Sealer(primary);
  }

  /** Encrypts what is written into {@code out}; {@code name} is bound to the ciphertext. */
  public OutputStream encrypting(OutputStream out, String name) throws IOException {
    try {
      return aead.newEncryptingStream(out, name.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot encrypt: " + e.getMessage(), e);
    }
  }

  /** Decrypts and authenticates; reading fails if the file was changed or belongs elsewhere. */
  public InputStream decrypting(InputStream in, String name) throws IOException {
    try {
      return aead.newDecryptingStream(in, name.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot decrypt: " + e.getMessage(), e);
    }
  }
}
