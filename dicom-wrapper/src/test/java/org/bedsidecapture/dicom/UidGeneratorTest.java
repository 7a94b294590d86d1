package org.bedsidecapture.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UidGeneratorTest {
  private static final String UID = "(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*";

  @Test
  void uuidDerivedUidsAreValidAndUnique() {
    UidGenerator g = UidGenerator.uuidDerived();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String uid = g.newUid();
      assertThat(uid).startsWith("2.25.").matches(UID).hasSizeLessThanOrEqualTo(64);
      assertThat(seen.add(uid)).isTrue();
    }
  }

  @Test
  void siteRootsFillTheRemainingDigits() {
    String root = "1.2.826.0.1.3680043.10.999";
    String uid = new UidGenerator(root).newUid();
    assertThat(uid).startsWith(root + ".").matches(UID).hasSizeLessThanOrEqualTo(64);
    assertThat(uid.length()).isGreaterThan(root.length() + 20);
  }

  @Test
  void badRootsAreRefused() {
    assertThatThrownBy(() -> new UidGenerator("1.2.03")).hasMessageContaining("leading zeros");
    assertThatThrownBy(() -> new UidGenerator("1.2.x")).hasMessageContaining("not a dotted");
    assertThatThrownBy(() -> new UidGenerator("1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17.18.19"))
        .hasMessageContaining("too long");
  }
}
