package org.bedsidecapture.dicom.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Orthanc (Debian's orthanc + orthanc-dicomweb) as an archive for tests: non-default free ports,
 * HTTP for loopback only (RemoteAccessAllowed false; Orthanc has no bind address for DICOM, so
 * tests only ever send it loopback traffic), its database in a temporary folder. Our station can be
 * registered as a modality, which storage commitment needs: Orthanc answers on a new association to
 * our listener.
 */
public final class Orthanc implements AutoCloseable {
  public static final String AE_TITLE = "ORTHANC";
  private final Process process;
  private final TlsFront tlsFront;
  private final int httpsPort;
  private final int httpPort;
  private final int dicomPort;
  private final HttpClient http;
  private final boolean authentication;

  private Orthanc(
      Process process,
      TlsFront tlsFront,
      int httpsPort,
      int httpPort,
      int dicomPort,
      Options options)
      throws IOException {
    this.process = process;
    this.tlsFront = tlsFront;
    this.httpsPort = httpsPort;
    this.httpPort = httpPort;
    this.dicomPort = dicomPort;
    this.authentication = options.authentication();
    this.http =
        options.httpsAuthority() == null
            ? HttpClient.newHttpClient()
            : HttpClient.newBuilder()
                .sslContext(
                    org.bedsidecapture.dicom.delivery.Tls.configure(
                            null, null, options.httpsAuthority())
                        .context())
                .build();
  }

  /** The Authorization header value for {@link #USER} and {@link #PASSWORD}. */
  public static String basicAuthorization(String user, String password) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(httpBase() + path)).timeout(Duration.ofSeconds(10));
    return authentication ? b.header("Authorization", basicAuthorization(USER, PASSWORD)) : b;
  }

  /**
   * How a test wants Orthanc.
   *
   * @param stationAeTitle our AE title, registered with {@code stationPort} as a modality (which
   *     storage commitment needs), or null for none
   * @param authentication whether HTTP (DICOMweb, REST) needs {@link #USER} and {@link #PASSWORD}
   * @param failSopInstanceUid an object whose storing fails in a Lua filter (Orthanc then answers
   *     A700, out of resources), or null
   * @param acceptedTransferSyntaxes what Orthanc accepts, or null for its default (all)
   */
  public record Options(
      String stationAeTitle,
      int stationPort,
      boolean authentication,
      String failSopInstanceUid,
      List<String> acceptedTransferSyntaxes,
      Path httpsCertificateAndKey,
      Path httpsAuthority) {
    public static Options plain() {
      return new Options(null, 0, false, null, null, null, null);
    }

    /** HTTPS only, with this certificate (signed by {@code authority}, which the helper trusts). */
    public Options withHttps(Path certificateAndKey, Path authority) {
      return new Options(
          stationAeTitle,
          stationPort,
          authentication,
          failSopInstanceUid,
          acceptedTransferSyntaxes,
          certificateAndKey,
          authority);
    }

    public Options withStation(String aeTitle, int port) {
      return new Options(
          aeTitle,
          port,
          authentication,
          failSopInstanceUid,
          acceptedTransferSyntaxes,
          httpsCertificateAndKey,
          httpsAuthority);
    }

    public Options withAuthentication() {
      return new Options(
          stationAeTitle,
          stationPort,
          true,
          failSopInstanceUid,
          acceptedTransferSyntaxes,
          httpsCertificateAndKey,
          httpsAuthority);
    }

    public Options failing(String sopInstanceUid) {
      return new Options(
          stationAeTitle,
          stationPort,
          authentication,
          sopInstanceUid,
          acceptedTransferSyntaxes,
          httpsCertificateAndKey,
          httpsAuthority);
    }

    public Options accepting(List<String> syntaxes) {
      return new Options(
          stationAeTitle,
          stationPort,
          authentication,
          failSopInstanceUid,
          syntaxes,
          httpsCertificateAndKey,
          httpsAuthority);
    }
  }

  /** User and password Orthanc asks for over HTTP when started with authentication. */
  public static final String USER = "bedside";

  public static final String PASSWORD = "test-only-secret";

  /**
   * Starts Orthanc on free loopback ports. Should it exit while starting (a port taken between
   * choosing and binding it), it is started once more on other ports; its log says why.
   */
  public static Orthanc start(Path folder, Options options)
      throws IOException, InterruptedException {
    try {
      return startOnce(folder.resolve("first-try"), options);
    } catch (ExitedException e) {
      return startOnce(folder.resolve("second-try"), options);
    }
  }

  /** Orthanc exited while starting. */
  private static final class ExitedException extends IOException {
    private static final long serialVersionUID = 1L;

    ExitedException(String message) {
      super(message);
    }
  }

  private static Orthanc startOnce(Path folder, Options options)
      throws IOException, InterruptedException {
    Files.createDirectories(folder);
    int[] ports = Storescp.freePorts(3);
    int httpPort = ports[0];
    int dicomPort = ports[1];
    String modalities =
        options.stationAeTitle() == null
            ? "{}"
            : "{ \"station\": [\""
                + options.stationAeTitle()
                + "\", \"127.0.0.1\", "
                + options.stationPort()
                + "] }";
    String accepted =
        options.acceptedTransferSyntaxes() == null
            ? ""
            : ",\n  \"AcceptedTransferSyntaxes\": [\""
                + String.join("\", \"", options.acceptedTransferSyntaxes())
                + "\"]";
    // KeepAlive off: Orthanc drops idle connections after a second, and the JDK client would now
    // and then send a request on a connection Orthanc had just closed.
    String config =
        """
        {
          "Name": "bedside-capture-test",
          "StorageDirectory": "%1$s/db",
          "IndexDirectory": "%1$s/db",
          "HttpPort": %2$d,
          "DicomPort": %3$d,
          "DicomAet": "%4$s",
          "RemoteAccessAllowed": false,
          "KeepAlive": false,
          "AuthenticationEnabled": %6$s,
          "RegisteredUsers": { "%7$s": "%8$s" },
          "DicomCheckCalledAet": true,
          "DicomAlwaysAllowEcho": true,
          "DicomAlwaysAllowStore": true,
          "DicomModalities": %5$s,
          "Plugins": ["/usr/share/orthanc/plugins/libOrthancDicomWeb.so"],
          "DicomWeb": { "Enable": true, "Root": "/dicom-web/" },
          "StableAge": 1,
          "LuaScripts": [%9$s]%10$s
        }
        """
            .formatted(
                folder,
                httpPort,
                dicomPort,
                AE_TITLE,
                modalities,
                options.authentication(),
                USER,
                PASSWORD,
                options.failSopInstanceUid() == null
                    ? ""
                    : "\"" + folder.resolve("fail.lua") + "\"",
                accepted);
    if (options.failSopInstanceUid() != null) {
      Files.writeString(
          folder.resolve("fail.lua"),
          "function ReceivedInstanceFilter(dicom, origin, info)\n"
              + "  if dicom.SOPInstanceUID == '"
              + options.failSopInstanceUid()
              + "' then\n"
              + "    error('this test archive fails this object')\n"
              + "  end\n"
              + "  return true\n"
              + "end\n");
    }
    Path configFile = folder.resolve("orthanc.json");
    Files.writeString(configFile, config);
    Process p =
        new ProcessBuilder(List.of("Orthanc", configFile.toString()))
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("orthanc.log").toFile())
            .start();
    TlsFront tlsFront = null;
    int httpsPort = 0;
    if (options.httpsCertificateAndKey() != null) {
      // Orthanc 1.10's own HTTPS resets every connection on Debian 12; socat's TLS in front of it
      // stands for the TLS proxy a hospital puts before its archive.
      httpsPort = ports[2];
      tlsFront =
          TlsFront.start(
              options.httpsCertificateAndKey(), httpsPort, httpPort, folder.resolve("socat.log"));
    }
    Orthanc o = new Orthanc(p, tlsFront, httpsPort, httpPort, dicomPort, options);
    o.awaitReady();
    return o;
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new ExitedException("Orthanc exited with " + process.exitValue());
      }
      try {
        HttpResponse<String> r = get("/system");
        if (r.statusCode() == 200) {
          return;
        }
        last = "HTTP " + r.statusCode();
      } catch (IOException notYet) {
        last = notYet.toString();
      }
      Thread.sleep(100);
    }
    throw new IOException("Orthanc did not start: " + last);
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
  }

  public String httpBase() {
    return tlsFront == null ? "http://127.0.0.1:" + httpPort : "https://127.0.0.1:" + httpsPort;
  }

  public String dicomWebBase() {
    return httpBase() + "/dicom-web";
  }

  public String dicomUrl() {
    return "dicom://" + AE_TITLE + "@127.0.0.1:" + dicomPort;
  }

  /** The JSON list of the instances Orthanc holds. */
  public String instances() throws IOException, InterruptedException {
    return get("/instances").body();
  }

  /** Tags of the instance with this SOP Instance UID, as Orthanc's simplified JSON, or null. */
  public String tagsOf(String sopInstanceUid) throws IOException, InterruptedException {
    HttpResponse<String> lookup =
        http.send(
            request("/tools/lookup")
                .POST(HttpRequest.BodyPublishers.ofString(sopInstanceUid))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String body = lookup.body();
    int at = body.indexOf("\"ID\" : \"");
    if (at < 0) {
      return null;
    }
    String id = body.substring(at + 8, body.indexOf('"', at + 8));
    return unescapeUnicode(get("/instances/" + id + "/simplified-tags").body());
  }

  /** Orthanc writes non-ASCII text in its JSON as backslash-u escapes. */
  private static String unescapeUnicode(String json) {
    StringBuilder out = new StringBuilder(json.length());
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '\\' && i + 5 < json.length() && json.charAt(i + 1) == 'u') {
        out.append((char) Integer.parseInt(json.substring(i + 2, i + 6), 16));
        i += 5;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Override
  public void close() throws InterruptedException {
    if (tlsFront != null) {
      tlsFront.close();
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
