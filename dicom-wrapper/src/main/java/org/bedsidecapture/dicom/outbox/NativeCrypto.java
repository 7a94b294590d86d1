package org.bedsidecapture.dicom.outbox;

import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.Map;
import org.conscrypt.Conscrypt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes BoringSSL's AES-GCM (through Conscrypt) the JVM's first choice for that one cipher, which
 * is what the outbox's encryption (Tink) asks the JVM for. Measured here: JDK 17's AES-GCM 55 MB/s
 * on this AVX2 CPU (its fast path needs AVX-512), Conscrypt's 1.4 GB/s, so that writing a 4 MB
 * capture into the outbox is bound by the disk, not the cipher. Only the cipher is offered: with
 * the whole Conscrypt provider first, the JDK's TLS broke (its elliptic-curve parameters come from
 * the first provider that has them, and Conscrypt's reject some that TLS sets up). Where the native
 * library cannot load, the JDK's cipher is used.
 */
final class NativeCrypto {
  private static final Logger LOG = LoggerFactory.getLogger(NativeCrypto.class);
  private static final String NAME = "BedsideCaptureNativeAesGcm";
  private static boolean tried;

  private NativeCrypto() {}

  static synchronized void install() {
    if (tried) {
      return;
    }
    tried = true;
    try {
      Conscrypt.checkAvailability();
      if (Security.getProvider(NAME) == null) {
        Security.insertProviderAt(new AesGcmOnly(), 1);
      }
    } catch (RuntimeException | LinkageError e) {
      LOG.warn(
          "native AES-GCM not available here ({}); the outbox uses the JDK's, which is slower",
          e.toString());
    }
  }

  /** A provider with nothing but Conscrypt's AES-GCM. */
  private static final class AesGcmOnly extends Provider {
    private static final long serialVersionUID = 1L;

    AesGcmOnly() {
      super(NAME, "1", "AES/GCM/NoPadding from BoringSSL through Conscrypt");
      putService(
          new Service(
              this,
              "Cipher",
              "AES/GCM/NoPadding",
              "org.conscrypt.OpenSSLAeadCipherAES$GCM",
              List.of(),
              Map.of()));
    }
  }
}
