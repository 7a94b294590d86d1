package org.bedsidecapture.devices.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bedsidecapture.devices.barcode.KeyboardWedge.Event;
import org.bedsidecapture.devices.barcode.KeyboardWedge.Scanned;
import org.bedsidecapture.devices.barcode.KeyboardWedge.Typed;
import org.junit.jupiter.api.Test;

class KeyboardWedgeTest {
  private static final long MS = 1_000_000L;

  /** Feeds the text with the given gap between keys, starting at {@code start}. */
  private static List<Event> feed(KeyboardWedge w, String text, long gapMs, long start) {
    List<Event> events = new ArrayList<>();
    long t = start;
    for (char c : text.toCharArray()) {
      events.addAll(w.key(c, t));
      t += gapMs * MS;
    }
    events.addAll(w.idle(t + 1000 * MS));
    return events;
  }

  @Test
  void aBurstEndedByEnterIsAScan() {
    KeyboardWedge w = new KeyboardWedge(KeyboardWedge.Settings.defaults());
    assertThat(feed(w, "DEMO-000001\n", 8, 0)).containsExactly(new Scanned("DEMO-000001"));
  }

  @Test
  void aPersonTypingIsHandedOnInOrderAndNothingIsLost() {
    KeyboardWedge w = new KeyboardWedge(KeyboardWedge.Settings.defaults());
    List<Event> events = feed(w, "left heel\n", 150, 0);
    String typed = events.stream().map(e -> ((Typed) e).text()).reduce("", String::concat);
    assertThat(typed).isEqualTo("left heel\n");
  }

  @Test
  void aShortFastBurstIsTypingNotAScan() {
    KeyboardWedge w = new KeyboardWedge(KeyboardWedge.Settings.defaults());
    assertThat(feed(w, "ok\n", 5, 0)).containsExactly(new Typed("ok\n"));
  }

  @Test
  void withAPrefixOnlyPrefixedInputIsAScanWhateverItsSpeed() {
    KeyboardWedge w =
        new KeyboardWedge(new KeyboardWedge.Settings("~~", '\n', Duration.ofMillis(35), 4));
    assertThat(feed(w, "~~DEMO-V0002\n", 60, 0)).containsExactly(new Scanned("DEMO-V0002"));
    assertThat(feed(w, "DEMO-V0002\n", 5, 10_000 * MS))
        .extracting(e -> e.getClass().getSimpleName())
        .containsOnly("Typed");
  }

  @Test
  void gs1GroupSeparatorsSurviveTheScan() {
    KeyboardWedge w = new KeyboardWedge(KeyboardWedge.Settings.defaults());
    assertThat(feed(w, "]d28018123456789012345675\u001D21AB\n", 3, 0))
        .containsExactly(new Scanned("]d28018123456789012345675\u001D21AB"));
  }
}
