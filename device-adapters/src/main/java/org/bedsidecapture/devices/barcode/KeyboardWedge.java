package org.bedsidecapture.devices.barcode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells a USB keyboard-wedge scanner from a person typing. A scanner "types" a whole barcode in a
 * burst — a few milliseconds between keys — and ends it with its suffix (Enter unless configured);
 * it may also send a configured prefix first. Keys are held back while they could still be a scan;
 * as soon as they cannot (a pause longer than a scanner makes, or a suffix after too few keys),
 * they are handed on as typing, in order, so a person typing into a field loses nothing. With a
 * prefix configured, what follows it up to the suffix is a scan at any speed.
 *
 * <p>Plain Java, fed by whatever receives the keys (the capture screen's key filter, whichever
 * control has the focus); {@link #key} and {@link #idle} return what to act on.
 */
public final class KeyboardWedge {
  /** A site's scanner set-up. */
  public record Settings(String prefix, char suffix, Duration maxKeyGap, int minLength) {
    public static Settings defaults() {
      return new Settings("", '\n', Duration.ofMillis(35), 4);
    }
  }

  /** What the keys came to: a barcode read, or text a person typed. */
  public sealed interface Event {}

  public record Scanned(String content) implements Event {}

  public record Typed(String text) implements Event {}

  /**
   * With a prefix, speed does not tell scans apart (slow Bluetooth scanners): the beginning of a
   * prefix is held this long for the rest of it.
   */
  private static final Duration PREFIX_PATIENCE = Duration.ofSeconds(1);

  private final Settings settings;
  private final StringBuilder held = new StringBuilder();
  private long lastKeyNanos;
  private boolean prefixSeen;

  public KeyboardWedge(Settings settings) {
    this.settings = settings;
  }

  /**
   * One key, with when it came ({@link System#nanoTime()}).
   *
   * @return events to act on, in order (often none: the key is held back)
   */
  public List<Event> key(char c, long atNanos) {
    List<Event> events = new ArrayList<>(idle(atNanos));
    lastKeyNanos = atNanos;
    boolean prefixed = !settings.prefix().isEmpty();
    if (c == settings.suffix() || (c == '\r' && settings.suffix() == '\n')) {
      String content = held.toString();
      if (prefixed ? prefixSeen : content.length() >= settings.minLength()) {
        String barcode = prefixed ? content.substring(settings.prefix().length()) : content;
        held.setLength(0);
        prefixSeen = false;
        events.add(new Scanned(barcode));
      } else {
        held.append(c);
        events.add(release());
      }
      return events;
    }
    held.append(c);
    if (prefixed && !prefixSeen) {
      if (held.toString().equals(settings.prefix())) {
        prefixSeen = true;
      } else if (!settings.prefix().startsWith(held.toString())) {
        events.add(release());
      }
    }
    return events;
  }

  /**
   * Called now and then (and before each key): keys held longer than a scanner's pause are handed
   * on as typing. A scan that started with the prefix is held until its suffix.
   */
  public List<Event> idle(long nowNanos) {
    if (held.length() == 0 || prefixSeen) {
      return List.of();
    }
    long patience =
        settings.prefix().isEmpty() ? settings.maxKeyGap().toNanos() : PREFIX_PATIENCE.toNanos();
    if (nowNanos - lastKeyNanos > patience) {
      return List.of(release());
    }
    return List.of();
  }

  /** Whether keys are being held back (a scan may be under way). */
  public boolean holding() {
    return held.length() > 0;
  }

  private Typed release() {
    Typed t = new Typed(held.toString());
    held.setLength(0);
    prefixSeen = false;
    return t;
  }
}
