package org.bedsidecapture.dicom.iod;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Encapsulated Pixel Data whose one fragment is a whole file, streamed from disk as it is written:
 * an empty Basic Offset Table item, one item holding the file (padded to even length), and the
 * sequence delimiter (PS3.5 A.4). This is how H.264 and HEVC clips go into DICOM (§8.2.7), and it
 * keeps a long clip out of memory. The toolkit's own on-disk attribute picks a decompressor from
 * the file name, which an MP4 does not fit.
 */
public final class SingleFragmentPixelData extends Attribute {
  private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;
  private static final int ITEM = 0xE000;
  private static final int SEQUENCE_DELIMITER = 0xE0DD;
  private static final int ITEM_GROUP = 0xFFFE;

  private final Path file;

  public SingleFragmentPixelData(AttributeTag tag, Path file) {
    super(tag);
    this.file = file;
    this.valueLength = UNDEFINED_LENGTH;
  }

  @Override
  public long getPaddedVL() {
    return UNDEFINED_LENGTH;
  }

  @Override
  public byte[] getVR() {
    return new byte[] {'O', 'B'};
  }

  @Override
  public void removeValues() {
    throw new UnsupportedOperationException("the fragment is a file");
  }

  @Override
  public void write(DicomOutputStream out) throws DicomException, IOException {
    writeBase(out);
    item(out, ITEM, 0);
    long size = Files.size(file);
    long padded = size + (size & 1);
    item(out, ITEM, padded);
    try (InputStream in = Files.newInputStream(file)) {
      long copied = in.transferTo(out);
      if (copied != size) {
        throw new IOException(file + " changed while it was being written");
      }
    }
    if (padded != size) {
      out.write(0);
    }
    item(out, SEQUENCE_DELIMITER, 0);
  }

  private static void item(DicomOutputStream out, int element, long length) throws IOException {
    out.writeUnsigned16(ITEM_GROUP);
    out.writeUnsigned16(element);
    out.writeUnsigned32(length);
  }

  @Override
  public String toString(com.pixelmed.dicom.DicomDictionary dictionary) {
    return super.toString(dictionary) + " [one fragment: " + file.getFileName() + "]";
  }
}
