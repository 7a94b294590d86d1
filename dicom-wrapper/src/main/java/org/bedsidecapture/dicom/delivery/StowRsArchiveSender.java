package org.bedsidecapture.dicom.delivery;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.bedsidecapture.dicom.outbox.Outbox;
import org.bedsidecapture.dicom.outbox.OutboxEntry;

/**
 * Sends outbox objects to a DICOMweb archive with STOW-RS (PS3.18 §10.5): one multipart/related
 * POST per batch, streamed from the outbox, and each object's outcome read from the archive's DICOM
 * JSON answer (Referenced SOP Sequence, Failed SOP Sequence with its reason). The JDK's HTTP client
 * validates HTTPS certificates against the JVM's trust store.
 */
public final class StowRsArchiveSender {
  private static final String REFERENCED_SOP_SEQUENCE = "00081199";
  private static final String FAILED_SOP_SEQUENCE = "00081198";
  private static final String REFERENCED_SOP_INSTANCE = "00081155";
  private static final String FAILURE_REASON = "00081197";

  private final URI studies;
  private final String authorization;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * @param base the DICOMweb root, e.g. {@code http://pacs:8042/dicom-web}
   * @param authorization the Authorization header ("Basic ...", "Bearer ..."), or null for none
   */
  public StowRsArchiveSender(URI base, String authorization, Duration timeout) {
    this(base, authorization, timeout, null);
  }

  /**
   * @param tls for https: the station's certificate and the authorities it trusts; null for the
   *     JDK's trusted authorities. The archive's certificate must name its host.
   */
  public StowRsArchiveSender(URI base, String authorization, Duration timeout, Tls tls) {
    String b = base.toString();
    this.studies = URI.create((b.endsWith("/") ? b : b + "/") + "studies");
    this.authorization = authorization;
    this.timeout = timeout;
    HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(timeout);
    if (tls != null) {
      http.sslContext(tls.context()).sslParameters(tls.parameters());
    }
    this.http = http.build();
  }

  /**
   * Asks the archive, for an installer's Test connection, whether it answers at this root and takes
   * this station's credentials: a QIDO-RS search for one study, nothing stored.
   *
   * @return null when it answered, else what is wrong and what to check
   */
  public String probe() {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(studies + "?limit=1"))
            .timeout(timeout)
            .header("Accept", "application/dicom+json")
            .GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    int status;
    try {
      status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      String tls = Tls.explain(e);
      return tls != null
          ? tls
          : "no answer from " + studies + " (" + e + "): check the address and the network";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
    if (status == 200 || status == 204) {
      return null;
    }
    if (status == 401 || status == 403) {
      return "it refused this station's credentials (HTTP "
          + status
          + "): check dicomweb.basic-auth-file or dicomweb.bearer-token-file";
    }
    if (status == 404) {
      return "no DICOMweb service at " + studies + " (HTTP 404): check the path of the root";
    }
    return "it answered HTTP " + status + " to a search at " + studies;
  }

  /** The outbox name of a DICOMweb destination: its URL. */
  public static String name(URI base) {
    return base.toString();
  }

  /**
   * Sends the entries in one request; STOW-RS success is final (no commitment follows). The
   * outcomes are made durable in the outbox together, as one batch.
   */
  public SendReport send(Outbox outbox, List<OutboxEntry> entries, String destinationName)
      throws IOException {
    try (Outbox.Batch batch = outbox.batch()) {
      return sendBatch(outbox, entries, destinationName);
    }
  }

  private SendReport sendBatch(Outbox outbox, List<OutboxEntry> candidates, String destinationName)
      throws IOException {
    List<SendReport.Result> results = new ArrayList<>();
    List<OutboxEntry> entries = new ArrayList<>();
    for (OutboxEntry e : candidates) {
      String unreadable = unreadable(outbox, e);
      if (unreadable == null) {
        entries.add(e);
      } else {
        String why =
            "the outbox copy cannot be read back whole ("
                + unreadable
                + "): it is kept for a person to decide";
        outbox.quarantined(e.sopInstanceUid(), destinationName, why);
        results.add(new SendReport.Result(e.sopInstanceUid(), SendReport.Outcome.REFUSED, why));
      }
    }
    if (entries.isEmpty()) {
      return new SendReport(results);
    }
    for (OutboxEntry e : entries) {
      outbox.sending(e.sopInstanceUid(), destinationName);
    }
    String boundary = "bedside-" + UUID.randomUUID();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(studies)
            .timeout(timeout)
            .header(
                "Content-Type",
                "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
            .header("Accept", "application/dicom+json")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> multipart(outbox, entries, boundary)));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | UncheckedIOException e) {
      return failAll(
          outbox,
          entries,
          destinationName,
          "archive "
              + studies
              + " not reachable: "
              + java.util.Objects.requireNonNullElse(
                  Tls.explain(e), String.valueOf(e.getMessage())),
          results);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failAll(outbox, entries, destinationName, "interrupted", results);
    }
    int code = response.statusCode();
    if (code == 401 || code == 403) {
      return failAll(
          outbox,
          entries,
          destinationName,
          "archive "
              + studies
              + " refused our credentials (HTTP "
              + code
              + "): check the user, password or token",
          results);
    }
    if (code != 200 && code != 202 && code != 409) {
      return failAll(
          outbox,
          entries,
          destinationName,
          "archive " + studies + " answered HTTP " + code,
          results);
    }
    Map<String, Integer> failed = new HashMap<>();
    List<String> stored = new ArrayList<>();
    try {
      JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
      for (JsonObject item : items(body, FAILED_SOP_SEQUENCE)) {
        failed.put(string(item, REFERENCED_SOP_INSTANCE), integer(item, FAILURE_REASON));
      }
      for (JsonObject item : items(body, REFERENCED_SOP_SEQUENCE)) {
        stored.add(string(item, REFERENCED_SOP_INSTANCE));
      }
    } catch (RuntimeException e) {
      return failAll(
          outbox,
          entries,
          destinationName,
          "archive answered HTTP " + code + " without a readable DICOM JSON body",
          results);
    }
    for (OutboxEntry e : entries) {
      String id = e.sopInstanceUid();
      if (failed.containsKey(id)) {
        String why = String.format("refused by the archive, failure reason %04X", failed.get(id));
        outbox.quarantined(id, destinationName, why);
        results.add(new SendReport.Result(id, SendReport.Outcome.REFUSED, why));
      } else if (stored.contains(id)) {
        outbox.stored(id, destinationName, true);
        results.add(new SendReport.Result(id, SendReport.Outcome.STORED, "HTTP " + code));
      } else {
        String why = "not in the archive's answer (HTTP " + code + ")";
        outbox.failed(id, destinationName, why);
        results.add(new SendReport.Result(id, SendReport.Outcome.FAILED, why));
      }
    }
    return new SendReport(results);
  }

  /**
   * Null when the outbox copy decrypts whole and unchanged, else why not: checked before the
   * request, since one bad part would fail the whole request, and with it every other object.
   */
  private static String unreadable(Outbox outbox, OutboxEntry e) {
    try (InputStream in = outbox.read(e.sopInstanceUid())) {
      in.transferTo(OutputStream.nullOutputStream());
      return null;
    } catch (IOException x) {
      return x.getMessage() == null ? x.getClass().getSimpleName() : x.getMessage();
    }
  }

  private static SendReport failAll(
      Outbox outbox,
      List<OutboxEntry> entries,
      String destination,
      String why,
      List<SendReport.Result> results)
      throws IOException {
    for (OutboxEntry e : entries) {
      outbox.failed(e.sopInstanceUid(), destination, why);
      results.add(new SendReport.Result(e.sopInstanceUid(), SendReport.Outcome.FAILED, why));
    }
    return new SendReport(results);
  }

  /** The request body: each object a part, decrypted from the outbox as the body is sent. */
  private static InputStream multipart(Outbox outbox, List<OutboxEntry> entries, String boundary) {
    Iterator<OutboxEntry> it = entries.iterator();
    Enumeration<InputStream> parts =
        new Enumeration<>() {
          private boolean closing;

          @Override
          public boolean hasMoreElements() {
            return it.hasNext() || !closing;
          }

          @Override
          public InputStream nextElement() {
            if (it.hasNext()) {
              OutboxEntry e = it.next();
              try {
                return new SequenceInputStream(
                    ascii("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n"),
                    new SequenceInputStream(outbox.read(e.sopInstanceUid()), ascii("\r\n")));
              } catch (IOException x) {
                throw new UncheckedIOException(x);
              }
            }
            if (!closing) {
              closing = true;
              return ascii("--" + boundary + "--\r\n");
            }
            throw new NoSuchElementException();
          }
        };
    return new SequenceInputStream(parts);
  }

  private static InputStream ascii(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
  }

  private static List<JsonObject> items(JsonObject body, String tag) {
    List<JsonObject> items = new ArrayList<>();
    JsonObject element = body.getAsJsonObject(tag);
    if (element == null || !element.has("Value")) {
      return items;
    }
    JsonArray values = element.getAsJsonArray("Value");
    for (JsonElement v : values) {
      items.add(v.getAsJsonObject());
    }
    return items;
  }

  private static String string(JsonObject item, String tag) {
    return item.getAsJsonObject(tag).getAsJsonArray("Value").get(0).getAsString();
  }

  private static int integer(JsonObject item, String tag) {
    JsonObject e = item.getAsJsonObject(tag);
    return e == null || !e.has("Value") ? 0x0110 : e.getAsJsonArray("Value").get(0).getAsInt();
  }
}
