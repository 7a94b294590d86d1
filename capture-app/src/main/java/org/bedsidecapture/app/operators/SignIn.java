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
}
