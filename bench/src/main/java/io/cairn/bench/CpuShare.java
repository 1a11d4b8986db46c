package io.cairn.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the machine's processors went during a measured window: this JVM (the server under load, with its JIT
 * compiler and GC), everything else that ran (under the HTTP load: wrk, and the kernel's loopback work it causes),
 * idle, and stolen by the hypervisor. It reads the machine's counters in {@code /proc/stat} and the JVM's own
 * process CPU time. Per request, it shows whether a throughput is the machine's limit (no idle left) and how the
 * processor time divides between the server and the load generator, which a requests/s figure alone cannot.
 */
final class CpuShare {
  private static final Path PROC_STAT = Path.of("/proc/stat");

  private CpuShare() {}

  /**
   * The counters at one moment: the machine's ticks (busy, idle, stolen, summed over its {@code cores} online
   * processors; all 0 where {@code /proc/stat} cannot be read), this JVM's CPU time and the wall clock.
   */
  record Sample(long busyTicks, long idleTicks, long stealTicks, int cores, boolean machineKnown, long jvmCpuNanos,
      long wallNanos) {}

  static Sample now() {
    long jvm = jvmCpuNanos();
    long wall = System.nanoTime();
    try {
      // the first line sums every processor: user nice system idle iowait irq softirq steal (guest time is in user);
      // a line per processor follows, which counts them (a container may be given fewer than the machine has)
      List<String> lines = Files.readAllLines(PROC_STAT);
      String[] f = lines.getFirst().trim().split("\\s+");
      int cores = (int) lines.stream().skip(1).filter(l -> l.startsWith("cpu")).count();
      if (!f[0].equals("cpu") || f.length < 9 || cores < 1) {
        return unknown(jvm, wall);
      }
      long busy = t(f, 1) + t(f, 2) + t(f, 3) + t(f, 6) + t(f, 7);
      long idle = t(f, 4) + t(f, 5);
      return new Sample(busy, idle, t(f, 8), cores, true, jvm, wall);
    } catch (IOException | RuntimeException e) {
      return unknown(jvm, wall);
    }
  }

  private static Sample unknown(long jvmCpuNanos, long wallNanos) {
    return new Sample(0, 0, 0, 0, false, jvmCpuNanos, wallNanos);
  }

  /**
   * The window from {@code start} to {@code end} over {@code requests} requests: the shares of the machine's
   * processor time (busy, idle, stolen), this JVM's and the rest's processor time, in core-seconds and in
   * microseconds per request.
   */
  static Map<String, Object> between(Sample start, Sample end, long requests) {
    Map<String, Object> m = new LinkedHashMap<>();
    // the machine's processors, which its ticks are counted over; this JVM's own count where they are unknown
    int cores = end.machineKnown() ? end.cores() : Runtime.getRuntime().availableProcessors();
    double wallSeconds = (end.wallNanos() - start.wallNanos()) / 1e9;
    double jvmSeconds = (end.jvmCpuNanos() - start.jvmCpuNanos()) / 1e9;
    m.put("cores", cores);
    m.put("wallSeconds", wallSeconds);
    m.put("jvmCoreSeconds", jvmSeconds);
    if (requests > 0) {
      m.put("jvmMicrosPerRequest", jvmSeconds * 1e6 / requests);
    }
    if (!start.machineKnown() || !end.machineKnown()) {
      m.put("machine", "unknown: /proc/stat could not be read");
      return m;
    }
    long busy = end.busyTicks() - start.busyTicks();
    long idle = end.idleTicks() - start.idleTicks();
    long steal = end.stealTicks() - start.stealTicks();
    long total = busy + idle + steal;
    if (total <= 0) {
      m.put("machine", "unknown: no ticks counted");
      return m;
    }
    double coreSeconds = cores * wallSeconds;
    double busySeconds = coreSeconds * busy / total;
    // the JVM's time and the machine's ticks are counted apart; a rounding below zero means nothing else ran
    double restSeconds = Math.max(0, busySeconds - jvmSeconds);
    m.put("busyShare", (double) busy / total);
    m.put("idleShare", (double) idle / total);
    m.put("stolenShare", (double) steal / total);
    m.put("restCoreSeconds", restSeconds);
    if (requests > 0) {
      m.put("restMicrosPerRequest", restSeconds * 1e6 / requests);
    }
    return m;
  }

  private static long jvmCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  private static long t(String[] fields, int i) {
    return Long.parseLong(fields[i]);
  }
}
