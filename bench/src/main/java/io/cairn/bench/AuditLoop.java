package io.cairn.bench;

import io.cairn.audit.AuditResult;
import io.cairn.audit.Auditor;
import io.cairn.audit.DestinationResult;
import io.cairn.audit.Holdings;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Pathway;
import io.cairn.catalog.Requirement;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.SampleData;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

/**
 * A developer's loop for the audit's latency on the embedded sample: seeded random learners for every sample
 * pathway (each holding a random share of the credentials its trees name, and of their parts), audited round after
 * round by the standard auditor and, where it exists, by the greedy baseline. Prints the CPU time per audit (the
 * machine may be shared) and, on builds that report it, how often the solver ran:
 * {@code java -cp bench/target/cairn-bench.jar io.cairn.bench.AuditLoop [LEARNERS_PER_PATHWAY] [ROUNDS] [SEED]}.
 */
public final class AuditLoop {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private AuditLoop() {}

  private record Question(Pathway pathway, Holdings holdings) {}

  public static void main(String[] args) throws Exception {
    int perPathway = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261201L;
    CatalogSnapshot snapshot;
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory())) {
      catalog.load(SampleData.sources());
      snapshot = catalog.snapshot();
    }
    List<Question> questions = questions(snapshot, perPathway, new Random(seed));
    System.err.printf("%d pathways, %d audits per round%n", snapshot.pathways().size(), questions.size());
    List<String> auditors = new ArrayList<>(List.of("standard"));
    try {
      Auditor.class.getMethod("greedy");
      auditors.add("greedy");
    } catch (NoSuchMethodException e) {
      System.err.println("(no greedy baseline on this build)");
    }
    for (String name : auditors) {
      Auditor auditor = (Auditor) Auditor.class.getMethod(name).invoke(null);
      long first = THREADS.getCurrentThreadCpuTime();
      auditor.audit(snapshot, questions.getFirst().pathway(), questions.getFirst().holdings(), List.of());
      System.err.printf("%s: first audit %.1f ms CPU (loads the solver's native library when it has one)%n", name,
          (THREADS.getCurrentThreadCpuTime() - first) / 1e6);
      for (int round = 0; round <= rounds; round++) {
        long[] cpu = new long[questions.size()];
        int solved = 0;
        int destinations = 0;
        long digest = 17;
        for (int i = 0; i < questions.size(); i++) {
          Question q = questions.get(i);
          long start = THREADS.getCurrentThreadCpuTime();
          AuditResult result = auditor.audit(snapshot, q.pathway(), q.holdings(), List.of());
          cpu[i] = THREADS.getCurrentThreadCpuTime() - start;
          for (DestinationResult d : result.destinations()) {
            destinations++;
            solved += solverRan(d) ? 1 : 0;
            digest = digest * 31 + d.status().ordinal();
          }
        }
        Stats stats = Stats.of(cpu);
        System.err.printf("%s %s: CPU per audit p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms  mean %.3f ms"
            + "  (solver on %d of %d destinations, digest %x)%n", name, round == 0 ? "warm-up " : "round " + round,
            stats.p50Ms(), stats.p90Ms(), stats.p99Ms(), stats.maxMs(), stats.meanMs(), solved, destinations, digest);
      }
    }
  }

  /** True when the destination's fit note says CP-SAT was asked (builds before the best fit have no fit). */
  private static boolean solverRan(DestinationResult d) {
    try {
      Method fit = DestinationResult.class.getMethod("fit");
      Object value = fit.invoke(d);
      return value.toString().contains("CP-SAT");
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  private static List<Question> questions(CatalogSnapshot snapshot, int perPathway, Random rnd) {
    List<Question> out = new ArrayList<>();
    for (Pathway pathway : snapshot.pathways()) {
      BitSet named = new BitSet();
      pathway.destinations().forEach(d -> {
        if (d.requirement() != null) {
          collect(d.requirement(), named);
        }
      });
      BitSet pool = (BitSet) named.clone();
      named.stream().forEach(c -> snapshot.stackedFrom(c).stream().forEach(pool::set));
      int[] candidates = pool.stream().toArray();
      for (int i = 0; i < perPathway; i++) {
        double share = rnd.nextDouble();
        BitSet held = new BitSet();
        for (int c : candidates) {
          if (rnd.nextDouble() < share) {
            held.set(c);
          }
        }
        out.add(new Question(pathway, Holdings.of(snapshot, IntSet.of(held), IntSet.empty())));
      }
    }
    return out;
  }

  private static void collect(Requirement node, BitSet named) {
    switch (node) {
      case Requirement.CredentialLeaf leaf -> named.set(leaf.credential());
      case Requirement.Condition condition -> condition.children().forEach(child -> collect(child, named));
      case Requirement.CompetencyLeaf leaf -> { }
    }
  }
}
