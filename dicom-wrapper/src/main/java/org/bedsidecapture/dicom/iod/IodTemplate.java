package org.bedsidecapture.dicom.iod;

import com.pixelmed.dicom.AttributeTag;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fixed part of one object type, read from a {@code .tpl} resource that can be reviewed against
 * PS3.3 line by line: SOP class, modality, image type, Type 2 attributes present and empty. The
 * factory overlays the encounter context and the capture on top.
 */
final class IodTemplate {
  private record Entry(AttributeTag tag, String vr, List<String> values) {}

  private final List<Entry> entries;

  private IodTemplate(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  static IodTemplate load(String resource) {
    List<Entry> entries = new ArrayList<>();
    read(resource, entries);
    return new IodTemplate(entries);
  }

  /** A new data set holding this template's attributes. */
  Dataset instantiate() {
    Dataset d = new Dataset();
    for (Entry e : entries) {
      if (e.vr.equals("SQ")) {
        d.putSequence(e.tag, List.of());
      } else if (e.vr.equals("US")) {
        d.putInt(e.tag, e.vr, Integer.parseInt(e.values.get(0)));
      } else {
        d.putAll(e.tag, e.vr, e.values, e.tag.toString());
      }
    }
    return d;
  }

  private static void read(String resource, List<Entry> entries) {
    try (InputStream in = IodTemplate.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("IOD template " + resource + " is missing");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int lineNo = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        if (l.startsWith("include ")) {
          read(l.substring("include ".length()).strip(), entries);
          continue;
        }
        String[] parts = l.split("\\s+", 3);
        if (parts.length < 2) {
          throw new IllegalStateException(resource + ":" + lineNo + ": expected 'tag VR [value]'");
        }
        List<String> values = parts.length == 3 ? Arrays.asList(parts[2].split("\\\\")) : List.of();
        entries.add(new Entry(Tags.parse(parts[0]), parts[1], values));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(resource + ": " + e.getMessage(), e);
    }
  }
}
