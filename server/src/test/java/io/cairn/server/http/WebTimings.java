package io.cairn.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Page timings the browser tests observe (time to a rendered screen, navigation timing, type-ahead round trips),
 * written to target/web-timings.json for the record. Measured on a shared build machine and never asserted.
 */
final class WebTimings {
  static final Path FILE = Path.of("target", "web-timings.json");
  private final Map<String, Map<String, Object>> pages = new LinkedHashMap<>();

  /** Records the current page of {@code browser} under {@code name}. */
  void record(String name, Browser browser) {
    pages.put(name, browser.timings());
  }

  /** Writes every recorded page with a summary: the slowest screen and the type-ahead median and maximum. */
  void write() {
    ObjectNode root = TestServer.JSON.createObjectNode();
    root.put("note", "headless Chromium over loopback against the embedded sample, on a shared build machine; "
        + "readyMs is from navigation start to the screen's content rendered (API calls included)");
    List<Long> ready = new ArrayList<>();
    List<Long> typeahead = new ArrayList<>();
    ObjectNode byPage = root.putObject("pages");
    pages.forEach((name, t) -> {
      byPage.set(name, TestServer.JSON.valueToTree(t));
      if (t.get("readyMs") instanceof Number n) {
        ready.add(n.longValue());
      }
      if (t.get("typeahead") instanceof List<?> list) {
        for (Object o : list) {
          if (o instanceof Map<?, ?> m && m.get("ms") instanceof Number n) {
            typeahead.add(n.longValue());
          }
        }
      }
    });
    ObjectNode summary = root.putObject("summary");
    summary.put("pages", ready.size());
    summary.put("slowestReadyMs", ready.stream().mapToLong(Long::longValue).max().orElse(-1));
    summary.put("medianReadyMs", median(ready));
    summary.put("typeaheadLookups", typeahead.size());
    summary.put("typeaheadMedianMs", median(typeahead));
    summary.put("typeaheadMaxMs", typeahead.stream().mapToLong(Long::longValue).max().orElse(-1));
    root.put("unit", "milliseconds");
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, TestServer.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long median(List<Long> values) {
    if (values.isEmpty()) {
      return -1;
    }
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
