package org.bedsidecapture.app.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Where a synthetic patient's data turns up: their name, birth date, MRN and visit number in the
 * spellings FHIR and DICOM use, searched in files and in what the process said. {@link #watch()}
 * also catches, from then on, the error stream and the java.util.logging records of this process
 * (the libraries' channel), for a test that drives the app in its own JVM.
 */
public final class PatientDataSearch implements AutoCloseable {
  private final List<String> spellings;
  private final ByteArrayOutputStream said = new ByteArrayOutputStream();
  private final PrintStream before = System.err;
  private final Instant since = Instant.now();
  private Handler libraries;

  private PatientDataSearch(List<String> spellings) {
    this.spellings = spellings;
  }

  /** The spellings of {@code patient}'s data, as the objects in an archive carry them and FHIR. */
  public static PatientDataSearch of(WristbandSheet.Label patient) {
    return new PatientDataSearch(spellings(patient));
  }

  /** The DICOM spellings (as the archive's objects carry them). */
  public static List<String> inDicom(WristbandSheet.Label patient) {
    List<String> s = new ArrayList<>();
    for (String word : patient.name().split("[ ,^]+")) {
      if (word.length() >= 4) {
        s.add(word);
      }
    }
    s.add(patient.mrn());
    s.add(patient.birthDate().replace("-", ""));
    if (patient.visit() != null) {
      s.add(patient.visit());
    }
    return s;
  }

  private static List<String> spellings(WristbandSheet.Label patient) {
    List<String> s = new ArrayList<>(inDicom(patient));
    s.add(patient.birthDate());
    return s;
  }

  public List<String> spellings() {
    return List.copyOf(spellings);
  }

  /** From now on, also keeps what this process writes to its error stream and logs through JUL. */
  public PatientDataSearch watch() {
    System.setErr(new PrintStream(new Tee(before, said), true, StandardCharsets.UTF_8));
    libraries =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            synchronized (said) {
              said.writeBytes(
                  (r.getLoggerName() + " " + r.getMessage() + " " + r.getThrown() + "\n")
                      .getBytes(StandardCharsets.UTF_8));
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger.getLogger("").addHandler(libraries);
    return this;
  }

  /** What turned up where: in what was said since {@link #watch()}. */
  public List<String> inWhatWasSaid() {
    String text;
    synchronized (said) {
      text = said.toString(StandardCharsets.UTF_8);
    }
    List<String> found = new ArrayList<>();
    for (String p : spellings) {
      if (text.contains(p)) {
        found.add("the error stream or the libraries' log holds '" + p + "'");
      }
    }
    return found;
  }

  /**
   * What turned up in the files under {@code root} that {@code searched} accepts; {@code
   * changedSinceWatch}: only those written since this search began (a folder shared with others).
   */
  public List<String> inFiles(Path root, Predicate<Path> searched, boolean changedSinceWatch)
      throws IOException {
    List<String> found = new ArrayList<>();
    if (!Files.exists(root)) {
      return found;
    }
    List<Path> files;
    try (Stream<Path> all = Files.walk(root)) {
      files = all.filter(Files::isRegularFile).filter(searched).toList();
    }
    for (Path f : files) {
      byte[] bytes;
      try {
        if (changedSinceWatch && Files.getLastModifiedTime(f).compareTo(FileTime.from(since)) < 0) {
          continue;
        }
        bytes = Files.readAllBytes(f);
      } catch (IOException gone) {
        continue;
      }
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      for (String p : spellings) {
        if (text.contains(p)) {
          found.add(f + " holds '" + p + "'");
        }
      }
    }
    return found;
  }

  /** Gives the error stream and JUL back. */
  @Override
  public void close() {
    if (libraries != null) {
      Logger.getLogger("").removeHandler(libraries);
      System.setErr(before);
    }
  }

  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final ByteArrayOutputStream second;

    Tee(OutputStream first, ByteArrayOutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      synchronized (second) {
        second.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      synchronized (second) {
        second.write(b, off, len);
      }
    }

    @Override
    public void flush() throws IOException {
      first.flush();
    }
  }
}
