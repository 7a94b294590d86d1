package org.bedsidecapture.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.bedsidecapture.dicom.iod.Part10Writer;
import org.bedsidecapture.dicom.iod.Tags;
import org.bedsidecapture.dicom.testing.Contexts;
import org.bedsidecapture.dicom.testing.DicomTools;
import org.bedsidecapture.dicom.testing.TestMedia;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Photos wrapped as VL Photographic Image objects, judged by dciodvfy and dcmdump. */
class PhotoWrappingIT {
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final BodySiteCatalogue SITES = BodySiteCatalogue.standard();
  private static final BodySite FOREARM = SITES.bySnomedId("14975008").orElseThrow();
  private static final BodySite SACRUM = SITES.bySnomedId("54735007").orElseThrow();

  @TempDir Path dir;
  private Path out;
  private DicomFactory factory;
  private StudySession session;

  @BeforeEach
  void setUp() throws IOException {
    out = Files.createDirectory(dir.resolve("out"));
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:30:00Z"), ZONE);
    factory = Contexts.factory(clock);
    session = Contexts.session(clock);
  }

  private WrappedObject wrap(Path media, BodySite site, Laterality laterality) throws Exception {
    return factory.wrap(
        Contexts.typical(),
        session,
        new Capture(media, null, site, laterality, PersonName.of("Nurse", "Nora"), null),
        out);
  }

  private static void assertValid(Path file) {
    assertThat(DicomTools.dciodvfyFindings(file)).as(DicomTools.dciodvfyReport(file)).isEmpty();
    DicomTools.Result strict = DicomTools.dcmdumpStrict(file);
    assertThat(strict.exitCode()).as(strict.output()).isZero();
    assertThat(strict.output().lines().filter(l -> l.startsWith("W:") || l.startsWith("E:")))
        .as("dcmdump warnings and errors")
        .isEmpty();
  }

  @Test
  void phoneJpegIsKeptAsIsWithoutItsMetadataAndWithItsColourProfile() throws Exception {
    byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
    byte[] photo =
        TestMedia.withSegments(
            TestMedia.jpeg(640, 480),
            TestMedia.exifSegment(1, "2026:11:20 14:05:33", "+01:00", "TestPhone", "Model X"),
            TestMedia.iccSegment(icc),
            TestMedia.comment("secret-comment"));
    Path media = TestMedia.write(dir, "wound.jpg", photo);

    WrappedObject o = wrap(media, FOREARM, Laterality.LEFT);

    assertValid(o.file());
    Path f = o.file();
    assertThat(f.getFileName().toString()).isEqualTo(o.sopInstanceUid() + ".dcm");
    assertThat(DicomTools.dcmdumpValue(f, "0008,0016")).isEqualTo("1.2.840.10008.5.1.4.1.1.77.1.4");
    assertThat(DicomTools.dcmdumpValue(f, "0008,0060")).isEqualTo("XC");
    assertThat(DicomTools.dcmdumpValue(f, "0002,0010")).isEqualTo("1.2.840.10008.1.2.4.50");
    assertThat(DicomTools.dcmdumpValue(f, "0028,0004")).isEqualTo("YBR_FULL_422");
    assertThat(DicomTools.dcmdumpValue(f, "0028,2110")).isEqualTo("01");
    assertThat(DicomTools.dcmdumpValue(f, "0028,2114")).isEqualTo("ISO_10918_1");
    assertThat(Double.parseDouble(DicomTools.dcmdumpValue(f, "0028,2112"))).isGreaterThan(1);
    assertThat(DicomTools.dcmdumpValue(f, "0002,0012"))
        .isEqualTo(Part10Writer.IMPLEMENTATION_CLASS_UID);
    // capture time from EXIF DateTimeOriginal + OffsetTimeOriginal, shown in the station's zone
    assertThat(DicomTools.dcmdumpValue(f, "0008,0023")).isEqualTo("20261120");
    assertThat(DicomTools.dcmdumpValue(f, "0008,0033")).startsWith("140533");
    assertThat(DicomTools.dcmdumpValue(f, "0008,002a"))
        .startsWith("20261120140533")
        .endsWith("+0100");
    assertThat(DicomTools.dcmdumpValue(f, "0008,0201")).isEqualTo("+0100");
    assertThat(DicomTools.dcmdumpValue(f, "0008,0070")).isEqualTo("TestPhone");
    assertThat(DicomTools.dcmdumpValue(f, "0008,1090")).isEqualTo("Model X");

    String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
    assertThat(bytes)
        .doesNotContain("Exif\0\0")
        .doesNotContain("secret-comment")
        .doesNotContain("JFIF");
    AttributeList list = read(f);
    assertThat(list.get(Tags.ICCProfile).getByteValues(true)).isEqualTo(icc);
    BufferedImage decoded = ImageIO.read(Files.newInputStream(media));
    assertThat(list.get(Tags.Rows).getSingleIntegerValueOrDefault(0))
        .isEqualTo(decoded.getHeight());
  }

  @Test
  void encounterContextIsCarriedCompletely() throws Exception {
    Path media = TestMedia.write(dir, "a.jpg", TestMedia.jpeg(320, 240));
    Path f = wrap(media, FOREARM, Laterality.RIGHT).file();

    assertValid(f);
    assertThat(DicomTools.dcmdumpValue(f, "0008,0005")).isEqualTo("ISO_IR 192");
    assertThat(DicomTools.dcmdumpValue(f, "0010,0010")).isEqualTo("Testpatient^Alice^Q");
    assertThat(DicomTools.dcmdumpValue(f, "0010,0020")).isEqualTo("MRN0042");
    assertThat(DicomTools.dcmdumpValue(f, "0010,0021")).isEqualTo("TESTHOSP");
    assertThat(DicomTools.dcmdumpValue(f, "0010,0024.0040,0032"))
        .isEqualTo("2.16.840.1.113883.3.9999.1");
    assertThat(DicomTools.dcmdumpValue(f, "0010,0024.0040,0033")).isEqualTo("ISO");
    assertThat(DicomTools.dcmdumpValue(f, "0010,0024.0040,0035")).isEqualTo("MR");
    assertThat(DicomTools.dcmdumpValue(f, "0010,1002.0010,0020")).isEqualTo("NHS9990001");
    assertThat(DicomTools.dcmdumpValue(f, "0010,1002.0010,0022")).isEqualTo("TEXT");
    assertThat(DicomTools.dcmdumpValue(f, "0010,0030")).isEqualTo("19610412");
    assertThat(DicomTools.dcmdumpValue(f, "0010,0040")).isEqualTo("F");
    assertThat(DicomTools.dcmdumpValue(f, "0038,0010")).isEqualTo("V20260001");
    assertThat(DicomTools.dcmdumpValue(f, "0038,0014.0040,0031")).isEqualTo("TESTHOSP-VISIT");
    assertThat(DicomTools.dcmdumpValue(f, "0038,0014.0040,0032"))
        .isEqualTo("2.16.840.1.113883.3.9999.2");
    assertThat(DicomTools.dcmdumpValue(f, "0008,0050")).isEqualTo("ACC7700001");
    assertThat(DicomTools.dcmdumpValue(f, "0008,0051.0040,0031")).isEqualTo("TESTHOSP-RIS");
    assertThat(DicomTools.dcmdumpValue(f, "0008,0090")).isEqualTo("Referrer^Testa");
    assertThat(DicomTools.dcmdumpValue(f, "0008,0080")).isEqualTo("Test General Hospital");
    assertThat(DicomTools.dcmdumpValue(f, "0008,1040")).isEqualTo("Emergency");
    assertThat(DicomTools.dcmdumpValue(f, "0008,1010")).isEqualTo("CART-ED-07");
    assertThat(DicomTools.dcmdumpValue(f, "0018,1000")).isEqualTo("SN-CART-0007");
    assertThat(DicomTools.dcmdumpValue(f, "0018,1020")).isEqualTo("Bedside Capture 0.1.0");
    assertThat(DicomTools.dcmdumpValue(f, "0008,1070")).isEqualTo("Nurse^Nora");
    assertThat(DicomTools.dcmdumpValue(f, "0020,0062")).isEqualTo("R");
    assertThat(DicomTools.dcmdumpValue(f, "0008,2218.0008,0100")).isEqualTo("14975008");
    assertThat(DicomTools.dcmdumpValue(f, "0008,2218.0008,0102")).isEqualTo("SCT");
    assertThat(DicomTools.dcmdumpValue(f, "0008,2218.0008,0104")).isEqualTo("Forearm");
    assertThat(DicomTools.dcmdumpValue(f, "0008,2218.0008,2220.0008,0100")).isEqualTo("24028007");
    assertThat(DicomTools.dcmdumpValue(f, "0032,1066")).isEqualTo("Pressure ulcer review");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Παπαδοπούλου^Ελένη", "山田^花子", "Müller-Lüdenscheidt^Zoë", "Ólafsdóttir^Þóra"})
  void namesInAnyScriptRoundTrip(String dicomName) throws Exception {
    String[] parts = dicomName.split("\\^");
    Path media = TestMedia.write(dir, "n.jpg", TestMedia.jpeg(64, 64));
    WrappedObject o =
        factory.wrap(
            Contexts.withName(PersonName.of(parts[0], parts[1])),
            session,
            new Capture(
                media, null, SACRUM, Laterality.UNPAIRED, PersonName.of("Ωμέγα", "Νίκη"), null),
            out);

    assertValid(o.file());
    assertThat(DicomTools.dcmdumpValue(o.file(), "0010,0010")).isEqualTo(dicomName);
    assertThat(DicomTools.dcmdumpValue(o.file(), "0008,1070")).isEqualTo("Ωμέγα^Νίκη");
    assertThat(Attribute.getSingleStringValueOrNull(read(o.file()), Tags.PatientName))
        .isEqualTo(dicomName);
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 6, 8})
  void rotatedPhotoIsTurnedUprightAndItsSecondCompressionRecorded(int orientation)
      throws Exception {
    byte[] photo =
        TestMedia.withSegments(
            TestMedia.jpeg(400, 200),
            TestMedia.exifSegment(orientation, "2026:11:20 14:05:33", "+01:00", "Cam", "M"));
    Path f = wrap(TestMedia.write(dir, "r.jpg", photo), FOREARM, Laterality.LEFT).file();

    assertValid(f);
    boolean swaps = orientation >= 5;
    assertThat(DicomTools.dcmdumpValue(f, "0028,0010")).isEqualTo(swaps ? "400" : "200");
    assertThat(DicomTools.dcmdumpValue(f, "0028,0011")).isEqualTo(swaps ? "200" : "400");
    assertThat(DicomTools.dcmdumpValue(f, "0008,0008")).isEqualTo("DERIVED\\PRIMARY");
    assertThat(DicomTools.dcmdumpValue(f, "0028,2114")).isEqualTo("ISO_10918_1\\ISO_10918_1");
    assertThat(DicomTools.dcmdumpValue(f, "0028,2112")).contains("\\");
  }

  @Test
  void losslessSourcesStayLossless() throws Exception {
    Path png = dir.resolve("p.png");
    ImageIO.write(TestMedia.picture(300, 200, BufferedImage.TYPE_INT_ARGB), "png", png.toFile());
    Path grey = dir.resolve("g.png");
    ImageIO.write(TestMedia.picture(100, 80, BufferedImage.TYPE_BYTE_GRAY), "png", grey.toFile());
    Path bmp = dir.resolve("b.bmp");
    ImageIO.write(TestMedia.picture(90, 70, BufferedImage.TYPE_INT_RGB), "bmp", bmp.toFile());
    Path tiff = dir.resolve("t.tif");
    ImageIO.write(TestMedia.picture(90, 70, BufferedImage.TYPE_INT_RGB), "tiff", tiff.toFile());

    for (Path media : new Path[] {png, bmp, tiff}) {
      Path f = wrap(media, FOREARM, Laterality.BOTH).file();
      assertValid(f);
      assertThat(DicomTools.dcmdumpValue(f, "0002,0010")).isEqualTo("1.2.840.10008.1.2.1");
      assertThat(DicomTools.dcmdumpValue(f, "0028,0004")).isEqualTo("RGB");
      assertThat(DicomTools.dcmdumpValue(f, "0028,2110")).isEqualTo("00");
    }
    Path g = wrap(grey, SACRUM, Laterality.UNPAIRED).file();
    assertValid(g);
    assertThat(DicomTools.dcmdumpValue(g, "0028,0004")).isEqualTo("MONOCHROME2");
  }

  @Test
  void capturesOfOneSiteShareASeriesAndANewSiteStartsAnother() throws Exception {
    Path media = TestMedia.write(dir, "s.jpg", TestMedia.jpeg(64, 64));
    WrappedObject a = wrap(media, FOREARM, Laterality.LEFT);
    WrappedObject b = wrap(media, FOREARM, Laterality.LEFT);
    WrappedObject c = wrap(media, SACRUM, Laterality.UNPAIRED);

    assertThat(a.studyInstanceUid())
        .isEqualTo(b.studyInstanceUid())
        .isEqualTo(c.studyInstanceUid());
    assertThat(a.seriesInstanceUid()).isEqualTo(b.seriesInstanceUid());
    assertThat(c.seriesInstanceUid()).isNotEqualTo(a.seriesInstanceUid());
    assertThat(a.sopInstanceUid()).isNotEqualTo(b.sopInstanceUid());
    assertThat(DicomTools.dcmdumpValue(b.file(), "0020,0013")).isEqualTo("2");
    assertThat(DicomTools.dcmdumpValue(c.file(), "0020,0011")).isEqualTo("2");
    assertThat(a.studyInstanceUid()).startsWith("2.25.");
  }

  @Test
  void badInputIsRejectedWithItsReasonAndLeavesNothingBehind() throws Exception {
    byte[] good = TestMedia.jpeg(64, 64);
    byte[] twelveBit = good.clone();
    int sof = indexOf(twelveBit, (byte) 0xFF, (byte) 0xC0);
    twelveBit[sof + 4] = 12;
    byte[] progressive = good.clone();
    progressive[sof + 1] = (byte) 0xC2;
    byte[] cmyk = good.clone();
    cmyk[sof + 9] = 4;

    assertRejected("empty.jpg", new byte[0], FOREARM, Laterality.LEFT, "empty file");
    assertRejected(
        "notes.jpg",
        "not a picture".getBytes(StandardCharsets.UTF_8),
        FOREARM,
        Laterality.LEFT,
        "not a photo or clip");
    assertRejected(
        "cut.jpg",
        java.util.Arrays.copyOf(good, good.length / 2),
        FOREARM,
        Laterality.LEFT,
        "truncated JPEG");
    assertRejected("12.jpg", twelveBit, FOREARM, Laterality.LEFT, "12-bit JPEG");
    assertRejected("prog.jpg", progressive, FOREARM, Laterality.LEFT, "progressive JPEG");
    assertRejected("cmyk.jpg", cmyk, FOREARM, Laterality.LEFT, "CMYK");
    assertRejected("side.jpg", good, FOREARM, Laterality.UNPAIRED, "laterality R, L or B");
  }

  @Test
  void overLongValuesAreRejectedNamingTheAttribute() throws Exception {
    Path media = TestMedia.write(dir, "l.jpg", TestMedia.jpeg(64, 64));
    EncounterContext c = Contexts.typical();
    EncounterContext longAccession =
        new EncounterContext(
            c.patientId(),
            c.otherPatientIds(),
            c.patientName(),
            c.birthDate(),
            c.sex(),
            c.admissionId(),
            new Identifier("ACC-12345678901234", Contexts.ACCESSION_ISSUER),
            c.referringPhysician(),
            c.institution(),
            null,
            null);
    Capture capture = new Capture(media, null, SACRUM, Laterality.UNPAIRED, null, null);

    assertThatThrownBy(() -> factory.wrap(longAccession, session, capture, out))
        .isInstanceOf(CaptureRejectedException.class)
        .hasMessageContaining("Accession Number is 18 characters long; DICOM allows at most 16");

    DicomFactory longStation =
        Contexts.factory(
            new Station("CART-IN-THE-EMERGENCY-ROOM", null, null, null), Clock.system(ZONE));
    assertThatThrownBy(() -> longStation.wrap(c, session, capture, out))
        .isInstanceOf(CaptureRejectedException.class)
        .hasMessageContaining("Station Name is 26 characters long; DICOM allows at most 16");
    assertThat(listOut()).isEmpty();
  }

  private void assertRejected(
      String name, byte[] bytes, BodySite site, Laterality laterality, String reason)
      throws IOException {
    Path media = TestMedia.write(dir, name, bytes);
    assertThatThrownBy(() -> wrap(media, site, laterality))
        .isInstanceOf(CaptureRejectedException.class)
        .hasMessageContaining(reason);
    assertThat(listOut()).as("nothing written for " + name).isEmpty();
    assertThat(Files.readAllBytes(media)).as("media untouched").isEqualTo(bytes);
  }

  private java.util.List<Path> listOut() throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      return s.toList();
    }
  }

  private static int indexOf(byte[] data, byte a, byte b) {
    for (int i = 0; i + 1 < data.length; i++) {
      if (data[i] == a && data[i + 1] == b) {
        return i;
      }
    }
    throw new AssertionError("marker not found");
  }

  private static AttributeList read(Path f) throws Exception {
    AttributeList list = new AttributeList();
    list.read(f.toFile());
    return list;
  }
}
