package org.bedsidecapture.app.operators;

import java.io.IOException;

/**
 * Who may sign in at this station, and as whom: the station's {@link OperatorStore} today; the seam
 * where a directory sign-in plugs in later.
 */
public interface Authenticator {
  SignIn signIn(String user, char[] pin) throws IOException;

  SignIn signInByBadge(String badge) throws IOException;
}
