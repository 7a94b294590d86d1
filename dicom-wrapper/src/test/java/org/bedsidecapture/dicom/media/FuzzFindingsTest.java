package org.bedsidecapture.dicom.media;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the fuzzers found, as plain unit tests: each input is now refused with its reason. */
class FuzzFindingsTest {
  @TempDir Path dir;

  private Path finding(String target, String name) throws Exception {
    Path file = dir.resolve(name);
    try (var in = getClass().getResourceAsStream(target + "/" + name)) {
      Files.write(file, in.readAllBytes());
    }
    return file;
  }

  @Test
  void anMp4MediaHeaderShorterThanItsKindIsRefused() throws Exception {
    Path clip = finding("Mp4FuzzTestInputs/clipsFromOutside", "found-short-media-header");

    assertThatThrownBy(() -> new MediaReader(ZoneOffset.UTC).read(clip, dir))
        .as("was an IndexOutOfBoundsException")
        .isInstanceOf(UnsupportedMediaException.class)
        .hasMessage("damaged MP4: box 'mdhd' is too short for what it must hold");
  }

  @Test
  void anImageClaimingMorePixelsThanMemoryHoldsIsRefusedBeforeDecoding() throws Exception {
    Path image =
        finding(
            "LosslessImageFuzzTestInputs/losslessImagesFromOutside", "found-size-beyond-memory");

    assertThatThrownBy(() -> new MediaReader(ZoneOffset.UTC).read(image, dir))
        .as("was an OutOfMemoryError")
        .isInstanceOf(UnsupportedMediaException.class)
        .hasMessageContaining("pixels; at most 16384 a side and 64 megapixels are taken");
  }
}
