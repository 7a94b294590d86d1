package org.bedsidecapture.app.barcode;

/**
 * Check-digit schemes found on wristbands and labels; the last digit of the value checks the rest.
 */
public enum CheckDigit {
  NONE,
  /** GS1 modulo 10 (GTIN, GSRN, GLN, SSCC): weights 3 and 1 from the right. */
  GS1_MOD10,
  /** Luhn (ISO/IEC 7812), used by many hospital MRN schemes. */
  LUHN,
  /** Modulo 11 with weights 10 down to 2 over the first nine digits (NHS number). */
  MOD11;

  /** Whether {@code value} (digits only, check digit last) passes this scheme. */
  public boolean accepts(String value) {
    if (this == NONE) {
      return true;
    }
    if (value.isEmpty() || !value.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int check = value.charAt(value.length() - 1) - '0';
    String body = value.substring(0, value.length() - 1);
    return switch (this) {
      case GS1_MOD10 -> gs1(body) == check;
      case LUHN -> luhn(body) == check;
      case MOD11 -> body.length() == 9 && mod11(body) == check;
      case NONE -> true;
    };
  }

  private static int gs1(String body) {
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      int d = body.charAt(body.length() - 1 - i) - '0';
      sum += i % 2 == 0 ? 3 * d : d;
    }
    return (10 - sum % 10) % 10;
  }

  private static int luhn(String body) {
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      int d = body.charAt(body.length() - 1 - i) - '0';
      if (i % 2 == 0) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return (10 - sum % 10) % 10;
  }

  /** -1 when no check digit can make it valid (remainder 1). */
  private static int mod11(String body) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (body.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    return check == 11 ? 0 : check == 10 ? -1 : check;
  }
}
