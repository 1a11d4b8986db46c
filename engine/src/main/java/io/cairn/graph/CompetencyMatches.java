package io.cairn.graph;

import io.cairn.catalog.IntSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Resolves a concept IRI to the catalog's competencies: a competency itself, or a concept of another framework
 * (a CASE item, a CTDL-ASN competency) that {@code skos:exactMatch} or {@code skos:closeMatch} links to one, in
 * either direction. One hop only: a match of a match does not count, so a chain of loose matches cannot drift.
 */
final class CompetencyMatches {
  private final Map<String, Integer> index;
  private final Map<String, TreeSet<Integer>> matches = new HashMap<>();

  private CompetencyMatches(Map<String, Integer> index) {
    this.index = index;
  }

  static CompetencyMatches read(Sparql graph, Map<String, Integer> index) {
    CompetencyMatches result = new CompetencyMatches(index);
    SnapshotCompiler.select(graph, "competency-matches", row -> {
      String a = SnapshotCompiler.uri(row, "concept");
      String b = SnapshotCompiler.uri(row, "match");
      result.link(a, b);
      result.link(b, a);
    });
    return result;
  }

  private void link(String concept, String match) {
    Integer competency = index.get(match);
    if (competency != null && !index.containsKey(concept)) {
      matches.computeIfAbsent(concept, k -> new TreeSet<>()).add(competency);
    }
  }

  /** The competencies the IRIs name or match (unknown IRIs give nothing). */
  IntSet all(List<String> iris) {
    if (iris == null) {
      return IntSet.of();
    }
    List<Integer> found = new ArrayList<>();
    for (String iri : iris) {
      Integer own = index.get(iri);
      if (own != null) {
        found.add(own);
      } else {
        found.addAll(matches.getOrDefault(iri, new TreeSet<>()));
      }
    }
    return IntSet.of(found);
  }

  /** The competency the IRI names, or else the first it matches; null when none. */
  Integer one(String iri) {
    Integer own = index.get(iri);
    if (own != null) {
      return own;
    }
    TreeSet<Integer> m = matches.get(iri);
    return m == null ? null : m.first();
  }
}
