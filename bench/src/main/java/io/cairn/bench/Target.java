package io.cairn.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One target of issue 6 with the figure measured against it. */
record Target(String name, double measured, double target, boolean atMost, String unit, String format) {

  static Target atMost(String name, double measured, double target, String unit, String format) {
    return new Target(name, measured, target, true, unit, format);
  }

  static Target atLeast(String name, double measured, double target, String unit, String format) {
    return new Target(name, measured, target, false, unit, format);
  }

  boolean met() {
    return atMost ? measured <= target : measured >= target;
  }

  /** How far from the target, as a factor (2.0 = twice too slow or half the throughput); NaN when undefined. */
  double factor() {
    if (atMost) {
      return target == 0 ? Double.NaN : measured / target;
    }
    return measured == 0 ? Double.POSITIVE_INFINITY : target / measured;
  }

  String measuredText() {
    return String.format(Locale.ROOT, format, measured) + (unit.isEmpty() ? "" : " " + unit);
  }

  String targetText() {
    return (atMost ? "<= " : ">= ") + String.format(Locale.ROOT, format.replace(".3f", ".1f"), target)
        + (unit.isEmpty() ? "" : " " + unit);
  }

  String verdict() {
    if (met()) {
      return "met";
    }
    double f = factor();
    return Double.isNaN(f) || Double.isInfinite(f) ? "MISSED" : String.format(Locale.ROOT, "MISSED (%.1fx off)", f);
  }

  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("measured", measured);
    m.put("target", target);
    m.put("comparison", atMost ? "at most" : "at least");
    m.put("unit", unit);
    m.put("met", met());
    double f = factor();
    m.put("factorOff", Double.isFinite(f) ? f : null);
    return m;
  }
}
