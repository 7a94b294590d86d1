package org.bedsidecapture.app.service;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.bedsidecapture.app.barcode.BarcodeRejectedException;
import org.bedsidecapture.app.barcode.BarcodeRules;
import org.bedsidecapture.app.barcode.CheckDigit;
import org.bedsidecapture.app.barcode.IdentifierQuery;
import org.bedsidecapture.app.fhir.FhirEncounterLookup;
import org.bedsidecapture.app.fhir.LookupException;
import org.bedsidecapture.app.fhir.LookupResult;
import org.bedsidecapture.app.settings.Archive;
import org.bedsidecapture.app.settings.SettingsException;
import org.bedsidecapture.app.settings.SiteSettings;
import org.bedsidecapture.dicom.delivery.DicomDestination;
import org.bedsidecapture.dicom.delivery.StowRsArchiveSender;
import org.bedsidecapture.dicom.delivery.Tls;
import org.bedsidecapture.dicom.delivery.TlsReport;

/**
 * An installer's Test connection, for the command line and the settings screen alike: each archive
 * asked whether it answers (C-ECHO, or a DICOMweb search) and, where it is to confirm storage, a
 * storage-commitment round trip; what each TLS peer's certificate names and when it expires; the
 * EHR asked what it is and sample barcodes looked up in it; a barcode tried against the site's
 * rules. Each answer in plain words in the station's language, with what to fix when it fails.
 */
public final class StationCheck {
  private static final String BUNDLE = "org.bedsidecapture.app.service.check";

  /** A certificate expiring sooner than this fails the test: time to renew it. */
  private static final long EXPIRY_WARNING_DAYS = 30;

  /** One thing tried and what came of it. */
  public record Finding(String what, boolean ok, String said) {}

  /**
   * What the station talks to.
   *
   * @param commitment the storage-commitment round trip to an archive: null when it works, else
   *     what is wrong
   * @param fhirBase the EHR's FHIR base, or null when the station has none
   * @param ehr the lookup against it (null without an EHR)
   * @param finder barcodes to encounters, for the sample lookups (null without an EHR)
   */
  public record Peers(
      List<Archive> archives,
      ArchiveDelivery delivery,
      Function<Archive, String> commitment,
      String fhirBase,
      FhirEncounterLookup ehr,
      EncounterFinder finder,
      Clock clock) {}

  private StationCheck() {}

  /** Tries every archive and the EHR, and looks up each sample barcode there. */
  public static List<Finding> connections(Peers peers, List<String> samples) {
    List<Finding> found = new ArrayList<>(archives(peers));
    found.addAll(ehr(peers, samples));
    return found;
  }

  /** Tries every archive. */
  public static List<Finding> archives(Peers peers) {
    List<Finding> found = new ArrayList<>();
    for (int i = 0; i < peers.archives().size(); i++) {
      archive(peers, "archive." + (i + 1), peers.archives().get(i), found);
    }
    return found;
  }

  /** Tries the EHR (none: nothing to try) and looks up each sample barcode there. */
  public static List<Finding> ehr(Peers peers, List<String> samples) {
    List<Finding> found = new ArrayList<>();
    if (peers.fhirBase() != null) {
      String what = "fhir.base-url " + peers.fhirBase();
      URI base = URI.create(peers.fhirBase());
      if ("https".equalsIgnoreCase(base.getScheme())) {
        found.add(certificate(what, handshake(jdkTls(), base.getHost(), port(base), peers), peers));
      }
      found.add(ehr(what, peers.ehr()));
      for (String sample : samples) {
        found.add(lookup(peers.finder(), sample));
      }
    }
    return found;
  }

  private static void archive(Peers peers, String key, Archive a, List<Finding> found) {
    String what = key + " " + a.url();
    ArchiveDelivery delivery = peers.delivery();
    if (a.web()) {
      URI root = URI.create(a.url());
      if ("https".equalsIgnoreCase(root.getScheme())) {
        TlsReport tls = handshake(delivery.tls(), root.getHost(), port(root), peers);
        found.add(certificate(what, tls, peers));
        if (!tls.trusted()) {
          return;
        }
      }
      String problem =
          new StowRsArchiveSender(
                  root, delivery.dicomWebAuthorization(), delivery.timeout(), delivery.tls())
              .probe();
      found.add(
          problem == null
              ? new Finding(what, true, t("web.ok"))
              : new Finding(what, false, problem));
      return;
    }
    DicomDestination node = DicomDestination.parse(a.url());
    if (node.tls()) {
      TlsReport tls = handshake(delivery.tls(), node.host(), node.port(), peers);
      found.add(certificate(what, tls, peers));
      if (!tls.trusted()) {
        return;
      }
    }
    String problem = delivery.echo(node);
    found.add(
        problem == null
            ? new Finding(what, true, t("echo.ok"))
            : new Finding(what, false, t("echo.failed", problem, delivery.aeTitle())));
    if (a.commit() && problem == null) {
      String why = peers.commitment().apply(a);
      found.add(
          why == null
              ? new Finding(what, true, t("commit.ok"))
              : new Finding(what, false, t("commit.failed", why)));
    }
  }

  private static TlsReport handshake(Tls tls, String host, int port, Peers peers) {
    return TlsReport.of(tls == null ? jdkTls() : tls, host, port, peers.delivery().timeout());
  }

  /** Who a TLS peer's certificate names, who issued it, until when; or why it is refused. */
  private static Finding certificate(String what, TlsReport r, Peers peers) {
    if (r.subject() == null) {
      return new Finding(what, false, t("tls.none", why(r)));
    }
    String until =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withLocale(Locale.getDefault())
            .format(r.notAfter().atZone(ZoneId.systemDefault()));
    long days = r.daysLeft(peers.clock());
    String names = r.names().isEmpty() ? r.subject() : String.join(", ", r.names());
    if (!r.trusted()) {
      return new Finding(what, false, t("tls.refused", why(r), r.subject(), names, r.issuer()));
    }
    if (days < EXPIRY_WARNING_DAYS) {
      return new Finding(what, false, t("tls.expiring", r.subject(), until, days));
    }
    return new Finding(what, true, t("tls.ok", r.subject(), names, r.issuer(), until, days));
  }

  /** Why a handshake failed, in the station's language; the TLS stack's own detail where needed. */
  private static String why(TlsReport r) {
    return switch (r.failure()) {
      case UNTRUSTED -> t("tls.why.untrusted");
      case WRONG_HOST -> t("tls.why.wrongHost");
      case REFUSED_OUR_CERTIFICATE -> t("tls.why.refusedOurs");
      case NOT_TLS -> t("tls.why.notTls", r.problem());
      case OTHER, UNREACHABLE -> r.problem();
    };
  }

  /** The EHR's CapabilityStatement: reached, authorised, FHIR. */
  private static Finding ehr(String what, FhirEncounterLookup lookup) {
    try {
      return new Finding(what, true, t("ehr.ok", lookup.metadata()));
    } catch (LookupException e) {
      return new Finding(what, false, e.getMessage());
    }
  }

  /**
   * A sample barcode looked up in the EHR as a scan would be, said without patient data: how many
   * matched and whether capture could go on.
   */
  private static Finding lookup(EncounterFinder finder, String sample) {
    String what = t("lookup.what", sample);
    try {
      LookupResult r = finder.byBarcode(sample);
      if (r instanceof LookupResult.Found f) {
        return new Finding(
            what, true, t(f.overrideNeeded() ? "lookup.notCurrent" : "lookup.found"));
      }
      if (r instanceof LookupResult.Choose c) {
        return new Finding(what, true, t("lookup.choose", c.candidates().size()));
      }
      if (r instanceof LookupResult.NotFound n) {
        return new Finding(what, false, t("lookup.none", n.searched()));
      }
      return new Finding(what, false, t("lookup.stop", ((LookupResult.Stop) r).reason()));
    } catch (BarcodeRejectedException | LookupException e) {
      return new Finding(what, false, e.getMessage());
    }
  }

  /**
   * What a sample becomes under the barcode rules of the site settings as an installer edits them
   * ({@code edited}, for the site file {@code file}; not saved), or why the settings or the barcode
   * are refused.
   */
  public static Finding barcode(
      java.util.Properties edited, java.nio.file.Path file, String sample) {
    try {
      return barcode(SiteSettings.of(edited, file).barcodeRules(), sample);
    } catch (SettingsException e) {
      return new Finding(SiteSettings.FILE_NAME, false, e.getMessage());
    }
  }

  /** What a sample barcode becomes under the site's rules, or why it is refused. */
  public static Finding barcode(BarcodeRules rules, String sample) {
    String what = t("barcode.what", sample);
    try {
      IdentifierQuery q = rules.resolve(sample);
      String kind =
          t(
              switch (q.kind()) {
                case PATIENT_MRN -> "barcode.mrn";
                case ENCOUNTER_VISIT -> "barcode.visit";
                case ACCESSION -> "barcode.accession";
                case STAFF_BADGE -> "barcode.badge";
              });
      String is =
          q.system() == null
              ? t("barcode.is", kind, q.value())
              : t("barcode.isIn", kind, q.value(), q.system());
      return new Finding(
          what,
          true,
          rules
              .ruleFor(sample)
              .map(
                  r ->
                      is
                          + " — "
                          + t(
                              "barcode.byRule",
                              r.name(),
                              r.checkDigit() == CheckDigit.NONE
                                  ? t("barcode.noCheck")
                                  : t(
                                      "barcode.checked",
                                      r.checkDigit()
                                          .name()
                                          .toLowerCase(Locale.ROOT)
                                          .replace('_', '-'))))
              .orElse(is));
    } catch (BarcodeRejectedException e) {
      return new Finding(what, false, e.getMessage());
    }
  }

  private static Tls jdkTls() {
    try {
      return Tls.jdkDefaults();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("the JDK's trusted authorities cannot be read", e);
    }
  }

  private static int port(URI u) {
    return u.getPort() > 0 ? u.getPort() : 443;
  }

  private static String t(String key, Object... args) {
    return Words.from(BUNDLE, key, args);
  }
}
