package org.bedsidecapture.devices.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileImportTest {
  @Test
  void anSdCardsPhotosAndClipsAreFoundByContentAndTheRestIsListedWithItsReason(@TempDir Path card)
      throws Exception {
    Path dcim = Files.createDirectories(card.resolve("DCIM/100PHONE"));
    Path later = dcim.resolve("IMG_0002.JPG");
    Path earlier = dcim.resolve("renamed.bin");
    ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "jpg", later.toFile());
    ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "jpg", earlier.toFile());
    Files.setLastModifiedTime(earlier, FileTime.fromMillis(1_000_000));
    Path png = dcim.resolve("scan.png");
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
    Path clip = dcim.resolve("VID_0003.MP4");
    Files.write(clip, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0});
    Path heic = dcim.resolve("IMG_0004.HEIC");
    Files.write(heic, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0});
    Path empty = Files.createFile(dcim.resolve("IMG_0005.JPG"));
    Files.writeString(dcim.resolve("notes.txt"), "hello");
    Files.writeString(dcim.resolve("IMG_0002.THM"), "thumbnail");
    Files.createDirectories(card.resolve(".Trashes"));
    Files.writeString(card.resolve(".Trashes/old.jpg"), "x");

    FileImport.Found found = FileImport.scan(List.of(card));

    assertThat(found.photos()).containsExactly(earlier, later, png);
    assertThat(found.clips()).containsExactly(clip);
    assertThat(found.refused())
        .extracting(r -> r.file().getFileName() + ": " + r.reason())
        .containsExactlyInAnyOrder(
            "IMG_0004.HEIC: HEIC/HEIF photo, which this station cannot convert: set the phone to"
                + " take JPEG (Settings > Camera > Formats > Most Compatible), or export it as JPEG",
            "IMG_0005.JPG: empty file",
            "notes.txt: not a photo or clip this station imports (JPEG, PNG, MP4)");
    assertThat(empty).exists();
  }
}
