package io.cairn.bench;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.Occupation;
import io.cairn.search.LabelSearch;
import io.cairn.search.SearchRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Label search latency over the full ESCO snapshot: a seeded mix of queries, each timed alone.
 * <ul>
 *   <li>40% prefixes of real labels (preferred or alternative, cut after one or more whole words, or a few letters
 *       into the next word), searched normally;</li>
 *   <li>30% job-ad and course-page phrases ({@code search-phrases.txt}), some with a job ad's noise around them
 *       ("senior", "remote", "- Berlin");</li>
 *   <li>30% type-ahead: 2-12 letters of a real label, in suggest mode.</li>
 * </ul>
 * Half the label-based queries go to competencies and half to occupations; phrases go to their own kind.
 */
final class SearchBench {
  record Query(LabelSearch.Kind kind, SearchRequest request, String type) {}

  private static final String[] NOISE_BEFORE = {"senior ", "junior ", "lead ", "remote ", "experienced ", ""};
  private static final String[] NOISE_AFTER = {" - Berlin", " (m/f/d)", " full time", " remote", " - London", ""};

  static List<Query> queries(CatalogSnapshot snapshot, int count, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String[]> phrases = new ArrayList<>();
    for (String line : SparqlBaseline.text("search-phrases.txt").split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        phrases.add(line.split("\\|", 2));
      }
    }
    List<Competency> competencies = snapshot.competencies();
    List<Occupation> occupations = snapshot.occupations();
    List<Query> out = new ArrayList<>(count);
    while (out.size() < count) {
      double p = rnd.nextDouble();
      boolean occupation = rnd.nextBoolean();
      String label;
      if (occupation) {
        Occupation o = occupations.get(rnd.nextInt(occupations.size()));
        label = o.altLabels().isEmpty() || rnd.nextBoolean() ? o.label()
            : o.altLabels().get(rnd.nextInt(o.altLabels().size()));
      } else {
        Competency c = competencies.get(rnd.nextInt(competencies.size()));
        label = c.altLabels().isEmpty() || rnd.nextBoolean() ? c.label()
            : c.altLabels().get(rnd.nextInt(c.altLabels().size()));
      }
      LabelSearch.Kind kind = occupation ? LabelSearch.Kind.OCCUPATION : LabelSearch.Kind.COMPETENCY;
      if (p < 0.4) {
        String[] words = label.split("\\s+");
        int keep = 1 + rnd.nextInt(words.length);
        String text = String.join(" ", java.util.Arrays.copyOf(words, keep));
        if (keep < words.length && rnd.nextBoolean()) {
          String next = words[keep];
          text += " " + next.substring(0, Math.min(next.length(), 1 + rnd.nextInt(4)));
        }
        out.add(new Query(kind, SearchRequest.of(text), "label-prefix"));
      } else if (p < 0.7) {
        String[] phrase = phrases.get(rnd.nextInt(phrases.size()));
        LabelSearch.Kind phraseKind = phrase[0].equals("occupation") ? LabelSearch.Kind.OCCUPATION
            : LabelSearch.Kind.COMPETENCY;
        String text = phrase[1];
        if (phraseKind == LabelSearch.Kind.OCCUPATION && rnd.nextDouble() < 0.3) {
          text = NOISE_BEFORE[rnd.nextInt(NOISE_BEFORE.length)] + text + NOISE_AFTER[rnd.nextInt(NOISE_AFTER.length)];
        }
        out.add(new Query(phraseKind, SearchRequest.of(text), "job-ad-or-course-words"));
      } else {
        int n = Math.min(label.length(), 2 + rnd.nextInt(11));
        out.add(new Query(kind, SearchRequest.of(label.substring(0, n)).suggesting(), "type-ahead"));
      }
    }
    return out;
  }

  /**
   * Runs every query once untimed (warm-up), then once timed; returns the figures. Each query is timed on the wall
   * clock (the target's figure) and by the CPU time of its thread, which a busy machine's waiting for a core does not
   * count: on a shared machine the CPU figures are the ones to compare A/B.
   */
  static Map<String, Object> run(LabelSearch search, List<Query> queries, int limit) {
    for (Query q : queries) {
      search.search(q.kind(), q.request(), limit);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] all = new long[queries.size()];
    long[] cpu = new long[queries.size()];
    long hits = 0;
    int empty = 0;
    for (int i = 0; i < queries.size(); i++) {
      Query q = queries.get(i);
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      int found = search.search(q.kind(), q.request(), limit).size();
      all[i] = System.nanoTime() - t0;
      cpu[i] = threads.getCurrentThreadCpuTime() - c0;
      hits += found;
      empty += found == 0 ? 1 : 0;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("queries", queries.size());
    m.put("limit", limit);
    m.put("latency", Stats.of(all).toJson());
    m.put("byType", byType(queries, all));
    m.put("cpu", Stats.of(cpu).toJson());
    m.put("cpuByType", byType(queries, cpu));
    m.put("meanHits", hits / (double) queries.size());
    m.put("queriesWithoutHits", empty);
    m.put("slowest", slowest(queries, all));
    m.put("slowestByCpu", slowest(queries, cpu));
    m.put("examples", queries.stream().limit(12).map(q -> q.type() + ": " + q.kind() + " '" + q.request().text()
        + "'").toList());
    return m;
  }

  private static Map<String, Object> byType(List<Query> queries, long[] nanos) {
    Map<String, List<Long>> byType = new LinkedHashMap<>();
    for (int i = 0; i < queries.size(); i++) {
      byType.computeIfAbsent(queries.get(i).type(), k -> new ArrayList<>()).add(nanos[i]);
    }
    Map<String, Object> types = new LinkedHashMap<>();
    byType.forEach((type, times) -> types.put(type,
        Stats.of(times.stream().mapToLong(Long::longValue).toArray()).toJson()));
    return types;
  }

  private static List<String> slowest(List<Query> queries, long[] nanos) {
    Integer[] order = new Integer[queries.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Long.compare(nanos[b], nanos[a]));
    List<String> slowest = new ArrayList<>();
    for (int i = 0; i < Math.min(10, order.length); i++) {
      Query q = queries.get(order[i]);
      slowest.add(String.format(java.util.Locale.ROOT, "%.2f ms %s %s '%s'", nanos[order[i]] / 1e6, q.type(), q.kind(),
          q.request().text()));
    }
    return slowest;
  }
}
