package org.bedsidecapture.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.bedsidecapture.app.barcode.BarcodeRules;
import org.bedsidecapture.app.barcode.IdentifierQuery;
import org.bedsidecapture.app.fhir.demo.SyntheticEhr;
import org.bedsidecapture.devices.barcode.BarcodeDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WristbandSheetTest {
  @Test
  void everyActivePatientGetsALabelWhoseBarcodesTheDemoRulesRead(@TempDir Path dir)
      throws Exception {
    List<WristbandSheet.Label> labels = SyntheticEhr.wristbands();
    assertThat(labels)
        .extracting(WristbandSheet.Label::mrn)
        .contains("DEMO-000001", SyntheticEhr.SURVIVOR_MRN)
        .doesNotContain(SyntheticEhr.MERGED_MRN);
    WristbandSheet.Label first = labels.get(0);
    assertThat(first.visit()).isEqualTo("DEMO-V0001");

    BufferedImage label = WristbandSheet.label(first);
    byte[] luma = ((DataBufferByte) label.getRaster().getDataBuffer()).getData();
    String read =
        new BarcodeDecoder()
            .decode(luma, label.getWidth(), label.getHeight(), label.getWidth())
            .orElseThrow()
            .content();
    IdentifierQuery q = BarcodeRules.demo().resolve(read);
    assertThat(q.value()).isIn("DEMO-000001", "DEMO-V0001");

    Path png = dir.resolve("wristbands.png");
    WristbandSheet.write(labels, png);
    assertThat(ImageIO.read(png.toFile()).getHeight()).isEqualTo(1754);
  }
}
