package io.cairn.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.catalog.Requirement;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.graph.compose.MultiUnion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A load that only adds triples has its chains checked from what it touches ({@link ChainCheck#checkAdded}) rather
 * than over every link of the store ({@link ChainCheck#check}): over seeded stores with no chain too long and no
 * cycle, and seeded additions that lengthen chains past the limit, close cycles (through old nodes, new ones, and
 * link nodes shared by several links), give a condition tree of shared conditions too many requirements, or break
 * nothing, both find the same chains too long or too large at the same nodes, and a cycle exactly when the other
 * does. Every failure message starts with the seed.
 */
class ChainCheckProperties {
  private static final String CETERMS = "https://purl.org/ctdl/terms/";
  private static final String CAIRN = "https://w3id.org/cairn/ns#";

  static Stream<Arguments> seeds() {
    return LongStream.range(0, 300).map(i -> 0xC4A1L + i * 6007).mapToObj(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void checkingWhatALoadAddsFindsWhatCheckingTheWholeStoreFinds(long seed) {
    Random random = new Random(seed);
    int kind = random.nextInt(3);
    Graph base = GraphFactory.createDefaultGraph();
    int n = 10 + random.nextInt(120);
    // links from a node to one of a higher rank only: no cycle, no chain longer than the ranks
    int[] rank = random.ints(n, 0, 8).toArray();
    for (int tries = 0; tries < 2 * n; tries++) {
      int from = random.nextInt(n);
      int to = random.nextInt(n);
      if (rank[from] < rank[to]) {
        link(base, kind, node(from), node(to), random);
      }
    }
    // a spine of links near the limit, from an old node down: what is added below it makes it too long, found only
    // by walking up from the addition (through groups, for conditions)
    int spine = Requirement.MAX_NESTING - 8 - random.nextInt(4);
    link(base, kind, node(random.nextInt(n)), spine(0), random);
    for (int i = 0; i < spine - 1; i++) {
      link(base, kind, spine(i), spine(i + 1), random);
    }
    // and a chain at the limit on its own: an old node a new link can hang under a group
    for (int i = 0; i < Requirement.MAX_NESTING; i++) {
      base.add(deep(i), NodeFactory.createURI(CETERMS + "hasCondition"), deep(i + 1));
    }
    if (!ChainCheck.check(base).isEmpty()) {
      return; // the property is about stores that passed
    }
    Graph added = GraphFactory.createDefaultGraph();
    switch (random.nextInt(6)) {
      case 5 -> { // below the spine's end
        Node previous = spine(spine - 1);
        for (int i = 4 + random.nextInt(8); i >= 0; i--) {
          Node next = NodeFactory.createURI("https://example.org/below/" + i);
          link(added, kind, previous, next, random);
          previous = next;
        }
      }
      case 0 -> { // a long new chain hung under (or over) an old node
        int length = Requirement.MAX_NESTING - 5 + random.nextInt(10);
        Node previous = node(random.nextInt(n));
        for (int i = 0; i < length; i++) {
          Node next = NodeFactory.createURI("https://example.org/new/" + i);
          if (random.nextBoolean()) {
            link(added, kind, previous, next, random);
          } else {
            link(added, kind, next, previous, random);
          }
          previous = next;
        }
      }
      case 1 -> { // a link back: a cycle when the target reaches the source
        int a = random.nextInt(n);
        link(added, kind, node(a + random.nextInt(Math.max(1, n - a))), node(a), random);
      }
      case 2 -> { // a second target for a link node the store has; for conditions, a new one in a group it has
        List<Node> groups = base.find(Node.ANY, NodeFactory.createURI(CETERMS + "hasCondition"), Node.ANY)
            .mapWith(t -> t.getSubject()).filterKeep(g -> g.getURI().endsWith("/group")).toList();
        if (kind == 0 && !groups.isEmpty() && random.nextBoolean()) {
          // one triple: the group's conditions now include an old chain at the limit, so does every condition
          // that targets the group, one level deeper
          added.add(groups.get(random.nextInt(groups.size())), NodeFactory.createURI(CETERMS + "hasCondition"),
              deep(0));
        } else if (kind == 0 && !groups.isEmpty()) {
          Node previous = groups.get(random.nextInt(groups.size()));
          for (int i = 30 + random.nextInt(10); i >= 0; i--) {
            Node next = NodeFactory.createURI("https://example.org/in-group/" + i);
            added.add(previous, NodeFactory.createURI(CETERMS + "hasCondition"), next);
            previous = next;
          }
        }
        List<Node> vias = base.find(Node.ANY, kind == 1 ? stacksInto() : requires(), Node.ANY)
            .mapWith(t -> t.getObject()).toList();
        if (kind != 0 && !vias.isEmpty()) {
          added.add(vias.get(random.nextInt(vias.size())), kind == 1 ? stackTarget() : targetCredential(),
              node(random.nextInt(n)));
        }
      }
      case 3 -> { // shared conditions: a few levels of two, each nesting both of the next
        int levels = 5 + random.nextInt(12);
        Node top = node(random.nextInt(n));
        List<Node> above = List.of(top);
        for (int level = 0; level < levels; level++) {
          List<Node> here = List.of(NodeFactory.createURI("https://example.org/d/" + level + "a"),
              NodeFactory.createURI("https://example.org/d/" + level + "b"));
          for (Node parent : above) {
            for (Node child : here) {
              link(added, kind, parent, child, random);
            }
          }
          above = here;
        }
      }
      default -> { // a few random links among old nodes
        for (int i = random.nextInt(4); i >= 0; i--) {
          link(added, kind, node(random.nextInt(n)), node(random.nextInt(n)), random);
        }
      }
    }
    MultiUnion store = new MultiUnion();
    store.addGraph(base);
    store.addGraph(added);
    List<Violation> whole = ChainCheck.check(store);
    List<Violation> fromAdded = ChainCheck.checkAdded(store, List.of(added));
    String at = "seed=" + seed + " kind=" + kind + ": ";
    assertEquals(withoutCycles(whole), withoutCycles(fromAdded), at + "chains too long or too large");
    assertEquals(cycleKinds(whole), cycleKinds(fromAdded), at + "cycles");
  }

  /** A link of the kind: a condition nesting another (now and then through a group), a stacking, a prerequisite. */
  private static void link(Graph g, int kind, Node from, Node to, Random random) {
    switch (kind) {
      case 0 -> {
        if (random.nextInt(4) == 0) {
          Node group = NodeFactory.createURI(to.getURI() + "/group");
          g.add(from, NodeFactory.createURI(CETERMS + "targetComponent"), group);
          g.add(group, NodeFactory.createURI(CETERMS + "hasCondition"), to);
        } else {
          g.add(from, NodeFactory.createURI(CETERMS + "hasCondition"), to);
        }
        if (random.nextInt(3) == 0) {
          g.add(to, NodeFactory.createURI(CETERMS + "targetComponent"), NodeFactory.createURI("https://example.org/leaf"));
        }
      }
      case 1 -> {
        Node via = NodeFactory.createBlankNode();
        g.add(from, stacksInto(), via);
        g.add(via, stackTarget(), to);
      }
      default -> {
        Node via = NodeFactory.createBlankNode();
        g.add(from, requires(), via);
        g.add(via, targetCredential(), to);
      }
    }
  }

  private static List<String> withoutCycles(List<Violation> violations) {
    return violations.stream().filter(v -> !v.message().contains("cannot"))
        .map(v -> v.focusNode() + " " + v.message()).sorted().toList();
  }

  private static String cycleKinds(List<Violation> violations) {
    return violations.stream().filter(v -> v.message().contains("cannot")).map(Violation::message).distinct()
        .sorted().collect(Collectors.joining(" | "));
  }

  private static Node deep(int i) {
    return NodeFactory.createURI("https://example.org/deep/" + i);
  }

  private static Node spine(int i) {
    return NodeFactory.createURI("https://example.org/spine/" + i);
  }

  private static Node node(int i) {
    return NodeFactory.createURI("https://example.org/n/" + i);
  }

  private static Node stacksInto() {
    return NodeFactory.createURI(CAIRN + "stacksInto");
  }

  private static Node stackTarget() {
    return NodeFactory.createURI(CAIRN + "stackTarget");
  }

  private static Node requires() {
    return NodeFactory.createURI(CETERMS + "requires");
  }

  private static Node targetCredential() {
    return NodeFactory.createURI(CETERMS + "targetCredential");
  }
}
