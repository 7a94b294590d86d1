package org.bedsidecapture.app.operators;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * A PIN kept as an Argon2id hash (Bouncy Castle) in the PHC string form, {@code
 * $argon2id$v=19$m=19456,t=2,p=1$salt$hash}: memory-hard, salted, with its cost written beside it
 * so that stronger settings later still verify the old hashes. The cost is OWASP's minimum for
 * Argon2id (19 MiB, two passes): on a cart's CPU a check takes tens of milliseconds, cheap for one
 * sign-in, and a short PIN is protected by the store's lockout, not by the hash alone.
 */
final class PinHash {
  private static final int MEMORY_KIB = 19 * 1024;
  private static final int PASSES = 2;
  private static final int LANES = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODE = Base64.getDecoder();

  private PinHash() {}

  static String of(char[] pin) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = argon2(pin, salt, MEMORY_KIB, PASSES, LANES, HASH_BYTES);
    return "$argon2id$v=19$m="
        + MEMORY_KIB
        + ",t="
        + PASSES
        + ",p="
        + LANES
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(hash);
  }

  /** Whether {@code pin} is the one {@code stored} was made from; false for a damaged entry. */
  static boolean matches(char[] pin, String stored) {
    Matcher m = stored == null ? null : PHC.matcher(stored);
    if (m == null || !m.matches()) {
      return false;
    }
    byte[] salt = B64_DECODE.decode(m.group(4));
    byte[] expected = B64_DECODE.decode(m.group(5));
    byte[] actual =
        argon2(
            pin,
            salt,
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)),
            expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] argon2(
      char[] pin, byte[] salt, int memoryKib, int passes, int lanes, int length) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKib)
            .withIterations(passes)
            .withParallelism(lanes)
            .withSalt(salt)
            .build());
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pin));
    byte[] password = new byte[encoded.remaining()];
    encoded.get(password);
    byte[] out = new byte[length];
    try {
      generator.generateBytes(password, out);
    } finally {
      Arrays.fill(password, (byte) 0);
      if (encoded.hasArray()) {
        Arrays.fill(encoded.array(), (byte) 0);
      }
    }
    return out;
  }
}
