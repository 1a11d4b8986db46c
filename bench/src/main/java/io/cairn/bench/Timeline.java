package io.cairn.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's phases on the wall clock, for the JSON's {@code timeline}: epoch milliseconds, to line a phase up with
 * a JFR recording of the run or with what else the machine was doing.
 */
final class Timeline {
  private final List<Map<String, Object>> phases = new ArrayList<>();

  /** Closes the current phase and opens {@code name}; {@code null} only closes the current one. */
  void phase(String name) {
    long now = System.currentTimeMillis();
    if (!phases.isEmpty()) {
      phases.getLast().putIfAbsent("endEpochMs", now);
    }
    if (name != null) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("phase", name);
      p.put("startEpochMs", now);
      phases.add(p);
    }
  }

  /** The phases so far, in order: each its name, its start and, once closed, its end. */
  List<Map<String, Object>> phases() {
    return phases;
  }
}
