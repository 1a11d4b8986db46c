package io.cairn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The window's arithmetic from two samples of the counters, and what it says when the machine's are missing. */
class CpuShareTest {
  @Test
  void dividesTheWindowBetweenThisJvmTheRestIdleAndStolen() {
    // 2 s of wall time; of the machine's ticks 70% busy, 20% idle, 10% stolen; this JVM used 0.5 core-seconds
    // on a machine of 4 processors, whatever this JVM is given of them
    CpuShare.Sample start = new CpuShare.Sample(1_000, 5_000, 100, 4, true, 3_000_000_000L, 10_000_000_000L);
    CpuShare.Sample end = new CpuShare.Sample(1_700, 5_200, 200, 4, true, 3_500_000_000L, 12_000_000_000L);
    Map<String, Object> m = CpuShare.between(start, end, 1_000);
    assertEquals(0.7, (double) m.get("busyShare"), 1e-12);
    assertEquals(0.2, (double) m.get("idleShare"), 1e-12);
    assertEquals(0.1, (double) m.get("stolenShare"), 1e-12);
    assertEquals(2.0, (double) m.get("wallSeconds"), 1e-12);
    assertEquals(500.0, (double) m.get("jvmMicrosPerRequest"), 1e-9);
    // busy core-seconds: 0.7 of (cores x 2 s); the rest is what this JVM did not use of them
    assertEquals(4, m.get("cores"));
    double rest = 0.7 * 4 * 2.0 - 0.5;
    assertEquals(rest, (double) m.get("restCoreSeconds"), 1e-9);
    assertEquals(rest * 1e6 / 1_000, (double) m.get("restMicrosPerRequest"), 1e-6);
  }

  @Test
  void sayingTheMachineIsUnknownRatherThanGuessing() {
    CpuShare.Sample start = new CpuShare.Sample(0, 0, 0, 0, false, 0, 0);
    CpuShare.Sample end = new CpuShare.Sample(0, 0, 0, 0, false, 1_000_000L, 1_000_000_000L);
    Map<String, Object> m = CpuShare.between(start, end, 10);
    assertEquals(100.0, (double) m.get("jvmMicrosPerRequest"), 1e-9);
    assertTrue(String.valueOf(m.get("machine")).startsWith("unknown"), m.toString());
    assertFalse(m.containsKey("restMicrosPerRequest"), m.toString());
  }

  @Test
  void theCountersOnThisMachineOnlyGrow() {
    CpuShare.Sample a = CpuShare.now();
    long spin = 0;
    for (long until = System.nanoTime() + 50_000_000L; System.nanoTime() < until; ) {
      spin++;
    }
    CpuShare.Sample b = CpuShare.now();
    assertTrue(spin > 0);
    assertTrue(b.jvmCpuNanos() > a.jvmCpuNanos(), "this JVM spun for 50 ms of CPU");
    if (a.machineKnown()) {
      assertTrue(b.busyTicks() >= a.busyTicks() && b.idleTicks() >= a.idleTicks() && b.stealTicks() >= a.stealTicks());
      // every processor this JVM may run on is one of the machine's
      assertTrue(a.cores() >= Runtime.getRuntime().availableProcessors(), "cores " + a.cores());
    }
  }
}
