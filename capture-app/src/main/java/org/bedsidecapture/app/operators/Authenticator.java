package org.bedsidecapture.app.operators;

import java.io.IOException;

/**
 * Who may sign in at this station, and as whom: the station's own {@link OperatorStore}, or the
 * site's directory ({@link DirectorySignIn}) with the store behind it.
 */
public interface Authenticator {
  SignIn signIn(String user, char[] pin) throws IOException;

  SignIn signInByBadge(String badge) throws IOException;

  /** Whether what is typed at sign-in may be a password (a directory's), not only a PIN. */
  default boolean takesPasswords() {
    return false;
  }

  /**
   * Where a fresh install's one-time installer PIN waits to be used (see {@link
   * OperatorStore#oneTimeInstallerPin()}); empty when none does.
   */
  default java.util.Optional<java.nio.file.Path> waitingOneTimePin() throws IOException {
    return java.util.Optional.empty();
  }
}
