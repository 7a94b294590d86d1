package org.bedsidecapture.app.cli;

import com.google.zxing.BarcodeFormat;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.bedsidecapture.app.AppContext;
import org.bedsidecapture.app.barcode.BarcodeRules;
import org.bedsidecapture.app.barcode.IdentifierQuery;
import org.bedsidecapture.app.fhir.Fhir;
import org.bedsidecapture.app.fhir.FhirEncounterLookup;
import org.bedsidecapture.app.fhir.LookupResult;
import org.bedsidecapture.app.fhir.demo.DemoFhirServer;
import org.bedsidecapture.devices.barcode.BarcodeDecoder;
import org.bedsidecapture.devices.synthetic.BarcodeScene;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Benchmark of the scan: ZXing's decode time per 1080p camera frame for each wristband format, and
 * scan-to-context latency (decode, site rules, every FHIR round trip) against the demo EHR in this
 * process, cold and warm.
 */
@Command(
    name = "bench-scan",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark: ZXing decode time per 1080p frame, and scan-to-context latency against the",
      "in-process demo EHR (FHIR start-up, first scan, then warm p50/p95)."
    })
final class BenchScanCommand implements Callable<Integer> {
  private final AppContext app;

  BenchScanCommand(AppContext app) {
    this.app = app;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Decodes of every sample before timing, so that the JIT compiler is done with them. */
  private static final int WARM_UP = 60;

  @Option(names = "--rounds", defaultValue = "200", description = "Scans to time when warm.")
  int rounds;

  @Override
  public Integer call() throws Exception {
    Fhir fhir = app.fhir();
    PrintWriter out = spec.commandLine().getOut();
    BarcodeDecoder decoder = new BarcodeDecoder();
    out.println(
        "ZXing decode per 1920x1080 frame (luma plane, turned 4 degrees, a wristband curved round"
            + " the wrist; "
            + rounds
            + " frames each):");
    BarcodeScene.View aroundTheWrist = new BarcodeScene.View(4, true, 1, false);
    BarcodeScene.View flatLabel = new BarcodeScene.View(4, false, 1, false);
    Object[][] samples = {
      {BarcodeFormat.CODE_128, "DEMO-000001", false, aroundTheWrist, "wristband"},
      {BarcodeFormat.CODE_39, "DEMO-000001", false, aroundTheWrist, "wristband"},
      {BarcodeFormat.DATA_MATRIX, "8018123456789012345675", true, aroundTheWrist, "wristband"},
      {BarcodeFormat.PDF_417, "DEMO-000001", false, flatLabel, "flat label"},
      {BarcodeFormat.PDF_417, "DEMO-000001", false, aroundTheWrist, "wristband, not supported"},
      {BarcodeFormat.QR_CODE, "DEMO-000001", false, aroundTheWrist, "wristband"},
    };
    List<byte[]> frames = new ArrayList<>();
    for (Object[] s : samples) {
      frames.add(
          BarcodeScene.luma(
              BarcodeScene.frame(
                  BarcodeScene.barcode((BarcodeFormat) s[0], (String) s[1], (Boolean) s[2]),
                  (BarcodeScene.View) s[3],
                  1)));
    }
    for (int i = 0; i < WARM_UP; i++) {
      for (byte[] f : frames) {
        decoder.decode(f, BarcodeScene.WIDTH, BarcodeScene.HEIGHT, BarcodeScene.WIDTH);
      }
    }
    for (int k = 0; k < samples.length; k++) {
      Object[] s = samples[k];
      byte[] frame = frames.get(k);
      List<Long> nanos = new ArrayList<>();
      int found = 0;
      for (int i = 0; i < rounds; i++) {
        long t0 = System.nanoTime();
        boolean hit =
            decoder
                .decode(frame, BarcodeScene.WIDTH, BarcodeScene.HEIGHT, BarcodeScene.WIDTH)
                .isPresent();
        nanos.add(System.nanoTime() - t0);
        found += hit ? 1 : 0;
      }
      out.printf("  %-12s %-26s %s (%d of %d decoded)%n", s[0], s[4], stats(nanos), found, rounds);
    }
    out.flush();

    long contextNanos = fhir.warmUp().toNanos();
    try (DemoFhirServer ehr = fhir.startDemoEhr()) {
      FhirEncounterLookup lookup = fhir.lookup(ehr.baseUrl(), Duration.ofSeconds(10));
      BarcodeRules rules = BarcodeRules.demo();
      byte[] wristband =
          BarcodeScene.luma(
              BarcodeScene.frame(
                  BarcodeScene.barcode(BarcodeFormat.CODE_128, "DEMO-000001", false),
                  BarcodeScene.View.straight(),
                  2));
      long first = scan(decoder, rules, lookup, wristband);
      List<Long> warm = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        warm.add(scan(decoder, rules, lookup, wristband));
      }
      out.println("scan to context (decode + rules + 2 FHIR round trips, loopback):");
      out.printf(
          "  FHIR context warm-up (in the background from app start):  %.0f ms%n",
          contextNanos / 1e6);
      out.printf("  first scan after start-up (cold client):   %.0f ms%n", first / 1e6);
      out.printf("  warm, %d scans:                            %s%n", rounds, stats(warm));
    }
    out.flush();
    return 0;
  }

  private static long scan(
      BarcodeDecoder decoder, BarcodeRules rules, FhirEncounterLookup lookup, byte[] frame)
      throws Exception {
    long t0 = System.nanoTime();
    String content =
        decoder
            .decode(frame, BarcodeScene.WIDTH, BarcodeScene.HEIGHT, BarcodeScene.WIDTH)
            .orElseThrow()
            .content();
    IdentifierQuery q = rules.resolve(content);
    LookupResult r = lookup.byPatientIdentifier(q.system(), q.value());
    if (!(r instanceof LookupResult.Found)) {
      throw new IllegalStateException("the demo wristband did not resolve: " + r);
    }
    return System.nanoTime() - t0;
  }

  private static String stats(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return String.format(
        "p50 %.1f ms, p95 %.1f ms",
        sorted.get((int) Math.ceil(0.50 * sorted.size()) - 1) / 1e6,
        sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1) / 1e6);
  }
}
