package org.bedsidecapture.app.operators;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ErrorType;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10RequestControl;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ResponseControl;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.bedsidecapture.app.settings.SiteSettings;
import org.bedsidecapture.dicom.PersonName;
import org.bedsidecapture.dicom.delivery.Tls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in against the site's directory (OpenLDAP, Active Directory), always over TLS with the
 * station's TLS settings (its trusted authorities and the host-name check): LDAPS, or LDAP with
 * StartTLS. The user is found by the site's filter (with the station's own directory account, or
 * anonymously), the password checked by binding as the user (asking for the password policy's
 * answer, so a locked account is told as locked), and the role taken from the site's two groups
 * (installer before capture); a badge leads to the user holding it in the site's badge attribute.
 * Users the directory does not know are left to the station's own operators (the installer's
 * accounts, a break-glass account); while the directory cannot be reached, the station's own
 * operators sign in only where the site allows it.
 */
public final class DirectorySignIn implements Authenticator {
  private static final Logger LOG = LoggerFactory.getLogger(DirectorySignIn.class);

  private final SiteSettings.Directory directory;
  private final Tls tls;
  private final Duration timeout;
  private final OperatorStore local;

  /**
   * @param tls the station's TLS settings
   * @param local the station's own operators (null: none)
   */
  public DirectorySignIn(
      SiteSettings.Directory directory, Tls tls, Duration timeout, OperatorStore local) {
    this.directory = directory;
    this.tls = tls;
    this.timeout = timeout;
    this.local = local;
  }

  /** The directory cannot be asked: why, for the user. */
  private static final class Unreachable extends Exception {
    Unreachable(String why, Throwable cause) {
      super(why, cause);
    }
  }

  @Override
  public SignIn signIn(String user, char[] password) throws IOException {
    String name = user == null ? "" : user.strip().toLowerCase(Locale.ROOT);
    if (name.isEmpty() || password == null || password.length == 0) {
      return new SignIn.Refused("user name or password missing");
    }
    try (LDAPConnection c = connect()) {
      bindAsStation(c);
      SearchResultEntry found =
          findUser(c, directory.userFilter().replace("{0}", Filter.encodeValue(name)));
      if (found == null) {
        return local == null
            ? new SignIn.Refused("not in the directory")
            : local.signIn(user, password);
      }
      SignIn checked = checkPassword(c, found.getDN(), password);
      if (checked != null) {
        return checked;
      }
      bindAsStation(c);
      return asOperator(c, name, found);
    } catch (Unreachable e) {
      return whenDown(e, () -> local.signIn(user, password));
    }
  }

  @Override
  public SignIn signInByBadge(String badge) throws IOException {
    if (directory.badgeAttribute() == null) {
      return local == null
          ? new SignIn.Refused("badges are not in the directory")
          : local.signInByBadge(badge);
    }
    try (LDAPConnection c = connect()) {
      bindAsStation(c);
      SearchResultEntry found =
          findUser(
              c, "(" + directory.badgeAttribute() + "=" + Filter.encodeValue(badge.strip()) + ")");
      if (found == null) {
        return local == null ? new SignIn.Refused("unknown badge") : local.signInByBadge(badge);
      }
      String uid = found.getAttributeValue("uid");
      if (uid == null) {
        uid = found.getAttributeValue("sAMAccountName");
      }
      if (uid == null) {
        return new SignIn.Refused("the badge's directory entry has no user name");
      }
      return asOperator(c, uid.toLowerCase(Locale.ROOT), found);
    } catch (Unreachable e) {
      return whenDown(e, () -> local.signInByBadge(badge));
    }
  }

  @Override
  public boolean takesPasswords() {
    return true;
  }

  /** The station's own operators behind the directory (null: none), for the settings screen. */
  public OperatorStore stationOperators() {
    return local;
  }

  @Override
  public Optional<java.nio.file.Path> waitingOneTimePin() throws IOException {
    return local == null ? Optional.empty() : local.waitingOneTimePin();
  }

  private interface LocalSignIn {
    SignIn signIn() throws IOException;
  }

  private SignIn whenDown(Unreachable e, LocalSignIn localSignIn) throws IOException {
    LOG.warn("directory {}: {}", directory.url(), e.getMessage());
    if (directory.localWhenDown() && local != null) {
      SignIn s = localSignIn.signIn();
      return s instanceof SignIn.Accepted || s instanceof SignIn.LockedOut
          ? s
          : new SignIn.Unavailable(e.getMessage(), true);
    }
    return new SignIn.Unavailable(e.getMessage(), false);
  }

  /** A connection over TLS: LDAPS, or LDAP made TLS by StartTLS before anything else is said. */
  private LDAPConnection connect() throws Unreachable {
    LDAPConnectionOptions options = new LDAPConnectionOptions();
    options.setConnectTimeoutMillis((int) timeout.toMillis());
    options.setResponseTimeoutMillis(timeout.toMillis());
    String host = directory.url().getHost();
    boolean ldaps = "ldaps".equals(directory.url().getScheme());
    int port = directory.url().getPort() > 0 ? directory.url().getPort() : ldaps ? 636 : 389;
    LDAPConnection c = null;
    try {
      if (ldaps) {
        c = new LDAPConnection(tls.socketFactory(), options, host, port);
        return c;
      }
      c = new LDAPConnection(options, host, port);
      ExtendedResult started =
          c.processExtendedOperation(new StartTLSExtendedRequest(tls.socketFactory()));
      if (started.getResultCode() != ResultCode.SUCCESS) {
        c.close();
        throw new Unreachable(
            "the directory at "
                + directory.url()
                + " refused StartTLS ("
                + started.getResultCode()
                + "); this station talks to directories over TLS only",
            null);
      }
      return c;
    } catch (LDAPException e) {
      if (c != null) {
        c.close();
      }
      throw new Unreachable(unreachable(e), e);
    }
  }

  private String unreachable(LDAPException e) {
    Throwable cause = e.getCause();
    while (cause != null && !(cause instanceof javax.net.ssl.SSLException)) {
      cause = cause.getCause();
    }
    if (cause != null) {
      return "the directory at " + directory.url() + " cannot be used over TLS: " + Tls.why(cause);
    }
    ResultCode code = e.getResultCode();
    boolean network =
        code == ResultCode.CONNECT_ERROR
            || code == ResultCode.SERVER_DOWN
            || code == ResultCode.TIMEOUT;
    return "the directory at "
        + directory.url()
        + " cannot be reached"
        + (network ? "" : " (" + code.getName() + ")")
        + "; check the network and that the directory runs";
  }

  private void bindAsStation(LDAPConnection c) throws Unreachable, IOException {
    if (directory.bindDn() == null) {
      return;
    }
    String password =
        Files.readString(directory.bindPasswordFile(), StandardCharsets.UTF_8).strip();
    try {
      c.bind(new SimpleBindRequest(directory.bindDn(), password));
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
        throw new Unreachable(
            "the directory refused this station's own account ("
                + directory.bindDn()
                + "): check directory.bind-dn and its password file",
            e);
      }
      throw new Unreachable(unreachable(e), e);
    }
  }

  /** The one entry {@code filter} finds under the user base; null when none (or several). */
  private SearchResultEntry findUser(LDAPConnection c, String filter) throws Unreachable {
    try {
      SearchResult r =
          c.search(
              directory.userBase(),
              SearchScope.SUB,
              Filter.create(filter),
              "uid",
              "sAMAccountName",
              "sn",
              "givenName",
              "cn");
      if (r.getEntryCount() > 1) {
        LOG.warn("directory: {} entries match one sign-in; refused", r.getEntryCount());
        return null;
      }
      return r.getEntryCount() == 1 ? r.getSearchEntries().get(0) : null;
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
        throw new Unreachable(
            "the directory has no " + directory.userBase() + ": check directory.user-base", e);
      }
      throw new Unreachable(unreachable(e), e);
    }
  }

  /** Null when the password is right; else what the sign-in came to. */
  private SignIn checkPassword(LDAPConnection c, String dn, char[] password) throws Unreachable {
    BindRequest bind =
        new SimpleBindRequest(
            dn,
            new String(password).getBytes(StandardCharsets.UTF_8),
            new DraftBeheraLDAPPasswordPolicy10RequestControl());
    try {
      c.bind(bind);
      return null;
    } catch (LDAPException e) {
      String locked = locked(e);
      if (locked != null) {
        return new SignIn.AccountLocked(locked);
      }
      if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
        return new SignIn.Refused("wrong password");
      }
      throw new Unreachable(unreachable(e), e);
    }
  }

  /**
   * Why the directory will not let this user in whatever the password (the password policy's
   * answer, or Active Directory's sub-code), or null when it did not say.
   */
  private static String locked(LDAPException e) {
    try {
      DraftBeheraLDAPPasswordPolicy10ResponseControl policy =
          DraftBeheraLDAPPasswordPolicy10ResponseControl.get(e.toLDAPResult());
      if (policy != null && policy.getErrorType() != null) {
        DraftBeheraLDAPPasswordPolicy10ErrorType t = policy.getErrorType();
        if (t == DraftBeheraLDAPPasswordPolicy10ErrorType.ACCOUNT_LOCKED) {
          return "the account is locked";
        }
        if (t == DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_EXPIRED) {
          return "the password has expired";
        }
        if (t == DraftBeheraLDAPPasswordPolicy10ErrorType.CHANGE_AFTER_RESET) {
          return "the password must be changed first";
        }
      }
    } catch (LDAPException unreadable) {
      LOG.debug("directory: an unreadable password policy control: {}", unreadable.getMessage());
    }
    String diagnostic = e.getDiagnosticMessage();
    if (diagnostic != null) {
      if (diagnostic.contains("data 775")) {
        return "the account is locked";
      }
      if (diagnostic.contains("data 533")) {
        return "the account is disabled";
      }
      if (diagnostic.contains("data 532") || diagnostic.contains("data 773")) {
        return "the password has expired";
      }
      if (diagnostic.contains("data 701")) {
        return "the account has expired";
      }
    }
    return null;
  }

  /** The directory's user as an operator of the role their groups give; refused without one. */
  private SignIn asOperator(LDAPConnection c, String user, SearchResultEntry entry)
      throws Unreachable {
    Operator.Role role;
    if (member(c, directory.installerGroup(), entry.getDN())) {
      role = Operator.Role.INSTALLER;
    } else if (member(c, directory.captureGroup(), entry.getDN())) {
      role = Operator.Role.CAPTURE;
    } else {
      return new SignIn.NotAllowed(user);
    }
    String family = entry.getAttributeValue("sn");
    PersonName name =
        family != null
            ? PersonName.of(family, entry.getAttributeValue("givenName"))
            : PersonName.of(entry.getAttributeValue("cn"), null);
    try {
      return new SignIn.Accepted(new Operator(user, name, role));
    } catch (IllegalArgumentException e) {
      return new SignIn.Refused("the directory's entry cannot be an operator: " + e.getMessage());
    }
  }

  private boolean member(LDAPConnection c, String group, String userDn) throws Unreachable {
    if (group == null) {
      return false;
    }
    try {
      SearchResult r =
          c.search(
              group,
              SearchScope.BASE,
              Filter.createORFilter(
                  Filter.createEqualityFilter("member", userDn),
                  Filter.createEqualityFilter("uniqueMember", userDn)),
              "1.1");
      return r.getEntryCount() == 1
          && new DN(r.getSearchEntries().get(0).getDN()).equals(new DN(group));
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
        LOG.warn("directory: the group {} does not exist: check the directory settings", group);
        return false;
      }
      throw new Unreachable(unreachable(e), e);
    }
  }
}
