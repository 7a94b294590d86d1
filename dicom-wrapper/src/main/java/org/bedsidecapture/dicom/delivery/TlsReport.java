package org.bedsidecapture.dicom.delivery;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * What a TLS server shows this station, for an installer's Test connection: whether the handshake
 * under the site's TLS settings succeeds, who the server's certificate names, who issued it and
 * when it expires. When the handshake fails, the certificate is fetched a second time without
 * checking it, only to say whose it is (nothing is sent over that connection).
 *
 * @param trusted the handshake under the site's settings succeeded
 * @param subject the certificate's subject, or null when none was seen
 * @param names the DNS names and addresses it is valid for
 * @param failure what kind of failure it was (for the caller to word); null when it succeeded
 * @param problem why the handshake failed, in English words for logs and the command line, with the
 *     detail the TLS stack gave; null when it succeeded
 */
public record TlsReport(
    boolean trusted,
    String subject,
    String issuer,
    List<String> names,
    Instant notAfter,
    Failure failure,
    String problem) {

  /** Why a handshake failed. */
  public enum Failure {
    /** The certificate is not signed by an authority this station trusts. */
    UNTRUSTED,
    /** The certificate does not name the host connected to. */
    WRONG_HOST,
    /** The server refused this station's certificate, or wanted one. */
    REFUSED_OUR_CERTIFICATE,
    /** Not a TLS port, or the server ended the handshake. */
    NOT_TLS,
    /** Another TLS failure ({@link TlsReport#problem} has the detail). */
    OTHER,
    /** No connection at all (nothing listens, no route). */
    UNREACHABLE
  }

  /** Shakes hands with {@code host:port} under {@code tls}. */
  public static TlsReport of(Tls tls, String host, int port, Duration timeout) {
    try (SSLSocket s = tls.connect(host, port, timeout)) {
      return seen(s, true, null);
    } catch (IOException e) {
      Failure kind = Tls.classify(e);
      String why = Tls.explain(e);
      Failure failure = kind == null ? Failure.UNREACHABLE : kind;
      String problem = why != null ? why : "no TLS connection: " + Tls.messages(e);
      X509Certificate shown = shown(host, port, timeout);
      return shown == null
          ? new TlsReport(false, null, null, List.of(), null, failure, problem)
          : of(shown, false, failure, problem);
    }
  }

  /** Days from now until the certificate expires (negative once it has). */
  public long daysLeft(Clock clock) {
    return Duration.between(clock.instant(), notAfter).toDays();
  }

  private static TlsReport seen(SSLSocket s, boolean trusted, String problem) throws IOException {
    Certificate[] chain = s.getSession().getPeerCertificates();
    if (chain.length == 0 || !(chain[0] instanceof X509Certificate c)) {
      return new TlsReport(trusted, null, null, List.of(), null, null, problem);
    }
    return of(c, trusted, null, problem);
  }

  private static TlsReport of(X509Certificate c, boolean trusted, Failure failure, String problem) {
    return new TlsReport(
        trusted,
        c.getSubjectX500Principal().getName(),
        c.getIssuerX500Principal().getName(),
        names(c),
        c.getNotAfter().toInstant(),
        failure,
        problem);
  }

  private static List<String> names(X509Certificate c) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> alternatives = c.getSubjectAlternativeNames();
      if (alternatives != null) {
        for (List<?> a : alternatives) {
          names.add(String.valueOf(a.get(1)));
        }
      }
    } catch (CertificateParsingException e) {
      names.add("(unreadable: " + e.getMessage() + ")");
    }
    return names;
  }

  /**
   * The server's certificate as it shows it, unchecked; null when none came (the handshake may
   * still fail afterwards, e.g. for want of a client certificate: the certificate is kept).
   */
  private static X509Certificate shown(String host, int port, Duration timeout) {
    ShowOnly seen = new ShowOnly();
    try {
      SSLContext c = SSLContext.getInstance("TLS");
      c.init(null, new TrustManager[] {seen}, new SecureRandom());
      try (Socket raw = new Socket()) {
        raw.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
        raw.setSoTimeout((int) timeout.toMillis());
        try (SSLSocket s = (SSLSocket) c.getSocketFactory().createSocket(raw, host, port, false)) {
          s.setUseClientMode(true);
          s.startHandshake();
        }
      }
    } catch (IOException | GeneralSecurityException e) {
      // The certificate, if one came before the failure, is all this is for.
    }
    return seen.certificate;
  }

  /** Accepts any server certificate: used only to read it for the report, never to send data. */
  private static final class ShowOnly implements X509TrustManager {
    private volatile X509Certificate certificate;

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      throw new UnsupportedOperationException("a client-side trust manager");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      if (chain.length > 0) {
        certificate = chain[0];
      }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
