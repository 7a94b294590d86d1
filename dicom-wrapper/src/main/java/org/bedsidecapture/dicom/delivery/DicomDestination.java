package org.bedsidecapture.dicom.delivery;

import java.net.URI;

/**
 * A DICOM archive reached by C-STORE: its AE title, host and port, written as {@code
 * dicom://AET@HOST:PORT}. {@link #name()} is how the outbox tracks deliveries to it.
 */
public record DicomDestination(String calledAeTitle, String host, int port) {

  public DicomDestination {
    if (calledAeTitle == null || calledAeTitle.isBlank() || calledAeTitle.length() > 16) {
      throw new IllegalArgumentException("AE title must have 1 to 16 characters");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not a TCP port");
    }
  }

  /** The destination an outbox name ({@link #name()}) stands for. */
  public static DicomDestination fromName(String name) {
    return parse("dicom://" + name);
  }

  /** Parses {@code dicom://AET@HOST:PORT}. */
  public static DicomDestination parse(String text) {
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not dicom://AET@HOST:PORT");
    }
    if (!"dicom".equals(uri.getScheme())
        || uri.getUserInfo() == null
        || uri.getHost() == null
        || uri.getPort() < 0) {
      throw new IllegalArgumentException("'" + text + "' is not dicom://AET@HOST:PORT");
    }
    return new DicomDestination(uri.getUserInfo(), uri.getHost(), uri.getPort());
  }

  public String name() {
    return calledAeTitle + "@" + host + ":" + port;
  }

  @Override
  public String toString() {
    return "dicom://" + calledAeTitle + "@" + host + ":" + port;
  }
}
