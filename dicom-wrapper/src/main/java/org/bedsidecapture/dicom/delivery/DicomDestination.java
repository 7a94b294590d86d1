package org.bedsidecapture.dicom.delivery;

import java.net.URI;

/**
 * A DICOM archive reached by C-STORE: its AE title, host and port, and whether the connection is
 * DICOM TLS, written as {@code dicom://AET@HOST:PORT} or {@code dicom-tls://AET@HOST:PORT}. {@link
 * #name()} is how the outbox tracks deliveries to it.
 */
public record DicomDestination(String calledAeTitle, String host, int port, boolean tls) {
  private static final String FORMAT = "dicom://AET@HOST:PORT or dicom-tls://AET@HOST:PORT";

  public DicomDestination {
    if (calledAeTitle == null || calledAeTitle.isBlank() || calledAeTitle.length() > 16) {
      throw new IllegalArgumentException("AE title must have 1 to 16 characters");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not a TCP port");
    }
  }

  public DicomDestination(String calledAeTitle, String host, int port) {
    this(calledAeTitle, host, port, false);
  }

  /** The destination an outbox name ({@link #name()}) stands for. */
  public static DicomDestination fromName(String name) {
    return parse(name.contains("://") ? name : "dicom://" + name);
  }

  /** Parses {@code dicom://AET@HOST:PORT} or {@code dicom-tls://AET@HOST:PORT}. */
  public static DicomDestination parse(String text) {
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not " + FORMAT);
    }
    boolean tls = "dicom-tls".equals(uri.getScheme());
    if (!(tls || "dicom".equals(uri.getScheme()))
        || uri.getUserInfo() == null
        || uri.getHost() == null
        || uri.getPort() < 0) {
      throw new IllegalArgumentException("'" + text + "' is not " + FORMAT);
    }
    return new DicomDestination(uri.getUserInfo(), uri.getHost(), uri.getPort(), tls);
  }

  /** {@code AET@HOST:PORT} for plain DICOM, the whole URL for DICOM TLS. */
  public String name() {
    return tls ? toString() : calledAeTitle + "@" + host + ":" + port;
  }

  @Override
  public String toString() {
    return (tls ? "dicom-tls://" : "dicom://") + calledAeTitle + "@" + host + ":" + port;
  }
}
