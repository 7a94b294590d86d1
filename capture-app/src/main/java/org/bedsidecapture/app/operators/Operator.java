package org.bedsidecapture.app.operators;

import java.util.Objects;
import java.util.regex.Pattern;
import org.bedsidecapture.dicom.PersonName;

/**
 * A person who may use this station: the user name they sign in with, their name as written into
 * every object they capture (Operators' Name), and what they may do.
 */
public record Operator(String user, PersonName name, Role role) {
  private static final Pattern USER = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");

  /** What an operator may do. */
  public enum Role {
    /** Captures and sends. */
    CAPTURE,
    /** Captures, sends, and opens the station's settings. */
    INSTALLER
  }

  public Operator {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    if (user == null || !USER.matcher(user).matches()) {
      throw new IllegalArgumentException(
          "user name '"
              + user
              + "': 2 to 32 of a-z, 0-9, '.', '_', '-', starting with a letter or digit");
    }
    if (name.isEmpty()) {
      throw new IllegalArgumentException("an operator needs a name (Family^Given)");
    }
  }
}
