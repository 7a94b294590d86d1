package org.bedsidecapture.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceLockTest {
  @TempDir Path home;

  @Test
  void aSecondStartFindsTheStationTakenAndLearnsByWhom() throws Exception {
    try (InstanceLock first = InstanceLock.take(home).orElseThrow()) {
      Optional<InstanceLock> second = InstanceLock.take(home);

      assertThat(second).isEmpty();
      assertThat(InstanceLock.holder(home)).contains("pid=" + ProcessHandle.current().pid());
    }
    try (InstanceLock again = InstanceLock.take(home).orElseThrow()) {
      assertThat(again).isNotNull();
    }
  }

  @Test
  void aSecondStartBringsTheRunningAppToTheFront() throws Exception {
    CountDownLatch raised = new CountDownLatch(1);
    try (InstanceLock first = InstanceLock.take(home).orElseThrow()) {
      first.onRaiseAsked(raised::countDown);

      InstanceLock.askToRaise(home);

      assertThat(raised.await(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
