package org.bedsidecapture.app.audit;

import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's events for the site's audit repository: each made into its DICOM audit message and
 * queued for delivery. A site without a repository has {@link #none()}, which sends nothing.
 */
public final class AuditTrail implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

  private final AuditMessages messages;
  private final AuditDelivery delivery;
  private final Clock clock;

  public AuditTrail(AuditMessages messages, AuditDelivery delivery, Clock clock) {
    this.messages = messages;
    this.delivery = delivery;
    this.clock = clock;
  }

  /** The trail of a site without an audit repository. */
  public static AuditTrail none() {
    return new AuditTrail(null, null, Clock.systemUTC());
  }

  public void applicationStarted(String user) {
    send(() -> messages.applicationActivity(true, user, clock.instant()));
  }

  public void applicationStopped(String user) {
    send(() -> messages.applicationActivity(false, user, clock.instant()));
  }

  public void signedIn(String operator) {
    send(() -> messages.userAuthentication(true, operator, null, clock.instant()));
  }

  public void signedOut(String operator) {
    send(() -> messages.userAuthentication(false, operator, null, clock.instant()));
  }

  /** A refused sign-in: who is not known (what was typed is never sent), only why. */
  public void signInRefused(String why) {
    send(() -> messages.userAuthentication(true, "unknown", why, clock.instant()));
  }

  /** {@code operator} overrode a warning ({@code what}), e.g. a finished encounter. */
  public void overridden(String operator, String what) {
    send(
        () ->
            messages.securityAlert(
                AuditMessages.Alert.EMERGENCY_OVERRIDE, operator, what, false, clock.instant()));
  }

  private interface Message {
    String make();
  }

  private void send(Message message) {
    if (delivery == null) {
      return;
    }
    try {
      delivery.audit(message.make());
    } catch (IOException e) {
      LOG.warn("an audit message cannot be queued: {}", e.getMessage());
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (delivery != null) {
      delivery.close();
    }
  }
}
