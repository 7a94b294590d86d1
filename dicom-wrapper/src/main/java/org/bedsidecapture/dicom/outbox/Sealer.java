package org.bedsidecapture.dicom.outbox;

import com.google.crypto.tink.subtle.StreamSegmentEncrypter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Writes encrypted files in the format {@link OutboxKey#encrypting} writes and {@link
 * OutboxKey#decrypting} reads (Tink's streaming AEAD: a header, then segments sealed one by one),
 * sealing each segment from one direct buffer into another, both kept from one file to the next.
 * The native cipher then reads and writes them in place: through the stream form, each 1 MB segment
 * is copied into the stream's buffer, into the cipher's, out of it, and into the JDK's buffer for
 * the file, which made encryption a third of an outbox put. Not for two threads at once.
 */
public final class Sealer {
  private final Format format;
  private final ByteBuffer plain;
  private final ByteBuffer sealed;

  /** A streaming key's segment encrypters and segment sizes. */
  record Format(Encrypters encrypters, int plainSegment, int sealedSegment, int firstOffset) {}

  /** Makes a key's segment encrypter for one file. */
  interface Encrypters {
    StreamSegmentEncrypter forFile(byte[] associatedData) throws GeneralSecurityException;
  }

  Sealer(Format format) {
    this.format = format;
    this.plain = ByteBuffer.allocateDirect(format.plainSegment());
    this.sealed = ByteBuffer.allocateDirect(format.sealedSegment());
  }

  /**
   * Starts an encrypted file in {@code file} bound to {@code name}: what is written into the
   * returned stream is encrypted into the file; closing it seals the last segment and leaves the
   * file open.
   */
  public Sealing start(WritableByteChannel file, String name) throws IOException {
    try {
      return new Sealing(
          format.encrypters().forFile(name.getBytes(StandardCharsets.US_ASCII)), file);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot encrypt: " + e.getMessage(), e);
    }
  }

  /** One encrypted file being written. */
  public final class Sealing extends OutputStream {
    private final StreamSegmentEncrypter segments;
    private final WritableByteChannel file;
    private long count;
    private boolean open = true;

    private Sealing(StreamSegmentEncrypter segments, WritableByteChannel file) throws IOException {
      this.segments = segments;
      this.file = file;
      plain.clear().limit(format.plainSegment() - format.firstOffset());
      writeFully(segments.getHeader());
    }

    @Override
    public void write(int b) throws IOException {
      makeRoom();
      plain.put((byte) b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        makeRoom();
        int n = Math.min(len, plain.remaining());
        plain.put(b, off, n);
        off += n;
        len -= n;
        count += n;
      }
    }

    /** Encrypts everything {@code source} still has, read straight into the plaintext buffer. */
    public void transferFrom(ReadableByteChannel source) throws IOException {
      while (true) {
        if (!plain.hasRemaining()) {
          int peeked = peek(source);
          if (peeked < 0) {
            return;
          }
          continue;
        }
        int n = source.read(plain);
        if (n < 0) {
          return;
        }
        count += n;
      }
    }

    /**
     * With the plaintext buffer full, reads on into the sealed buffer to learn whether the file
     * goes on: a segment is sealed as the last one only at the end, so a full one waits for more.
     */
    private int peek(ReadableByteChannel source) throws IOException {
      sealed.clear().limit(1);
      int n = source.read(sealed);
      if (n <= 0) {
        return n < 0 ? -1 : 0;
      }
      byte next = sealed.get(0);
      makeRoom();
      plain.put(next);
      count++;
      return n;
    }

    /** The plaintext bytes written so far. */
    public long count() {
      return count;
    }

    @Override
    public void close() throws IOException {
      if (open) {
        open = false;
        seal(true);
      }
    }

    private void makeRoom() throws IOException {
      if (!open) {
        throw new IOException("the encrypted file is already finished");
      }
      if (!plain.hasRemaining()) {
        seal(false);
        plain.clear();
      }
    }

    private void seal(boolean last) throws IOException {
      plain.flip();
      sealed.clear();
      try {
        segments.encryptSegment(plain, last, sealed);
      } catch (GeneralSecurityException e) {
        throw new IOException("cannot encrypt: " + e.getMessage(), e);
      }
      sealed.flip();
      writeFully(sealed);
    }

    private void writeFully(ByteBuffer b) throws IOException {
      while (b.hasRemaining()) {
        file.write(b);
      }
    }
  }
}
