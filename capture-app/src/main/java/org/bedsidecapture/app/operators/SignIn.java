package org.bedsidecapture.app.operators;

import java.time.Instant;

/** What a sign-in attempt came to. */
public sealed interface SignIn {
  /** The operator is signed in. */
  record Accepted(Operator operator) implements SignIn {}

  /** Wrong user name or PIN (which of the two is not said), or an unknown badge. */
  record Refused(String why) implements SignIn {}

  /** Too many wrong PINs in a row: this user may try again from {@code until}. */
  record LockedOut(String user, Instant until) implements SignIn {}

  /**
   * The directory will not let this user in whatever the password: {@code why} (locked, disabled,
   * expired); the service desk can help, the station cannot.
   */
  record AccountLocked(String why) implements SignIn {}

  /** The directory knows {@code user} and the password, but no station group holds them. */
  record NotAllowed(String user) implements SignIn {}

  /**
   * The directory cannot be asked: {@code why}; {@code localTried}: the station's own operators
   * were tried instead (the site allows it) and this was not one of them.
   */
  record Unavailable(String why, boolean localTried) implements SignIn {}
}
