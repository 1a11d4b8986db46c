package io.cairn.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Figures about the machine and the run for the JSON (cores, CPU, JDK, heap, GC, load average, git commit): a
 * benchmark figure means little without the machine it was measured on and what else was running there.
 */
final class Machine {
  private Machine() {}

  static Map<String, Object> describe(Path root) {
    Map<String, Object> m = new LinkedHashMap<>();
    Runtime rt = Runtime.getRuntime();
    m.put("cores", rt.availableProcessors());
    m.put("cpu", firstLine(Path.of("/proc/cpuinfo"), "model name"));
    m.put("memTotal", firstLine(Path.of("/proc/meminfo"), "MemTotal"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    m.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
        + System.getProperty("java.runtime.version"));
    m.put("javaHome", System.getProperty("java.home"));
    m.put("heapMaxMiB", rt.maxMemory() / 1048576.0);
    m.put("gc", ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
        .toList());
    m.put("jvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments());
    m.put("loadAverageAtStart", loadAverage());
    m.put("hostSpeedAtStart", hostSpeed("start"));
    m.put("gitCommit", git(root, "rev-parse", "HEAD"));
    String status = git(root, "status", "--porcelain");
    m.put("gitDirty", status != null && !status.isBlank());
    return m;
  }

  /** Adds the end of a run's figures to its {@code machine} map: the load average and the host's speed. */
  static void atEnd(Map<String, Object> machine) {
    machine.put("loadAverageAtEnd", loadAverage());
    machine.put("hostSpeedAtEnd", hostSpeed("end"));
  }

  private static Map<String, Object> hostSpeed(String when) {
    HostSpeed.Reading reading = HostSpeed.measure();
    Bench.progress("host speed at the %s (reference workloads, not Cairn's code): %s", when, reading.describe());
    return reading.toJson();
  }

  /**
   * The host's speed at the start and the end of a run ({@link HostSpeed}), for a table's header: an empty string
   * for a JSON written before it was measured.
   */
  @SuppressWarnings("unchecked")
  static String hostSpeedLine(Map<String, Object> machine) {
    Object start = machine.get("hostSpeedAtStart");
    Object end = machine.get("hostSpeedAtEnd");
    if (!(start instanceof Map) || !(end instanceof Map)) {
      return "";
    }
    return "host speed (reference workloads, not Cairn's code): at start "
        + HostSpeed.Reading.fromJson((Map<String, Object>) start).describe() + "; at end "
        + HostSpeed.Reading.fromJson((Map<String, Object>) end).describe() + System.lineSeparator();
  }

  /** The 1, 5 and 15 minute load averages: other work on the machine skews every figure. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String firstLine(Path file, String key) {
    try {
      return Files.readAllLines(file).stream().filter(l -> l.startsWith(key))
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("");
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String git(Path root, String... args) {
    try {
      List<String> cmd = new ArrayList<>(List.of("git", "-C", root.toString()));
      cmd.addAll(List.of(args));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
    } catch (IOException | InterruptedException e) {
      return null;
    }
  }
}
