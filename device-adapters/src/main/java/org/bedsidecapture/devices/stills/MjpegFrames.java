package org.bedsidecapture.devices.stills;

import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_get_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_init;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_send_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;

import java.io.IOException;
import org.bytedeco.ffmpeg.avcodec.AVBSFContext;
import org.bytedeco.ffmpeg.avcodec.AVBitStreamFilter;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacpp.BytePointer;

/**
 * An MJPEG camera's frame as a still, bytes untouched. Many UVC cameras leave the Huffman tables
 * out of their frames (the "AVI1" convention: decoders use the standard tables of ITU-T T.81 Annex
 * K); such a frame is not a JPEG file on its own, so FFmpeg's {@code mjpeg2jpeg} filter puts the
 * standard tables in, without touching the coded picture.
 */
public final class MjpegFrames {
  private static final int SOI = 0xD8;
  private static final int SOS = 0xDA;
  private static final int DHT = 0xC4;

  private MjpegFrames() {}

  /** The frame as a stand-alone JPEG: itself when it carries Huffman tables. */
  public static byte[] asJpeg(byte[] frame) throws IOException {
    if (frame.length < 4 || (frame[0] & 0xFF) != 0xFF || (frame[1] & 0xFF) != SOI) {
      throw new IOException("the camera's frame is not JPEG");
    }
    return hasHuffmanTables(frame) ? frame : withStandardTables(frame);
  }

  /** Whether a DHT segment comes before the first scan. */
  static boolean hasHuffmanTables(byte[] jpeg) {
    int i = 2;
    while (i + 4 <= jpeg.length) {
      if ((jpeg[i] & 0xFF) != 0xFF) {
        return false;
      }
      int marker = jpeg[i + 1] & 0xFF;
      if (marker == DHT) {
        return true;
      }
      if (marker == SOS) {
        return false;
      }
      int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
      i += 2 + length;
    }
    return false;
  }

  private static byte[] withStandardTables(byte[] frame) throws IOException {
    AVBitStreamFilter filter = av_bsf_get_by_name("mjpeg2jpeg");
    if (filter == null) {
      throw new IOException("this FFmpeg build has no mjpeg2jpeg filter");
    }
    AVBSFContext ctx = new AVBSFContext(null);
    AVPacket in = av_packet_alloc();
    AVPacket out = av_packet_alloc();
    try {
      check(av_bsf_alloc(filter, ctx), "set up");
      ctx.par_in().codec_type(org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO);
      ctx.par_in().codec_id(avcodec.AV_CODEC_ID_MJPEG);
      check(av_bsf_init(ctx), "start");
      check(av_new_packet(in, frame.length), "allocate");
      in.data().put(frame);
      check(av_bsf_send_packet(ctx, in), "read");
      check(av_bsf_receive_packet(ctx, out), "complete");
      byte[] jpeg = new byte[out.size()];
      new BytePointer(out.data()).get(jpeg);
      return jpeg;
    } finally {
      av_packet_free(in);
      av_packet_free(out);
      av_bsf_free(ctx);
    }
  }

  private static void check(int ret, String step) throws IOException {
    if (ret < 0) {
      throw new IOException(
          "could not " + step + " the camera's JPEG frame (FFmpeg error " + ret + ")");
    }
  }
}
