package org.bedsidecapture.devices.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds what can be imported in a folder, a dropped set of files or a phone's SD card: photos
 * (JPEG, PNG) and clips (MP4/MOV), recognised by their content, not their name, oldest first. What
 * cannot be imported is listed with the reason, never silently left behind. Capture times come from
 * the files' own EXIF or MP4 metadata when they are wrapped.
 */
public final class FileImport {
  /** What a scan found. */
  public record Found(List<Path> photos, List<Path> clips, List<Refused> refused) {}

  /** A file that will not be imported, and why, in words for the user. */
  public record Refused(Path file, String reason) {}

  private FileImport() {}

  /** Scans files and folders (folders recursively; hidden files and camera thumbnails skipped). */
  public static Found scan(List<Path> inputs) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path in : inputs) {
      if (Files.isDirectory(in)) {
        try (Stream<Path> s = Files.walk(in)) {
          s.filter(Files::isRegularFile).filter(FileImport::wanted).forEach(files::add);
        }
      } else {
        files.add(in);
      }
    }
    files.sort(Comparator.comparing(FileImport::modified).thenComparing(Path::toString));
    List<Path> photos = new ArrayList<>();
    List<Path> clips = new ArrayList<>();
    List<Refused> refused = new ArrayList<>();
    for (Path f : files) {
      String kind = kind(f);
      switch (kind) {
        case "photo" -> photos.add(f);
        case "clip" -> clips.add(f);
        default -> refused.add(new Refused(f, kind));
      }
    }
    return new Found(photos, clips, refused);
  }

  private static boolean wanted(Path f) {
    String name = f.getFileName().toString();
    boolean hidden = false;
    for (Path part : f) {
      hidden |= part.toString().startsWith(".");
    }
    return !hidden && !name.toUpperCase(java.util.Locale.ROOT).endsWith(".THM");
  }

  private static java.nio.file.attribute.FileTime modified(Path f) {
    try {
      return Files.getLastModifiedTime(f);
    } catch (IOException e) {
      return java.nio.file.attribute.FileTime.fromMillis(0);
    }
  }

  /** "photo", "clip", or the reason it is refused. */
  private static String kind(Path f) {
    byte[] head;
    try (InputStream in = Files.newInputStream(f)) {
      head = in.readNBytes(16);
    } catch (IOException e) {
      return "cannot be read: " + e.getMessage();
    }
    if (head.length == 0) {
      return "empty file";
    }
    if (head.length >= 3
        && (head[0] & 0xFF) == 0xFF
        && (head[1] & 0xFF) == 0xD8
        && (head[2] & 0xFF) == 0xFF) {
      return "photo";
    }
    if (head.length >= 8
        && (head[0] & 0xFF) == 0x89
        && head[1] == 'P'
        && head[2] == 'N'
        && head[3] == 'G') {
      return "photo";
    }
    if (head.length >= 12 && "ftyp".equals(new String(head, 4, 4, StandardCharsets.US_ASCII))) {
      String brand = new String(head, 8, 4, StandardCharsets.US_ASCII);
      if (brand.startsWith("hei") || brand.startsWith("mif1") || brand.startsWith("msf1")) {
        return "HEIC/HEIF photo, which this station cannot convert: set the phone to take JPEG"
            + " (Settings > Camera > Formats > Most Compatible), or export it as JPEG";
      }
      return "clip";
    }
    return "not a photo or clip this station imports (JPEG, PNG, MP4)";
  }
}
