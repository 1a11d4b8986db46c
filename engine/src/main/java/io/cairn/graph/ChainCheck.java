package io.cairn.graph;

import io.cairn.catalog.Requirement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The rules on chains that SHACL cannot check in reasonable time: requirement trees nest conditions at most
 * {@link Requirement#MAX_NESTING} deep and hold at most {@link Requirement#MAX_TREE_SIZE} requirements once
 * conditions shared by several parents are spelled out (64 conditions, each nesting the next two, spell out to
 * 2^32), stacking and prerequisite chains are at most {@code MAX_NESTING} links long, and none of the three has a
 * cycle. One depth-first pass over the links, linear in their number: a SPARQL property path per node is
 * quadratic on a long chain (a 20,000-deep tree took minutes to validate), and the snapshot compiler and the
 * auditor, which walk trees recursively, rely on these bounds. Runs before the shapes, so a hostile file is
 * refused before they start.
 */
final class ChainCheck {
  private static final String CETERMS = "https://purl.org/ctdl/terms/";
  private static final String CAIRN = "https://w3id.org/cairn/ns#";
  private static final int CYCLE = Integer.MAX_VALUE;
  private static final long SIZE_CAP = 1L << 40;

  /** A kind of chain: which links make it and what to say about it. */
  enum Chain {
    CONDITIONS(CETERMS + "hasCondition", CETERMS + "targetComponent", "<" + CETERMS + "hasCondition>", "This requirement tree nests conditions %,d deep (a chain of"
        + " ceterms:hasCondition links); Cairn accepts at most %d: flatten nested conditions or split the tree.",
        "A condition cannot contain itself (a cycle of ceterms:hasCondition)."),
    STACKING(CAIRN + "stacksInto", CAIRN + "stackTarget", "<" + CAIRN + "stacksInto>/<" + CAIRN + "stackTarget>", "This credential starts a chain of %,d"
        + " stacking links (cairn:stacksInto); Cairn accepts at most %d.",
        "A credential cannot stack into itself, directly or through a chain of stacking links."),
    PREREQUISITES(CETERMS + "requires", CETERMS + "targetCredential",
        "<" + CETERMS + "requires>/<" + CETERMS + "targetCredential>", "This credential starts a chain"
        + " of %,d prerequisites (ceterms:requires/ceterms:targetCredential); Cairn accepts at most %d.",
        "A credential cannot require itself, directly or through a chain of prerequisites.");

    /**
     * The two predicates of a link: for the stacking and prerequisite chains a link is {@code s first ?x . ?x
     * second o}; for conditions {@code first} is the link and {@code second} leads to a group whose conditions
     * nest as well (see {@link #conditionLinks}).
     */
    final Node first;
    final Node second;
    final String path;
    final String tooLong;
    final String cycle;

    Chain(String first, String second, String path, String tooLong, String cycle) {
      this.first = NodeFactory.createURI(first);
      this.second = NodeFactory.createURI(second);
      this.path = path;
      this.tooLong = tooLong;
      this.cycle = cycle;
    }
  }

  private ChainCheck() {}

  /** Every chain in {@code data} that is too long (reported at its start) or closes a cycle. */
  static List<Violation> check(Graph data) {
    List<Violation> violations = new ArrayList<>();
    Map<Node, Long> leaves = new HashMap<>();
    data.find(Node.ANY, NodeFactory.createURI(CETERMS + "targetComponent"), Node.ANY).forEachRemaining(t ->
        leaves.merge(t.getSubject(), 1L, Long::sum));
    for (Chain chain : Chain.values()) {
      Map<Node, List<Node>> links = switch (chain) {
        case CONDITIONS -> conditionLinks(data);
        case STACKING -> twoStep(data, CAIRN + "stacksInto", CAIRN + "stackTarget");
        case PREREQUISITES -> twoStep(data, CETERMS + "requires", CETERMS + "targetCredential");
      };
      Set<Node> linkedTo = new HashSet<>();
      links.values().forEach(linkedTo::addAll);
      violations.addAll(check(data, chain, links.keySet(), node -> links.getOrDefault(node, List.of()),
          node -> !linkedTo.contains(node) && links.containsKey(node),
          chain == Chain.CONDITIONS ? node -> leaves.getOrDefault(node, 0L) : null));
    }
    return violations;
  }

  /**
   * The chains of {@code data} that {@code added} (graphs {@code data} includes) lengthens, grows or closes, when
   * {@code data} without them held none too long and no cycle (every write is checked, so a store always does):
   * only the nodes the added triples link from and those upstream of them, found by index lookups, so a load's
   * check costs in proportion to what it touches, not to the store (a one-triple load on a store of a million
   * credentials walked every link of it, 17 s). Gives what {@link #check} gives on {@code data}, the node a cycle
   * is reported at aside (it depends on where the walk enters the cycle).
   */
  static List<Violation> checkAdded(Graph data, List<Graph> added) {
    List<Violation> violations = new ArrayList<>();
    for (Chain chain : Chain.values()) {
      LazyChainLinks links = new LazyChainLinks(data, chain);
      Set<Node> upstream = links.upstream(links.seeds(added));
      violations.addAll(check(data, chain, upstream, links::next,
          node -> links.previous(node).isEmpty() && !links.next(node).isEmpty(),
          chain == Chain.CONDITIONS ? links::leaves : null));
    }
    return violations;
  }

  /**
   * The links that nest conditions: {@code ceterms:hasCondition}, and from a condition to the conditions of a
   * group it targets ({@code ceterms:targetComponent} a {@code ceterms:BasicComponent} with a condition of its own,
   * which the standards' pathways use), since the tree nests through the group just the same; the group itself is
   * no level, as the snapshot compiler counts it.
   */
  private static Map<Node, List<Node>> conditionLinks(Graph data) {
    Map<Node, List<Node>> links = direct(data, CETERMS + "hasCondition");
    Node target = NodeFactory.createURI(CETERMS + "targetComponent");
    Map<Node, List<Node>> viaGroups = new LinkedHashMap<>();
    data.find(Node.ANY, target, Node.ANY).forEachRemaining(t -> {
      List<Node> groupConditions = links.get(t.getObject());
      if (groupConditions != null) {
        viaGroups.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).addAll(groupConditions);
      }
    });
    viaGroups.forEach((condition, conditions) -> links.computeIfAbsent(condition, k -> new ArrayList<>())
        .addAll(conditions));
    return links;
  }

  private static Map<Node, List<Node>> direct(Graph data, String predicate) {
    Map<Node, List<Node>> links = new LinkedHashMap<>();
    data.find(Node.ANY, NodeFactory.createURI(predicate), Node.ANY).forEachRemaining(t ->
        links.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t.getObject()));
    return links;
  }

  /** Links from a subject through an intermediate node ({@code s first ?x . ?x second o}). */
  private static Map<Node, List<Node>> twoStep(Graph data, String first, String second) {
    Map<Node, List<Node>> links = new LinkedHashMap<>();
    Node secondNode = NodeFactory.createURI(second);
    data.find(Node.ANY, NodeFactory.createURI(first), Node.ANY).forEachRemaining(t ->
        data.find(t.getObject(), secondNode, Node.ANY).forEachRemaining(u ->
            links.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(u.getObject())));
    return links;
  }

  /** One frame of the explicit depth-first stack: a node and how many of its links were followed. */
  private static final class Frame {
    final Node node;
    final List<Node> next;
    int followed;
    boolean closesCycle;

    Frame(Node node, List<Node> next) {
      this.node = node;
      this.next = next;
    }
  }

  /**
   * The walk from each of {@code starts}: heights and tree sizes below every node reached, cycles where the walk
   * meets its own path; too long or too large is reported at the nodes {@code reportable} accepts (the chains'
   * starts).
   *
   * @param leaves how many leaves each node has besides its links, to count the requirements of the tree a node
   *     spells out to; null when that size is not bounded
   */
  private static List<Violation> check(Graph data, Chain chain, Iterable<Node> starts,
      Function<Node, List<Node>> links, Predicate<Node> reportable, ToLongFunction<Node> leaves) {
    // height: links in the longest chain below a node, CYCLE when a cycle is reachable from it; size: the nodes
    // and leaves of the tree it spells out to (capped, so a DAG of 2^64 cannot overflow it)
    Map<Node, Integer> height = new HashMap<>();
    Map<Node, Long> size = new HashMap<>();
    Set<Node> onPath = new HashSet<>();
    Set<Node> cycleEntries = new java.util.LinkedHashSet<>();
    for (Node start : starts) {
      if (height.containsKey(start)) {
        continue;
      }
      Deque<Frame> path = new ArrayDeque<>();
      path.push(new Frame(start, links.apply(start)));
      onPath.add(start);
      while (!path.isEmpty()) {
        Frame top = path.peek();
        if (top.followed < top.next.size()) {
          Node next = top.next.get(top.followed++);
          if (onPath.contains(next)) {
            top.closesCycle = true;
            cycleEntries.add(next);
          } else if (!height.containsKey(next)) {
            path.push(new Frame(next, links.apply(next)));
            onPath.add(next);
          }
          continue;
        }
        int h = top.closesCycle ? CYCLE : 0;
        long nodes = 1 + (leaves == null ? 0 : leaves.applyAsLong(top.node));
        for (Node next : top.next) {
          Integer below = height.get(next);
          if (below != null) {
            h = below == CYCLE || h == CYCLE ? CYCLE : Math.max(h, below + 1);
            nodes = Math.min(SIZE_CAP, nodes + size.get(next));
          }
        }
        height.put(top.node, h);
        size.put(top.node, nodes);
        onPath.remove(top.node);
        path.pop();
      }
    }
    List<Violation> violations = new ArrayList<>();
    for (Node node : cycleEntries) {
      violations.add(ShapeValidator.violation(data, node, chain.path, "", "Violation", chain.cycle));
    }
    for (Map.Entry<Node, Integer> e : height.entrySet()) {
      int h = e.getValue();
      if (h == CYCLE || !reportable.test(e.getKey())) {
        continue;
      }
      if (h > Requirement.MAX_NESTING) {
        violations.add(ShapeValidator.violation(data, e.getKey(), chain.path, Integer.toString(h), "Violation",
            String.format(Locale.ROOT, chain.tooLong, h, Requirement.MAX_NESTING)));
      } else if (leaves != null && size.get(e.getKey()) > Requirement.MAX_TREE_SIZE) {
        long n = size.get(e.getKey());
        violations.add(ShapeValidator.violation(data, e.getKey(), chain.path, Long.toString(n), "Violation",
            String.format(Locale.ROOT, "This requirement tree holds %s requirements once the conditions it shares"
                + " between parents are spelled out in each place; Cairn accepts at most %,d: share fewer nested"
                + " conditions or split the tree.", n >= SIZE_CAP ? "billions of" : String.format(Locale.ROOT,
                    "%,d", n), Requirement.MAX_TREE_SIZE)));
      }
    }
    violations.sort(java.util.Comparator.comparing(Violation::focusNode));
    return violations;
  }
}
