package org.bedsidecapture.dicom.iod;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.UnsignedLongAttribute;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.bedsidecapture.dicom.OwnerOnly;

/**
 * Writes a data set as a DICOM Part 10 file so that no half-written file ever appears under its
 * final name: written to a hidden temporary file beside it, flushed to disk, then renamed.
 */
public final class Part10Writer {
  /** This product's Implementation Class UID (0002,0012), a UUID-derived UID fixed for good. */
  public static final String IMPLEMENTATION_CLASS_UID =
      "2.25.186164236421687711077762768062121174515";

  private static final AttributeTag IMPLEMENTATION_VERSION_NAME = new AttributeTag(0x0002, 0x0013);
  private static final AttributeTag IMPLEMENTATION_CLASS = new AttributeTag(0x0002, 0x0012);
  private static final AttributeTag META_GROUP_LENGTH = new AttributeTag(0x0002, 0x0000);

  private final String implementationVersionName;
  private final String sourceAeTitle;

  /**
   * @param implementationVersionName (0002,0013), at most 16 characters
   * @param sourceAeTitle (0002,0016), the station's AE title
   */
  public Part10Writer(String implementationVersionName, String sourceAeTitle) {
    this.implementationVersionName = implementationVersionName;
    this.sourceAeTitle = sourceAeTitle;
  }

  /** Writes {@code dataset} into {@code dir} as {@code fileName}, atomically and durably. */
  public Path write(Dataset dataset, String transferSyntaxUid, Path dir, String fileName)
      throws IOException {
    return commit(writeUnsynced(dataset, transferSyntaxUid, dir, fileName));
  }

  /**
   * A file written under its temporary name and not yet on disk for sure; {@link #commit} makes it
   * so and gives it its final name. Until then, no file of that name exists.
   */
  public record Pending(Path temp, Path target) {}

  /** The first half of {@link #write}: encodes the file under a hidden temporary name. */
  public Pending writeUnsynced(Dataset dataset, String transferSyntaxUid, Path dir, String fileName)
      throws IOException {
    Pending pending = new Pending(dir.resolve("." + fileName + ".part"), dir.resolve(fileName));
    try (FileChannel channel =
        FileChannel.open(
            pending.temp(),
            java.util.Set.of(
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE),
            OwnerOnly.file())) {
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
      writeTo(dataset, transferSyntaxUid, out);
      out.flush();
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(pending.temp());
      throw e;
    }
    return pending;
  }

  /**
   * Writes {@code dataset} as a Part 10 stream (preamble, file meta information, data set) to
   * {@code out}, which stays open: the caller decides where the bytes go (a file, the encrypted
   * outbox).
   */
  public void writeTo(Dataset dataset, String transferSyntaxUid, OutputStream out)
      throws IOException {
    var list = dataset.toolkitList();
    try {
      FileMetaInformation.addFileMetaInformation(list, transferSyntaxUid, sourceAeTitle);
    } catch (DicomException e) {
      throw new IllegalStateException("file meta information: " + e.getMessage(), e);
    }
    Dataset meta = new Dataset();
    meta.put(IMPLEMENTATION_CLASS, "UI", IMPLEMENTATION_CLASS_UID, "Implementation Class UID");
    meta.put(
        IMPLEMENTATION_VERSION_NAME,
        "SH",
        implementationVersionName,
        "Implementation Version Name");
    list.putAll(meta.toolkitList());
    updateMetaGroupLength(list);
    try {
      list.write(new KeepOpen(out), transferSyntaxUid, true, false);
    } catch (DicomException e) {
      throw new IllegalStateException("DICOM encoding failed: " + e.getMessage(), e);
    }
  }

  /**
   * The second half of {@link #write}: flushes the file to the disk, then renames it, so that a
   * file under its final name is always whole, even after a power cut. Safe to call from another
   * thread than the one that wrote the file.
   */
  public Path commit(Pending pending) throws IOException {
    try (FileChannel channel = FileChannel.open(pending.temp(), StandardOpenOption.WRITE)) {
      channel.force(false);
    } catch (IOException e) {
      Files.deleteIfExists(pending.temp());
      throw e;
    }
    Files.move(
        pending.temp(),
        pending.target(),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    return pending.target();
  }

  /** (0002,0000) must count the meta elements as finally written, ours included. */
  private static void updateMetaGroupLength(AttributeList list) {
    long length = 0;
    try {
      for (Attribute a : list.values()) {
        AttributeTag tag = a.getTag();
        if (tag.getGroup() == 0x0002 && tag.getElement() != 0x0000) {
          length += a.getLengthOfEntireEncodedAttribute(true, true);
        }
      }
      Attribute groupLength = new UnsignedLongAttribute(META_GROUP_LENGTH);
      groupLength.addValue(length);
      list.put(groupLength);
    } catch (DicomException e) {
      throw new IllegalStateException("file meta group length: " + e.getMessage(), e);
    }
  }

  /**
   * The toolkit closes the stream it wrote; the stream must stay open (a file to be forced to disk,
   * the outbox's encrypting stream to be finished by its owner).
   */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
