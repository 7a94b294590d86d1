package org.bedsidecapture.app.operators;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bedsidecapture.app.audit.AuditTrail;
import org.bedsidecapture.dicom.OwnerOnly;
import org.bedsidecapture.dicom.PersonName;
import org.bedsidecapture.dicom.outbox.AuditLog;

/**
 * The operators of this station, in {@code operators.properties} in the app's home (the owner's
 * alone, replaced atomically, read afresh for every question so the command line and the app see
 * the same): each with name, role, PIN as an Argon2id hash, and optionally a badge, kept as an HMAC
 * under a key of this station's (a badge number is a credential, and a scanned badge must be found
 * without trying every hash). Five wrong PINs in a row lock that user out for five minutes; a
 * refusal never says whether the user name or the PIN was wrong.
 */
public final class OperatorStore implements Authenticator {
  public static final String FILE_NAME = "operators.properties";
  static final int ATTEMPTS = 5;
  static final Duration LOCKOUT = Duration.ofMinutes(5);
  private static final String REFUSED = "User name or PIN is not right. Try again.";

  /** Where a fresh install's one-time installer PIN is written, for whoever installed it. */
  public static final String ONE_TIME_PIN_FILE = "installer-pin.txt";

  /** The user a fresh install's installer signs in as, once, with the one-time PIN. */
  public static final String ONE_TIME_INSTALLER = "installer";

  /**
   * A hash an unknown user name's PIN is checked against, so that it takes as long as a wrong PIN;
   * made at the first sign-in (an Argon2id hash is a good part of a second's work, which a
   * station's start should not wait for).
   */
  private static final class UnknownUser {
    static final String HASH = PinHash.of("0000".toCharArray());
  }

  private final Path file;
  private final Path oneTimePinFile;
  private final Path badgeKeyFile;
  private final Clock clock;
  private final AuditLog audit;
  private AuditTrail trail = AuditTrail.none();

  private OperatorStore(
      Path file, Path oneTimePinFile, Path badgeKeyFile, Clock clock, AuditLog audit) {
    this.oneTimePinFile = oneTimePinFile;
    this.file = file;
    this.badgeKeyFile = badgeKeyFile;
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * The store in {@code home}; empty until the first operator is added. Every change of its
   * operators is recorded in {@code audit} with who made it (never a PIN or a badge).
   */
  public static OperatorStore in(Path home, Clock clock, AuditLog audit) throws IOException {
    Path keys = OwnerOnly.folder(home.resolve("keys"));
    return new OperatorStore(
        home.resolve(FILE_NAME),
        home.resolve(ONE_TIME_PIN_FILE),
        keys.resolve("operator-badges.key"),
        clock,
        audit);
  }

  /**
   * A fresh install's way in: when no installer is set up, an operator {@value #ONE_TIME_INSTALLER}
   * with a random 8-digit PIN that works once, the PIN written (owner-only) to {@value
   * #ONE_TIME_PIN_FILE} in the app's home for whoever installed the station; signing in with it
   * removes both, and the installer then sets up the station's operators. Once an installer exists,
   * a one-time PIN still waiting is withdrawn.
   *
   * @return the file with the PIN while it waits to be used
   */
  public synchronized Optional<Path> oneTimeInstallerPin() throws IOException {
    Properties p = read();
    String k = "op." + ONE_TIME_INSTALLER + ".";
    boolean waiting = "true".equals(p.getProperty(k + "one-time"));
    boolean installer =
        users(p).stream()
            .filter(u -> !(waiting && u.equals(ONE_TIME_INSTALLER)))
            .anyMatch(u -> operator(p, u).role() == Operator.Role.INSTALLER);
    if (installer) {
      if (waiting) {
        forget(p, ONE_TIME_INSTALLER);
        write(p);
        Files.deleteIfExists(oneTimePinFile);
        audit.record("ONE_TIME_PIN_WITHDRAWN", "operator=" + ONE_TIME_INSTALLER + " by=station");
      }
      return Optional.empty();
    }
    if (waiting && Files.exists(oneTimePinFile)) {
      return Optional.of(oneTimePinFile);
    }
    if (!waiting && users(p).contains(ONE_TIME_INSTALLER)) {
      return Optional.empty();
    }
    SecureRandom random = new SecureRandom();
    char[] pin = new char[8];
    for (int i = 0; i < pin.length; i++) {
      pin[i] = (char) ('0' + random.nextInt(10));
    }
    p.setProperty(k + "name", "Installer^One-time");
    p.setProperty(k + "role", Operator.Role.INSTALLER.name());
    p.setProperty(k + "one-time", "true");
    p.setProperty(k + "pin", PinHash.of(pin));
    write(p);
    OwnerOnly.replace(
        oneTimePinFile,
        ("Bedside Capture: one-time installer PIN (user "
                + ONE_TIME_INSTALLER
                + "), valid for one sign-in: "
                + new String(pin)
                + "\n")
            .getBytes(StandardCharsets.UTF_8));
    java.util.Arrays.fill(pin, '\0');
    audit.record("ONE_TIME_PIN_ISSUED", "operator=" + ONE_TIME_INSTALLER + " by=station");
    return Optional.of(oneTimePinFile);
  }

  /** The file with the one-time installer PIN while it waits to be used. */
  @Override
  public synchronized Optional<Path> waitingOneTimePin() throws IOException {
    boolean waiting = "true".equals(read().getProperty("op." + ONE_TIME_INSTALLER + ".one-time"));
    return waiting && Files.exists(oneTimePinFile) ? Optional.of(oneTimePinFile) : Optional.empty();
  }

  public synchronized List<Operator> operators() throws IOException {
    Properties p = read();
    List<Operator> all = new ArrayList<>();
    for (String user : users(p)) {
      all.add(operator(p, user));
    }
    return all;
  }

  public synchronized boolean isEmpty() throws IOException {
    return users(read()).isEmpty();
  }

  /**
   * Also reports every change of the operators to {@code trail} (the site's audit repository), as a
   * security alert naming who made it.
   */
  public synchronized OperatorStore reportingTo(AuditTrail trail) {
    this.trail = trail;
    return this;
  }

  /** Adds an operator with their PIN (4 to 12 digits), {@code by} whom. */
  public synchronized void add(Operator operator, char[] pin, String by) throws IOException {
    requirePin(pin);
    Properties p = read();
    if (users(p).contains(operator.user())) {
      throw new IllegalArgumentException(operator.user() + " is already an operator here");
    }
    String k = "op." + operator.user() + ".";
    p.setProperty(k + "name", operator.name().toDicom());
    p.setProperty(k + "role", operator.role().name());
    p.setProperty(k + "pin", PinHash.of(pin));
    write(p);
    audit.record(
        "OPERATOR_ADDED",
        "operator=" + operator.user() + " role=" + operator.role().name() + " by=" + by);
    trail.operatorsChanged(
        by, true, "operator " + operator.user() + " added as " + operator.role().name());
  }

  public synchronized void remove(String user, String by) throws IOException {
    Properties p = read();
    requireKnown(p, user);
    forget(p, user);
    write(p);
    audit.record("OPERATOR_REMOVED", "operator=" + user + " by=" + by);
    trail.operatorsChanged(by, true, "operator " + user + " removed");
  }

  /** A new PIN for {@code user}, set {@code by} whom; a lockout ends with it. */
  public synchronized void setPin(String user, char[] pin, String by) throws IOException {
    requirePin(pin);
    Properties p = read();
    requireKnown(p, user);
    p.setProperty("op." + user + ".pin", PinHash.of(pin));
    p.remove("op." + user + ".failures");
    p.remove("op." + user + ".locked-until");
    write(p);
    audit.record("OPERATOR_PIN_SET", "operator=" + user + " by=" + by);
    trail.operatorsChanged(by, false, "new PIN for operator " + user);
  }

  /**
   * The badge {@code user} signs in with from now on, set {@code by} whom (a badge belongs to one
   * operator).
   */
  public synchronized void setBadge(String user, String badge, String by) throws IOException {
    Properties p = read();
    requireKnown(p, user);
    String mac = badgeMac(badge);
    for (String other : users(p)) {
      if (!other.equals(user) && mac.equals(p.getProperty("op." + other + ".badge"))) {
        throw new IllegalArgumentException("that badge already belongs to " + other);
      }
    }
    p.setProperty("op." + user + ".badge", mac);
    write(p);
    audit.record("OPERATOR_BADGE_SET", "operator=" + user + " by=" + by);
    trail.operatorsChanged(by, false, "new badge for operator " + user);
  }

  /** Signs in with user name and PIN. */
  @Override
  public synchronized SignIn signIn(String user, char[] pin) throws IOException {
    Properties p = read();
    if (user == null || !users(p).contains(user)) {
      PinHash.matches(pin, UnknownUser.HASH);
      return new SignIn.Refused(REFUSED);
    }
    String k = "op." + user + ".";
    Instant now = clock.instant();
    String until = p.getProperty(k + "locked-until");
    if (until != null && now.isBefore(Instant.parse(until))) {
      return new SignIn.LockedOut(user, Instant.parse(until));
    }
    if (PinHash.matches(pin, p.getProperty(k + "pin"))) {
      Operator who = operator(p, user);
      if ("true".equals(p.getProperty(k + "one-time"))) {
        forget(p, user);
        write(p);
        Files.deleteIfExists(oneTimePinFile);
        return new SignIn.Accepted(who);
      }
      boolean hadFailures = p.remove(k + "failures") != null;
      boolean wasLockedOut = p.remove(k + "locked-until") != null;
      if (hadFailures || wasLockedOut) {
        write(p);
      }
      return new SignIn.Accepted(operator(p, user));
    }
    int failures = Integer.parseInt(p.getProperty(k + "failures", "0")) + 1;
    if (failures >= ATTEMPTS) {
      p.remove(k + "failures");
      Instant lockedUntil = now.plus(LOCKOUT);
      p.setProperty(k + "locked-until", lockedUntil.toString());
      write(p);
      return new SignIn.LockedOut(user, lockedUntil);
    }
    p.setProperty(k + "failures", Integer.toString(failures));
    write(p);
    return new SignIn.Refused(REFUSED);
  }

  /** Signs in with a badge read by the scanner. */
  @Override
  public synchronized SignIn signInByBadge(String badge) throws IOException {
    Properties p = read();
    String mac = badgeMac(badge);
    for (String user : users(p)) {
      if (mac.equals(p.getProperty("op." + user + ".badge"))) {
        return new SignIn.Accepted(operator(p, user));
      }
    }
    return new SignIn.Refused("This badge is not known at this station. Sign in with your PIN.");
  }

  public synchronized Optional<Operator> find(String user) throws IOException {
    Properties p = read();
    return users(p).contains(user) ? Optional.of(operator(p, user)) : Optional.empty();
  }

  private static Operator operator(Properties p, String user) {
    String k = "op." + user + ".";
    return new Operator(
        user,
        PersonName.parse(p.getProperty(k + "name", user)),
        Operator.Role.valueOf(p.getProperty(k + "role", Operator.Role.CAPTURE.name())));
  }

  /** Removes every key of {@code user}'s from {@code p}. */
  private static void forget(Properties p, String user) {
    String k = "op." + user + ".";
    p.stringPropertyNames().stream().filter(key -> key.startsWith(k)).forEach(p::remove);
  }

  private static Set<String> users(Properties p) {
    Set<String> users = new TreeSet<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith("op.") && key.endsWith(".pin")) {
        users.add(key.substring(3, key.length() - ".pin".length()));
      }
    }
    return users;
  }

  private static void requireKnown(Properties p, String user) {
    if (!users(p).contains(user)) {
      throw new IllegalArgumentException(user + " is not an operator here");
    }
  }

  private static void requirePin(char[] pin) {
    if (pin == null || pin.length < 4 || pin.length > 12) {
      throw new IllegalArgumentException("a PIN is 4 to 12 digits");
    }
    for (char c : pin) {
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("a PIN is 4 to 12 digits");
      }
    }
  }

  private String badgeMac(String badge) throws IOException {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(badgeKey(), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(badge.strip().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
    }
  }

  private byte[] badgeKey() throws IOException {
    if (Files.exists(badgeKeyFile)) {
      return Files.readAllBytes(badgeKeyFile);
    }
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    OwnerOnly.replace(badgeKeyFile, key);
    return key;
  }

  private Properties read() throws IOException {
    Properties p = new Properties();
    if (Files.exists(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    }
    return p;
  }

  private void write(Properties p) throws IOException {
    StringWriter w = new StringWriter();
    p.store(w, "Bedside Capture operators: edit with the 'operators' command");
    OwnerOnly.replace(file, w.toString().getBytes(StandardCharsets.UTF_8));
  }
}
