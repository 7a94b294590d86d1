package org.bedsidecapture.dicom;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Makes new DICOM UIDs: under {@code 2.25} from a random UUID (PS3.5 B.2) by default, or under a
 * root the site owns, followed by as many random digits as fit in 64 characters.
 */
public final class UidGenerator {
  /** The UUID-derived root that needs no registration. */
  public static final String UUID_ROOT = "2.25";

  private static final Pattern ROOT = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");
  private static final int MIN_RANDOM_BITS = 64;

  private final String root;
  private final int randomBits;
  private final SecureRandom random = new SecureRandom();

  public UidGenerator(String root) {
    if (root == null || !ROOT.matcher(root).matches()) {
      throw new IllegalArgumentException(
          "UID root '" + root + "' is not a dotted string of numbers without leading zeros");
    }
    this.root = root;
    int digits = 64 - root.length() - 1;
    this.randomBits = Math.min(128, (int) Math.floor((digits - 1) * Math.log(10) / Math.log(2)));
    if (!root.equals(UUID_ROOT) && randomBits < MIN_RANDOM_BITS) {
      throw new IllegalArgumentException(
          "UID root '" + root + "' is too long: at most 43 characters leave room for unique UIDs");
    }
  }

  public static UidGenerator uuidDerived() {
    return new UidGenerator(UUID_ROOT);
  }

  public String newUid() {
    if (root.equals(UUID_ROOT)) {
      UUID u = UUID.randomUUID();
      BigInteger value =
          new BigInteger(1, toBytes(u.getMostSignificantBits(), u.getLeastSignificantBits()));
      return UUID_ROOT + "." + value;
    }
    BigInteger value = new BigInteger(randomBits, random);
    return root + "." + value.setBit(randomBits - 1);
  }

  private static byte[] toBytes(long high, long low) {
    byte[] b = new byte[16];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (high >>> (56 - 8 * i));
      b[8 + i] = (byte) (low >>> (56 - 8 * i));
    }
    return b;
  }
}
