package org.bedsidecapture.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThirdPartyTest {
  @TempDir Path dir;

  private String listOf(String ffmpegPurl) throws Exception {
    Path sbom = dir.resolve("bom.json");
    Files.writeString(
        sbom,
        """
        {"bomFormat": "CycloneDX", "components": [
          {"group": "org.bytedeco", "name": "ffmpeg", "version": "8.0.1-1.5.13",
           "purl": "%s",
           "licenses": [{"license": {"id": "Apache-2.0"}}, {"license": {"id": "GPL-2.0-or-later"}}]},
          {"group": "com.pixelmed", "name": "pixelmed", "version": "20220618"},
          {"group": "org.slf4j", "name": "slf4j-api", "version": "2.0.17",
           "licenses": [{"expression": "MIT"}]}
        ]}
        """
            .formatted(ffmpegPurl));
    return ThirdParty.list(sbom);
  }

  @Test
  void eachLibraryIsListedWithItsDeclaredLicencesAndPixelmedIsToldApart() throws Exception {
    String list = listOf("pkg:maven/org.bytedeco/ffmpeg@8.0.1-1.5.13?type=jar");

    assertThat(list)
        .contains("org.bytedeco:ffmpeg:8.0.1-1.5.13: Apache-2.0, GPL-2.0-or-later")
        .contains("org.slf4j:slf4j-api:2.0.17: MIT")
        .contains("com.pixelmed:pixelmed:20220618: (none declared; see below)")
        .contains("com.pixelmed:pixelmed 20220618: BSD-style");
  }

  @Test
  void theFfmpegLineSaysWhichBuildThePackageCarries() throws Exception {
    assertThat(
            listOf(
                "pkg:maven/org.bytedeco/ffmpeg@8.0.1-1.5.13?classifier=linux-x86_64-gpl&type=jar"))
        .contains("x264 (native, inside FFmpeg): GPL-2.0-or-later")
        .contains("GPL-3.0-or-later");
    assertThat(
            listOf("pkg:maven/org.bytedeco/ffmpeg@8.0.1-1.5.13?classifier=linux-x86_64&type=jar"))
        .contains("FFmpeg (native, in org.bytedeco:ffmpeg): LGPL-2.1-or-later")
        .doesNotContain("x264");
  }
}
