package org.bedsidecapture.dicom.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The PDU stream under the toolkit's writer holds back the flush it makes after every PDU while an
 * object's data streams, and passes the one after the message's last PDU: the socket gets large
 * writes, and the archive the whole message.
 */
class SocketsTest {
  @Test
  void flushesAreHeldWhileAnObjectStreamsAndTheLastOneSendsEverything() throws Exception {
    ByteArrayOutputStream socket = new ByteArrayOutputStream();
    Sockets.PduStream pdus = new Sockets.PduStream(socket);

    pdus.write(new byte[16384]);
    pdus.flush();
    assertThat(socket.size()).as("a PDU outside an object's data is sent at once").isEqualTo(16384);

    pdus.holdFlushes(true);
    for (int i = 0; i < 5; i++) {
      pdus.write(new byte[16384]);
      pdus.flush();
    }
    assertThat(socket.size()).as("held while the data set streams").isEqualTo(16384);

    pdus.holdFlushes(false);
    pdus.write(new byte[100]);
    pdus.flush();
    assertThat(socket.size()).isEqualTo(6 * 16384 + 100);
  }
}
