package org.bedsidecapture.dicom.iod;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.AttributeTagAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SpecificCharacterSet;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.bedsidecapture.dicom.InvalidValueException;

/**
 * A DICOM data set under construction: every value is checked against its VR's length and character
 * rules as it goes in, so a value DICOM cannot carry fails with a message naming the attribute
 * instead of being cut or written invalid.
 */
public final class Dataset {
  /** Maximum length in characters per VR (PS3.5 Table 6.2-1); PN counts per component group. */
  private static final Map<String, Integer> MAX_CHARS =
      Map.ofEntries(
          Map.entry("AE", 16),
          Map.entry("AS", 4),
          Map.entry("CS", 16),
          Map.entry("DA", 8),
          Map.entry("DS", 16),
          Map.entry("DT", 26),
          Map.entry("IS", 12),
          Map.entry("LO", 64),
          Map.entry("LT", 10240),
          Map.entry("PN", 64),
          Map.entry("SH", 16),
          Map.entry("ST", 1024),
          Map.entry("TM", 14),
          Map.entry("UI", 64));

  private static final SpecificCharacterSet UTF8 =
      new SpecificCharacterSet(new String[] {"ISO_IR 192"});

  private final AttributeList list;

  public Dataset() {
    this(new AttributeList());
  }

  private Dataset(AttributeList list) {
    this.list = list;
  }

  /**
   * Sets a value (several values joined by backslash are not allowed here: use {@link #putAll}).
   */
  public Dataset put(AttributeTag tag, String vr, String value, String name) {
    if (value != null && value.indexOf('\\') >= 0) {
      throw new InvalidValueException(
          name + " contains a backslash, which DICOM reserves to separate values");
    }
    return putAll(tag, vr, value == null || value.isEmpty() ? List.of() : List.of(value), name);
  }

  /** Sets a multi-valued attribute; an empty list leaves it present and empty (Type 2). */
  public Dataset putAll(AttributeTag tag, String vr, List<String> values, String name) {
    Attribute a = newAttribute(tag, vr);
    try {
      for (String v : values) {
        check(vr, v, name);
        if (a instanceof AttributeTagAttribute at) {
          at.addValue(Tags.parse(v));
        } else {
          a.addValue(v);
        }
      }
    } catch (DicomException e) {
      throw new InvalidValueException(name + ": " + e.getMessage());
    }
    list.put(a);
    return this;
  }

  /** Sets an unsigned short (US) value. */
  public Dataset putInt(AttributeTag tag, String vr, int value) {
    Attribute a = newAttribute(tag, vr);
    try {
      a.addValue(value);
    } catch (DicomException e) {
      throw new IllegalStateException(e);
    }
    list.put(a);
    return this;
  }

  /** Sets a sequence with the given items (none: present and empty). */
  public Dataset putSequence(AttributeTag tag, List<Dataset> items) {
    SequenceAttribute sq = new SequenceAttribute(tag);
    for (Dataset item : items) {
      sq.addItem(item.list);
    }
    list.put(sq);
    return this;
  }

  /** Puts an attribute built elsewhere (pixel data, binary values). */
  public Dataset putAttribute(Attribute attribute) {
    list.put(attribute);
    return this;
  }

  /** A data set read from a Part 10 stream, and the transfer syntax it was encoded in. */
  public record Read(Dataset dataset, String transferSyntaxUid) {}

  /**
   * Reads a whole Part 10 stream, pixel data included; its file meta information is left out
   * (written anew when the data set is).
   */
  public static Read read(InputStream part10) throws IOException {
    AttributeList list = new AttributeList();
    try {
      list.read(new DicomInputStream(part10));
    } catch (DicomException e) {
      throw new IOException("not a readable DICOM object: " + e.getMessage(), e);
    }
    String transferSyntax =
        Attribute.getSingleStringValueOrNull(list, TagFromName.TransferSyntaxUID);
    list.removeMetaInformationHeaderAttributes();
    list.removeGroupLengthAttributes();
    return new Read(new Dataset(list), transferSyntax);
  }

  /** Opens a Part 10 stream afresh each time it is asked (an outbox copy, a file). */
  public interface Source {
    InputStream open() throws IOException;
  }

  /**
   * A Part 10 object's data set up to its pixel data, its transfer syntax, and where in the stream
   * its pixel data starts.
   */
  public record Header(Dataset dataset, String transferSyntaxUid, long pixelDataAt) {}

  /**
   * Reads a Part 10 object's data set up to its pixel data, which is not read: the object is opened
   * twice, once to find where its pixel data starts and once to read what comes before.
   */
  public static Header readHeader(Source part10) throws IOException {
    long pixelsAt;
    try (InputStream in = part10.open()) {
      pixelsAt = PixelDataOffset.of(in);
    }
    try (InputStream in = part10.open()) {
      Read r = read(new java.io.ByteArrayInputStream(in.readNBytes(Math.toIntExact(pixelsAt))));
      return new Header(r.dataset(), r.transferSyntaxUid(), pixelsAt);
    }
  }

  /** Removes an attribute, if present. */
  public Dataset remove(AttributeTag tag) {
    list.remove(tag);
    return this;
  }

  public String get(AttributeTag tag) {
    return Attribute.getDelimitedStringValuesOrNull(list, tag);
  }

  /** The toolkit's list, for the code of this module that encodes files and DIMSE messages. */
  public AttributeList toolkitList() {
    return list;
  }

  private static Attribute newAttribute(AttributeTag tag, String vr) {
    try {
      return AttributeFactory.newAttribute(tag, vr.getBytes(StandardCharsets.US_ASCII), UTF8);
    } catch (DicomException e) {
      throw new IllegalStateException("cannot make a " + vr + " attribute " + tag, e);
    }
  }

  private static void check(String vr, String value, String name) {
    Integer max = MAX_CHARS.get(vr);
    if (max == null) {
      return;
    }
    if (vr.equals("PN")) {
      for (String group : value.split("=", -1)) {
        int length = group.codePointCount(0, group.length());
        if (length > max) {
          throw new InvalidValueException(
              name + " is " + length + " characters long; DICOM allows at most " + max);
        }
      }
      return;
    }
    int length = value.codePointCount(0, value.length());
    if (length > max) {
      throw new InvalidValueException(
          name + " is " + length + " characters long; DICOM allows at most " + max);
    }
    if (value.chars().anyMatch(c -> c < 0x20 && c != 0x1B)) {
      throw new InvalidValueException(name + " contains control characters");
    }
  }
}
