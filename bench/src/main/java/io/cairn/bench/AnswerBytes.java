package io.cairn.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the bytes of recommendation lists go: each field's share, as {@code "name":value,} in the compact JSON
 * the server writes, summed over the list's top level ({@code goal}, {@code holdings}, ...), its items
 * ({@code item.credential}, ...) and their explanations ({@code explanation.covers}, ...), as a mean per answer.
 */
final class AnswerBytes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AnswerBytes() {}

  /** Mean bytes per answer of each field, most first, and the mean size under {@code "total"}. */
  static Map<String, Object> of(Collection<byte[]> answers) throws java.io.IOException {
    Map<String, Long> sums = new TreeMap<>();
    long total = 0;
    for (byte[] answer : answers) {
      JsonNode list = JSON.readTree(answer);
      total += answer.length;
      add(sums, "", list, "items");
      for (JsonNode item : list.path("items")) {
        add(sums, "item.", item, "explanation");
        add(sums, "explanation.", item.path("explanation"), null);
      }
    }
    int n = Math.max(1, answers.size());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", total / (double) n);
    sums.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .forEach(e -> out.put(e.getKey(), e.getValue() / (double) n));
    return out;
  }

  /** Adds the bytes of each field of {@code object} but {@code skipped} (counted field by field elsewhere). */
  private static void add(Map<String, Long> sums, String prefix, JsonNode object, String skipped)
      throws JsonProcessingException {
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if (!field.getKey().equals(skipped)) {
        // the quoted name, the colon, the value and the comma that follows it
        long bytes = JSON.writeValueAsBytes(field.getKey()).length + 1 + JSON.writeValueAsBytes(field.getValue()).length
            + 1;
        sums.merge(prefix + field.getKey(), bytes, Long::sum);
      }
    }
  }
}
