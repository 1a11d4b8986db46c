package io.cairn.plan;

import io.cairn.audit.AdvisorException;
import io.cairn.audit.AuditResult;
import io.cairn.audit.DestinationResult;
import io.cairn.audit.NodeResult;
import io.cairn.audit.Status;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Pathway;
import io.cairn.learner.Goal;
import io.cairn.learner.Learner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What is left to finish a pathway, by the planner's measure: the cheapest plan from the learner's holdings (and
 * the advisor's exceptions) to the pathway's final destination, and the cheapest plan to finish each open
 * requirement node on its own. Comparing pathways by what is left, not by status, is what an advisor weighs.
 *
 * @param pathway the cheapest plan to the pathway's final destination (no steps when it is already reached)
 * @param nodes for each requirement node not satisfied (by id, in tree order, at most {@value #MAX_NODES}), the
 *     cheapest plan to satisfy that node alone
 */
public record WhatIsLeft(Plans pathway, Map<String, Plans> nodes) {

  /** At most this many open nodes get a plan of their own: each is a planner run. */
  public static final int MAX_NODES = 60;

  public WhatIsLeft {
    nodes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
  }

  /**
   * Plans what is left of {@code pathway} for {@code learner}, whose audit is {@code audit}.
   *
   * @param learner the learner as verified (presented credentials already checked)
   */
  public static WhatIsLeft of(Planner planner, CatalogSnapshot snapshot, Learner learner, Pathway pathway,
      AuditResult audit, List<AdvisorException> exceptions) {
    PlanRequest whole = PlanRequest.of(learner, new Goal.PathwayGoal(pathway.id())).withExceptions(exceptions);
    List<NodeResult> open = new ArrayList<>();
    for (DestinationResult d : audit.destinations()) {
      if (d.tree() != null && d.status() != Status.SATISFIED) {
        collect(d.tree(), open);
      }
    }
    List<NodeResult> shown = open.subList(0, Math.min(open.size(), MAX_NODES));
    // leaves asking for the same credential or skill have the same answer: planned once, the first one named
    Map<String, NodeResult> planned = new LinkedHashMap<>();
    for (NodeResult n : shown) {
      planned.putIfAbsent(key(n), n);
    }
    // index 0 plans the pathway, then one plan per distinct open node; the runs are independent and the planner is
    // thread-safe, so an advisor waits for about the slowest few, not for the sum
    List<NodeResult> distinct = List.copyOf(planned.values());
    Plans[] plans = new Plans[distinct.size() + 1];
    IntStream.rangeClosed(0, distinct.size()).parallel().forEach(i -> plans[i] = planner.plan(snapshot,
        i == 0 ? whole : whole.withDestination(distinct.get(i - 1).id())));
    Map<String, Plans> byKey = new LinkedHashMap<>();
    for (int i = 0; i < distinct.size(); i++) {
      byKey.put(key(distinct.get(i)), plans[i + 1]);
    }
    Map<String, Plans> nodes = new LinkedHashMap<>();
    for (NodeResult n : shown) {
      nodes.putIfAbsent(n.id(), byKey.get(key(n)));
    }
    return new WhatIsLeft(plans[0], nodes);
  }

  /** Open nodes, parents before their children, each id once; descent stops at satisfied nodes. */
  private static void collect(NodeResult node, List<NodeResult> into) {
    if (node.status() == Status.SATISFIED) {
      return;
    }
    if (into.stream().noneMatch(n -> n.id().equals(node.id()))) {
      into.add(node);
    }
    node.children().forEach(child -> collect(child, into));
  }

  private static String key(NodeResult n) {
    return n.leaf() ? n.kind() + ' ' + n.target() : n.id();
  }
}
