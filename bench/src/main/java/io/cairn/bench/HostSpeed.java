package io.cairn.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;

/**
 * Three reference workloads that are not Cairn's, timed at the start and at the end of every run: hashing (the
 * processor alone), a chain of loads each waiting for the one before from an array far larger than any processor
 * cache (memory latency, which the million-credential figures are bound by), and the same within a core's cache.
 * On a shared virtual machine the host's speed moves by half from one hour to the next (issue 18's notes); a
 * figure of Cairn's that moved as much as these between two runs measured the host, not the change. They say so
 * beside the figures, in the JSON ({@code machine.hostSpeedAtStart}, {@code hostSpeedAtEnd}) and the table.
 */
final class HostSpeed {
  private static final int HASHED_BYTES = 16 << 20;
  // 128 MiB of ints: beyond the last-level cache of any processor this runs on, so each load goes to memory
  private static final int MEMORY_SLOTS = 32 << 20;
  private static final int MEMORY_LOADS = 1_000_000;
  // 128 KiB: within a core's second-level cache
  private static final int CACHE_SLOTS = 32 << 10;
  private static final int CACHE_LOADS = 20_000_000;
  private static final int REPEATS = 5;
  private static final long SEED = 0x5EEDL;
  // where the workloads' results go, so that the JIT cannot drop the work as unused
  private static volatile int sink;

  private HostSpeed() {}

  /** One reading: the median of {@value #REPEATS} timings of each workload, after one untimed run of each. */
  record Reading(double hashMiBPerSecond, double memoryNanosPerLoad, double cacheNanosPerLoad) {
    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("sha256MiBPerSecond", hashMiBPerSecond);
      m.put("memoryNanosPerLoad", memoryNanosPerLoad);
      m.put("cacheNanosPerLoad", cacheNanosPerLoad);
      return m;
    }

    /** A reading as {@link #toJson} wrote it. */
    static Reading fromJson(Map<String, Object> json) {
      return new Reading(((Number) json.get("sha256MiBPerSecond")).doubleValue(),
          ((Number) json.get("memoryNanosPerLoad")).doubleValue(),
          ((Number) json.get("cacheNanosPerLoad")).doubleValue());
    }

    /** "SHA-256 612 MiB/s, a load from memory 98 ns, from cache 1.4 ns". */
    String describe() {
      return String.format(Locale.ROOT, "SHA-256 %.0f MiB/s, a load from memory %.0f ns, from cache %.1f ns",
          hashMiBPerSecond, memoryNanosPerLoad, cacheNanosPerLoad);
    }
  }

  /** Times the three workloads here and now (a few seconds). */
  static Reading measure() {
    byte[] data = new byte[HASHED_BYTES];
    new SplittableRandom(SEED).nextBytes(data);
    double hashSeconds = median(() -> hash(data));
    int[] memory = cycle(MEMORY_SLOTS, SEED);
    double memorySeconds = median(() -> chase(memory, MEMORY_LOADS));
    int[] cache = cycle(CACHE_SLOTS, SEED);
    double cacheSeconds = median(() -> chase(cache, CACHE_LOADS));
    return new Reading(HASHED_BYTES / 1048576.0 / hashSeconds, memorySeconds * 1e9 / MEMORY_LOADS,
        cacheSeconds * 1e9 / CACHE_LOADS);
  }

  /**
   * A random permutation of {@code 0..n-1} that is one cycle (Sattolo's algorithm): following {@code next} from
   * any slot visits every slot once before it comes back, so the processor can neither predict the next address
   * nor find it in a short loop it has cached.
   */
  static int[] cycle(int n, long seed) {
    int[] next = new int[n];
    Arrays.setAll(next, i -> i);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i);
      int t = next[i];
      next[i] = next[j];
      next[j] = t;
    }
    return next;
  }

  /** Follows {@code loads} links of {@code next} from slot 0 and returns the slot it stops at. */
  static int chase(int[] next, int loads) {
    int at = 0;
    for (int i = 0; i < loads; i++) {
      at = next[at];
    }
    return at;
  }

  private static int hash(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data)[0];
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The median wall time of {@value #REPEATS} runs of {@code work}, after one untimed run (the JIT's). */
  private static double median(IntSupplier work) {
    sink = work.getAsInt();
    double[] seconds = new double[REPEATS];
    for (int r = 0; r < REPEATS; r++) {
      long start = System.nanoTime();
      sink = work.getAsInt();
      seconds[r] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(seconds);
    return seconds[REPEATS / 2];
  }
}
