package org.bedsidecapture.dicom.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for archive connections, DICOM TLS and HTTPS alike: the station's own key and certificate
 * (for archives that require client certificates), the certificate authorities it trusts (the JDK's
 * when none are configured), and the protocols and cipher suites of BCP 195's non-downgrading
 * profile (TLS 1.3 and 1.2, forward-secret AES-GCM and ChaCha20 only). The server's certificate
 * must name the host connected to. Runs on the JDK's own TLS provider.
 */
public final class Tls {
  private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
  private static final List<String> SUITES =
      List.of(
          "TLS_AES_128_GCM_SHA256",
          "TLS_AES_256_GCM_SHA384",
          "TLS_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
          "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384");

  private final KeyManager[] keys;
  private final TrustManager[] trust;
  private SSLContext context;
  private String[] suites;

  /**
   * The files are read and checked at once; the TLS context itself (a third of a second) is made
   * when a connection first needs it, so commands that never use TLS do not pay for it.
   */
  private Tls(KeyManager[] keys, TrustManager[] trust) {
    this.keys = keys;
    this.trust = trust;
  }

  /**
   * Builds the TLS configuration.
   *
   * @param keyStore a PKCS #12 file with the station's key and certificate chain, or null when the
   *     station presents no certificate
   * @param keyStorePassword its password (null when there is no key store)
   * @param trustedCertificates a PEM file of the certificate authorities (or self-signed archive
   *     certificates) to trust, or null for the JDK's trusted authorities
   * @throws IOException naming the file that cannot be used and why
   */
  public static Tls configure(Path keyStore, char[] keyStorePassword, Path trustedCertificates)
      throws IOException {
    try {
      KeyManager[] keys = null;
      if (keyStore != null) {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
          ks.load(in, keyStorePassword);
        } catch (IOException | GeneralSecurityException e) {
          throw new IOException(
              "TLS key store " + keyStore + " cannot be read: " + e.getMessage(), e);
        }
        KeyManagerFactory kmf =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, keyStorePassword);
        keys = kmf.getKeyManagers();
      }
      TrustManager[] trust = null;
      if (trustedCertificates != null) {
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        int n = 0;
        try (InputStream in = Files.newInputStream(trustedCertificates)) {
          for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
            ts.setCertificateEntry("trusted-" + n++, c);
          }
        } catch (IOException | GeneralSecurityException e) {
          throw new IOException(
              "trusted certificates " + trustedCertificates + " cannot be read: " + e.getMessage(),
              e);
        }
        if (n == 0) {
          throw new IOException(
              "trusted certificates " + trustedCertificates + " hold no PEM certificate");
        }
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        trust = tmf.getTrustManagers();
      }
      return new Tls(keys, trust);
    } catch (GeneralSecurityException e) {
      throw new IOException("TLS cannot be set up: " + e.getMessage(), e);
    }
  }

  /**
   * What went wrong in a TLS handshake, in words for the person at the station where {@link
   * #explain} knows the failure, else its own message.
   */
  public static String why(Throwable handshakeFailure) {
    String explained = explain(handshakeFailure);
    return explained != null ? explained : handshakeFailure.getMessage();
  }

  /**
   * What went wrong with TLS, in words for the person at the station, or null when the failure was
   * not a TLS one.
   */
  public static String explain(Throwable failure) {
    TlsReport.Failure kind = classify(failure);
    if (kind == null) {
      return null;
    }
    return switch (kind) {
      case UNTRUSTED ->
          "its TLS certificate is not signed by an authority this station trusts (check the"
              + " trusted certificates in the site settings)";
      case WRONG_HOST -> "its TLS certificate does not name the host connected to";
      case REFUSED_OUR_CERTIFICATE ->
          "it refused this station's TLS certificate, or wanted one (check the station's key"
              + " store in the site settings and that the server trusts its authority)";
      case NOT_TLS ->
          "the TLS handshake failed ("
              + messages(failure)
              + "): is this port the server's TLS port?";
      case OTHER, UNREACHABLE -> "TLS failed: " + messages(failure);
    };
  }

  /** What kind of TLS failure {@code failure} is, or null when it is not a TLS one. */
  static TlsReport.Failure classify(Throwable failure) {
    boolean tls = false;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      tls |= t instanceof javax.net.ssl.SSLException;
    }
    String lower = messages(failure).toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("pkix path") || lower.contains("unable to find valid certification")) {
      return TlsReport.Failure.UNTRUSTED;
    }
    if (lower.contains("no subject alternative") || lower.contains("no name matching")) {
      return TlsReport.Failure.WRONG_HOST;
    }
    if (lower.contains("certificate_required")
        || lower.contains("bad_certificate")
        || lower.contains("unknown_ca")) {
      return TlsReport.Failure.REFUSED_OUR_CERTIFICATE;
    }
    if (lower.contains("unsupported or unrecognized ssl message")
        || lower.contains("remote host terminated the handshake")
        || (tls && lower.contains("handshake"))) {
      return TlsReport.Failure.NOT_TLS;
    }
    return tls ? TlsReport.Failure.OTHER : null;
  }

  /** The messages of a failure and its causes, in one line. */
  static String messages(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      all.append(' ').append(t.getMessage());
    }
    return all.toString().trim();
  }

  /** No station certificate, the JDK's trusted authorities. */
  public static Tls jdkDefaults() throws IOException {
    return configure(null, null, null);
  }

  /** For the JDK HTTP client: the context, with the same protocols and suites. */
  public synchronized SSLContext context() {
    if (context == null) {
      try {
        SSLContext c = SSLContext.getInstance("TLS", "SunJSSE");
        c.init(keys, trust, new SecureRandom());
        List<String> supported = Arrays.asList(c.getSupportedSSLParameters().getCipherSuites());
        suites = SUITES.stream().filter(supported::contains).toArray(String[]::new);
        context = c;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("TLS cannot be set up: " + e.getMessage(), e);
      }
    }
    return context;
  }

  private String[] suites() {
    context();
    return suites.clone();
  }

  public SSLParameters parameters() {
    SSLParameters p = new SSLParameters(suites(), PROTOCOLS);
    p.setEndpointIdentificationAlgorithm("HTTPS");
    return p;
  }

  /**
   * A listening socket for DICOM TLS (not yet bound): it shows the station's certificate and
   * requires the peer's, from an authority the station trusts, under BCP 195's protocols and
   * suites; the handshake runs on the first read of an accepted socket.
   *
   * @throws IOException when the station has no key store to show a certificate from
   */
  public ServerSocket listeningSocket() throws IOException {
    if (keys == null) {
      throw new IOException(
          "a DICOM TLS listener needs the station's own certificate: set tls.key-store");
    }
    SSLServerSocket server =
        (SSLServerSocket) context().getServerSocketFactory().createServerSocket();
    SSLParameters p = new SSLParameters(suites(), PROTOCOLS);
    p.setNeedClientAuth(true);
    server.setSSLParameters(p);
    return server;
  }

  /**
   * Makes this configuration the one the DICOM toolkit uses on this thread until the returned scope
   * is closed. The toolkit opens its TLS connections from the JVM's default context (and then pins
   * the retired DICOM "AES" profile); so the default context is, once per JVM, replaced by a router
   * that hands this thread's toolkit sockets already connected and past their handshake under this
   * configuration (leaving the toolkit's pinning nothing to change), and serves every other user of
   * the default, and every other thread, exactly as the JDK's own default. Two senders with
   * different configurations in one JVM do not see each other's.
   */
  Scope forDicom(Duration timeout) throws IOException {
    return onThisThread(timeout);
  }

  /**
   * This configuration for every TLS connection this thread opens through the {@linkplain
   * #routing() routing context} until the returned scope is closed: for a library (HAPI's HTTP
   * client) whose connections are made from one context built once.
   */
  public Scope onThisThread(Duration timeout) throws IOException {
    Router.install();
    Scope previous = Router.CURRENT.get();
    Scope scope = new Scope(this, timeout, previous);
    Router.CURRENT.set(scope);
    return scope;
  }

  /**
   * The JVM's default context once routing is installed: each connection it makes uses the
   * configuration of its thread's {@link #onThisThread scope}, or the JDK's own default.
   */
  public static SSLContext routing() throws IOException {
    Router.install();
    try {
      return SSLContext.getDefault();
    } catch (GeneralSecurityException e) {
      throw new IOException("TLS cannot be set up: " + e.getMessage(), e);
    }
  }

  /** The configuration in force on one thread; closing restores the last. */
  public static final class Scope implements AutoCloseable {
    private final Tls tls;
    private final Duration timeout;
    private final Scope previous;

    private Scope(Tls tls, Duration timeout, Scope previous) {
      this.tls = tls;
      this.timeout = timeout;
      this.previous = previous;
    }

    @Override
    public void close() {
      if (previous == null) {
        Router.CURRENT.remove();
      } else {
        Router.CURRENT.set(previous);
      }
    }
  }

  /**
   * Sockets under this configuration for a client library that makes its own (LDAP): each gets the
   * station's protocols, suites and host-name check, whether it is opened by the factory or layered
   * over a connection already made (StartTLS).
   */
  public SSLSocketFactory socketFactory() {
    return new PolicySocketFactory(this);
  }

  private static final class PolicySocketFactory extends SSLSocketFactory {
    private final Tls tls;

    PolicySocketFactory(Tls tls) {
      this.tls = tls;
    }

    private Socket policed(Socket s) {
      ((SSLSocket) s).setSSLParameters(tls.parameters());
      return s;
    }

    private SSLSocketFactory plain() {
      return tls.context().getSocketFactory();
    }

    @Override
    public Socket createSocket() throws IOException {
      return policed(plain().createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return policed(plain().createSocket(host, port));
    }

    @Override
    public Socket createSocket(java.net.InetAddress host, int port) throws IOException {
      return policed(plain().createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, java.net.InetAddress localHost, int localPort)
        throws IOException {
      return policed(plain().createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(
        java.net.InetAddress address, int port, java.net.InetAddress localAddress, int localPort)
        throws IOException {
      return policed(plain().createSocket(address, port, localAddress, localPort));
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose)
        throws IOException {
      return policed(plain().createSocket(s, host, port, autoClose));
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return tls.suites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return tls.suites();
    }
  }

  /** Connects, applies the policy and completes the handshake (timeouts apply to both). */
  SSLSocket connect(String host, int port, Duration timeout) throws IOException {
    Socket raw = new Socket();
    try {
      raw.setTcpNoDelay(true);
      raw.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      raw.setSoTimeout((int) timeout.toMillis());
      SSLSocket s = (SSLSocket) context().getSocketFactory().createSocket(raw, host, port, true);
      s.setUseClientMode(true);
      s.setSSLParameters(parameters());
      s.startHandshake();
      return s;
    } catch (IOException e) {
      raw.close();
      throw e;
    }
  }

  /**
   * The JVM's default context once the DICOM toolkit has needed TLS: the configuration of the
   * thread's {@link Scope} where there is one, the JDK's own default everywhere else.
   */
  private static final class Router extends SSLContext {
    static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();
    private static boolean installed;

    private Router(SSLContext jdk) {
      super(new Spi(jdk), jdk.getProvider(), jdk.getProtocol());
    }

    static synchronized void install() throws IOException {
      if (installed) {
        return;
      }
      try {
        SSLContext.setDefault(new Router(SSLContext.getDefault()));
      } catch (GeneralSecurityException e) {
        throw new IOException("TLS cannot be set up: " + e.getMessage(), e);
      }
      installed = true;
    }
  }

  private static final class Spi extends SSLContextSpi {
    private final SSLContext jdk;

    Spi(SSLContext jdk) {
      this.jdk = jdk;
    }

    /** This thread's configuration's context, or the JDK's default. */
    private SSLContext current() {
      Scope scope = Router.CURRENT.get();
      return scope == null ? jdk : scope.tls.context();
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr)
        throws KeyManagementException {
      throw new KeyManagementException("already initialised");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return new HandshakenSocketFactory(jdk);
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return current().getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return current().createSSLEngine();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return current().createSSLEngine(host, port);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return current().getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return current().getClientSessionContext();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      Scope scope = Router.CURRENT.get();
      return scope == null ? jdk.getDefaultSSLParameters() : scope.tls.parameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      return current().getSupportedSSLParameters();
    }
  }

  /**
   * On a thread with a {@link Scope}: sockets already connected and past their handshake under its
   * configuration. Elsewhere: the JDK's default sockets.
   */
  private static final class HandshakenSocketFactory extends SSLSocketFactory {
    private final SSLContext jdk;

    HandshakenSocketFactory(SSLContext jdk) {
      this.jdk = jdk;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      Scope scope = Router.CURRENT.get();
      return scope == null
          ? jdk.getSocketFactory().createSocket(host, port)
          : scope.tls.connect(host, port, scope.timeout);
    }

    @Override
    public Socket createSocket(java.net.InetAddress host, int port) throws IOException {
      Scope scope = Router.CURRENT.get();
      return scope == null
          ? jdk.getSocketFactory().createSocket(host, port)
          : scope.tls.connect(host.getHostAddress(), port, scope.timeout);
    }

    @Override
    public Socket createSocket(String host, int port, java.net.InetAddress localHost, int localPort)
        throws IOException {
      return jdk.getSocketFactory().createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(
        java.net.InetAddress address, int port, java.net.InetAddress localAddress, int localPort)
        throws IOException {
      return jdk.getSocketFactory().createSocket(address, port, localAddress, localPort);
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose)
        throws IOException {
      Scope scope = Router.CURRENT.get();
      if (scope == null) {
        return jdk.getSocketFactory().createSocket(s, host, port, autoClose);
      }
      SSLSocket layered =
          (SSLSocket) scope.tls.context().getSocketFactory().createSocket(s, host, port, autoClose);
      layered.setSSLParameters(scope.tls.parameters());
      return layered;
    }

    @Override
    public String[] getDefaultCipherSuites() {
      Scope scope = Router.CURRENT.get();
      return scope == null ? jdk.getSocketFactory().getDefaultCipherSuites() : scope.tls.suites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      Scope scope = Router.CURRENT.get();
      return scope == null ? jdk.getSocketFactory().getSupportedCipherSuites() : scope.tls.suites();
    }
  }
}
