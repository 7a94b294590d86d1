package org.bedsidecapture.packaging;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The third-party licence list the packages carry ({@code THIRD-PARTY.txt}): every library of the
 * bill of materials with the licences its POM declares, and what the POMs do not say — the native
 * code inside the JavaCPP jars (FFmpeg as this build has it: GPL with x264 or LGPL; OpenCV,
 * OpenBLAS), the Java runtime, and PixelMed, whose POM declares none.
 */
final class ThirdParty {
  /** What the bill of materials cannot know, by component, FFmpeg's aside. */
  static final Map<String, String> NOT_IN_THE_POMS =
      Map.of(
          "OpenCV and libjpeg-turbo (native, in org.bytedeco:opencv)",
          "Apache-2.0; libjpeg-turbo: IJG and BSD-3-Clause",
          "OpenBLAS (native, in org.bytedeco:openblas)",
          "BSD-3-Clause",
          "OpenJDK runtime (lib/runtime, jlinked)",
          "GPL-2.0-only WITH Classpath-exception-2.0 (lib/runtime/legal)",
          "com.pixelmed:pixelmed 20220618",
          "BSD-style licence of PixelMed Publishing (its COPYRIGHT file)");

  /** FFmpeg's licence as the build the bill of materials names ({@code -gpl} or not) has it. */
  static Map<String, String> ffmpeg(String sbom) {
    return sbom.contains("ffmpeg@") && sbom.contains("-gpl&")
        ? Map.of(
            "FFmpeg (native, in org.bytedeco:ffmpeg:*:linux-x86_64-gpl)",
            "GPL-2.0-or-later as built with x264 (--enable-gpl); shipped with Apache-2.0 code,"
                + " the whole is distributed under GPL-3.0-or-later (README, Licences)",
            "x264 (native, inside FFmpeg)",
            "GPL-2.0-or-later")
        : Map.of(
            "FFmpeg (native, in org.bytedeco:ffmpeg)",
            "LGPL-2.1-or-later (built without GPL parts; no H.264 encoder)");
  }

  private ThirdParty() {}

  /** The list, from the CycloneDX JSON bill of materials {@code sbom}. */
  static String list(Path sbom) throws IOException {
    String json = Files.readString(sbom, StandardCharsets.UTF_8);
    JsonObject bom = JsonParser.parseString(json).getAsJsonObject();
    StringBuilder out = new StringBuilder();
    out.append("Bedside Capture: third-party components and their licences\n");
    out.append(
            "(the libraries from the CycloneDX bill of materials, bedside-capture-sbom.cdx.json,")
        .append(" as their POMs declare them)\n\n");
    TreeMap<String, String> rows = new TreeMap<>();
    for (JsonElement e : bom.getAsJsonArray("components")) {
      JsonObject c = e.getAsJsonObject();
      String id = text(c, "group") + ":" + text(c, "name") + ":" + text(c, "version");
      List<String> licences = licences(c.getAsJsonArray("licenses"));
      rows.put(id, licences.isEmpty() ? "(none declared; see below)" : String.join(", ", licences));
    }
    rows.forEach((id, l) -> out.append(id).append(": ").append(l).append('\n'));
    out.append("\nNot declared in the POMs:\n");
    TreeMap<String, String> undeclared = new TreeMap<>(NOT_IN_THE_POMS);
    undeclared.putAll(ffmpeg(json));
    undeclared.forEach((what, l) -> out.append(what).append(": ").append(l).append('\n'));
    return out.toString();
  }

  private static List<String> licences(JsonArray array) {
    List<String> found = new ArrayList<>();
    if (array == null) {
      return found;
    }
    for (JsonElement e : array) {
      JsonObject entry = e.getAsJsonObject();
      if (entry.has("expression")) {
        found.add(entry.get("expression").getAsString());
      } else if (entry.has("license")) {
        JsonObject l = entry.getAsJsonObject("license");
        found.add(l.has("id") ? text(l, "id") : text(l, "name"));
      }
    }
    return found;
  }

  private static String text(JsonObject o, String key) {
    return o.has(key) ? o.get(key).getAsString() : "";
  }
}
