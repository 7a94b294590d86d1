package org.bedsidecapture.dicom.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What every fuzz target of the media readers checks: a file from outside is either prepared or
 * refused with its reason ({@link UnsupportedMediaException}); anything else thrown, a hang or an
 * allocation sized from the file (a finding for Jazzer), or a file left behind by a refusal, is a
 * defect.
 */
final class FuzzedMedia {
  private FuzzedMedia() {}

  static void preparedOrRefused(byte[] content) throws IOException {
    Path dir = Files.createTempDirectory("fuzzed-media");
    try {
      Path file = dir.resolve("capture");
      Files.write(file, content);
      Path scratch = Files.createDirectory(dir.resolve("scratch"));
      try {
        new MediaReader(ZoneOffset.UTC).read(file, scratch);
      } catch (UnsupportedMediaException refused) {
        if (refused.getMessage() == null || refused.getMessage().isBlank()) {
          throw new AssertionError("refused without a reason", refused);
        }
        try (Stream<Path> left = Files.list(scratch)) {
          if (left.findAny().isPresent()) {
            throw new AssertionError("a refused file left a half-made copy behind", refused);
          }
        }
      }
    } finally {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
