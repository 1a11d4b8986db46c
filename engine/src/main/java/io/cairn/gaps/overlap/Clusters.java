package io.cairn.gaps.overlap;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.IntSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Joins near-duplicate pairs into clusters (connected components, by union-find) and names their best members. */
final class Clusters {
  private final CatalogSnapshot snapshot;

  Clusters(CatalogSnapshot snapshot) {
    this.snapshot = snapshot;
  }

  List<OverlapCluster> of(List<OverlapPair> pairs) {
    Map<Integer, Integer> parent = new HashMap<>();
    for (OverlapPair p : pairs) {
      union(parent, p.a(), p.b());
    }
    Map<Integer, List<Integer>> components = new HashMap<>();
    for (Integer c : parent.keySet()) {
      components.computeIfAbsent(find(parent, c), r -> new ArrayList<>()).add(c);
    }
    List<OverlapCluster> clusters = new ArrayList<>();
    for (List<Integer> members : components.values()) {
      clusters.add(cluster(IntSet.of(members)));
    }
    clusters.sort(Comparator.<OverlapCluster>comparingInt(c -> -c.members().size())
        .thenComparingInt(c -> c.members().get(0)));
    return clusters;
  }

  private OverlapCluster cluster(IntSet members) {
    Map<Integer, Integer> counts = new HashMap<>();
    members.stream().forEach(m -> snapshot.credential(m).teaches().stream().forEach(k -> counts.merge(k, 1, Integer::sum)));
    List<Integer> core = new ArrayList<>();
    counts.forEach((k, n) -> {
      if (2 * n >= members.size()) {
        core.add(k);
      }
    });
    int cheapest = -1;
    int shortest = -1;
    for (int i = 0; i < members.size(); i++) {
      Credential c = snapshot.credential(members.get(i));
      if (c.costKnown() && (cheapest < 0 || before(c, snapshot.credential(cheapest), true))) {
        cheapest = c.index();
      }
      if (c.workloadKnown() && (shortest < 0 || before(c, snapshot.credential(shortest), false))) {
        shortest = c.index();
      }
    }
    return new OverlapCluster(members, IntSet.of(core), cheapest, shortest);
  }

  /** True when {@code c} beats {@code best}: on cost then hours, or on hours then cost. */
  private static boolean before(Credential c, Credential best, boolean costFirst) {
    int first = costFirst ? Double.compare(c.cost(), best.cost()) : Double.compare(c.hours(), best.hours());
    int second = costFirst ? Double.compare(c.hours(), best.hours()) : Double.compare(c.cost(), best.cost());
    return first < 0 || first == 0 && second < 0;
  }

  private static int find(Map<Integer, Integer> parent, int x) {
    int root = x;
    while (parent.get(root) != root) {
      root = parent.get(root);
    }
    while (parent.get(x) != root) {
      int next = parent.get(x);
      parent.put(x, root);
      x = next;
    }
    return root;
  }

  private static void union(Map<Integer, Integer> parent, int a, int b) {
    parent.putIfAbsent(a, a);
    parent.putIfAbsent(b, b);
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent.put(Math.max(ra, rb), Math.min(ra, rb));
    }
  }
}
