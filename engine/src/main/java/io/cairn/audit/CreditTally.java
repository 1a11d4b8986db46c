package io.cairn.audit;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Requirement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleToLongFunction;

/**
 * A credit rule's tally ({@link Tally#total}) as linear constraints over the leaf options below it: each whole
 * once, less what parts counted whole bring inside a whole they stack into, plus partial credit toward credentials
 * not counted whole. Quantities that help are bounded above (the objective raises them to their value); the
 * reductions, which hurt, are pinned exactly.
 */
final class CreditTally {
  private final AuditTree tree;
  private final CatalogSnapshot snapshot;
  private final CpModel model;
  private final BoolVar[][] wholes;
  private final BoolVar[][] parts;
  private final DoubleToLongFunction units;

  /** @param units converts ECTS to the model's integer unit */
  CreditTally(AuditTree tree, CpModel model, BoolVar[][] wholes, BoolVar[][] parts,
      DoubleToLongFunction units) {
    this.tree = tree;
    this.snapshot = tree.snapshot;
    this.model = model;
    this.wholes = wholes;
    this.parts = parts;
    this.units = units;
  }

  private long amount(double ects) {
    return units.applyAsLong(ects);
  }

  /** The credits (in the model's unit) that the credit rule at {@code node} counts. */
  LinearExpr of(int node) {
    List<Integer> leaves = new ArrayList<>();
    long waived = collect(node, leaves);
    Map<Integer, List<BoolVar>> wholeOptions = new TreeMap<>();
    Map<Integer, Map<Integer, List<BoolVar>>> partOptions = new TreeMap<>();
    for (int leaf : leaves) {
      AuditTree.LeafOptions options = tree.options(leaf);
      for (int i = 0; i < options.wholes().length; i++) {
        wholeOptions.computeIfAbsent(options.wholes()[i], k -> new ArrayList<>()).add(wholes[leaf][i]);
      }
      for (int i = 0; i < options.parts().length; i++) {
        partOptions.computeIfAbsent(options.target(), k -> new TreeMap<>())
            .computeIfAbsent(options.parts()[i], k -> new ArrayList<>()).add(parts[leaf][i]);
      }
    }
    Map<Integer, BoolVar> counted = new TreeMap<>();
    LinearExprBuilder total = LinearExpr.newBuilder().add(waived);
    for (Map.Entry<Integer, List<BoolVar>> entry : wholeOptions.entrySet()) {
      BoolVar any = any(entry.getValue(), "whole_" + node + "_" + entry.getKey());
      counted.put(entry.getKey(), any);
      total.addTerm(any, amount(snapshot.credential(entry.getKey()).ects()));
    }
    reductions(node, counted, total);
    partial(node, counted, partOptions, total);
    return total.build();
  }

  /** The credential leaves feeding the rule (not through a waived node) and the credits of waived nodes below. */
  private long collect(int node, List<Integer> leaves) {
    long waived = 0;
    for (int child : tree.children(node)) {
      if (tree.waived(child)) {
        waived += amount(tree.requiredCredits(child));
      } else if (tree.credentialLeaf(child)) {
        leaves.add(child);
      } else if (tree.node(child) instanceof Requirement.Condition) {
        waived += collect(child, leaves);
      }
    }
    return waived;
  }

  /** A literal true exactly when one of {@code options} is. */
  private BoolVar any(List<BoolVar> options, String name) {
    if (options.size() == 1) {
      return options.getFirst();
    }
    BoolVar any = model.newBoolVar(name);
    model.addMaxEquality(any, options.toArray(new BoolVar[0]));
    return any;
  }

  /**
   * Subtracts, for each whole C counted, min(C's ECTS, what the parts attributed to it carry inside it). A part
   * counted whole is attributed to the first whole counted in its preference order (most transfer credits, then
   * lowest index), as {@link Tally#insideOf} does.
   */
  private void reductions(int node, Map<Integer, BoolVar> counted, LinearExprBuilder total) {
    Map<Integer, LinearExprBuilder> inside = new TreeMap<>();
    for (Map.Entry<Integer, BoolVar> entry : counted.entrySet()) {
      int part = entry.getKey();
      List<Integer> into = new ArrayList<>();
      snapshot.credential(part).stacksInto().forEach(link -> {
        int whole = link.target();
        if (whole != part && counted.containsKey(whole) && snapshot.credential(part).creditsToward(whole) > 0
            && !into.contains(whole)) {
          into.add(whole);
        }
      });
      into.sort(Comparator.comparingDouble((Integer w) -> -snapshot.credential(part).creditsToward(w))
          .thenComparing(w -> w));
      List<BoolVar> earlier = new ArrayList<>();
      for (int whole : into) {
        // attributed when the part and this whole count and no earlier-preferred whole does
        BoolVar attributed = model.newBoolVar("inside_" + node + "_" + part + "_" + whole);
        LinearExprBuilder forced = LinearExpr.newBuilder().add(entry.getValue()).add(counted.get(whole)).add(-1);
        earlier.forEach(w -> forced.addTerm(w, -1));
        model.addLessOrEqual(forced, attributed);
        long carried = amount(Math.min(snapshot.credential(part).ects(), snapshot.credential(part).creditsToward(whole)));
        inside.computeIfAbsent(whole, k -> LinearExpr.newBuilder()).addTerm(attributed, carried);
        earlier.add(counted.get(whole));
      }
    }
    for (Map.Entry<Integer, LinearExprBuilder> entry : inside.entrySet()) {
      long ects = amount(snapshot.credential(entry.getKey()).ects());
      IntVar reduction = model.newIntVar(0, ects, "reduction_" + node + "_" + entry.getKey());
      model.addMinEquality(reduction, new LinearArgument[] {
          LinearExpr.constant(ects), entry.getValue().build()});
      total.addTerm(reduction, -1);
    }
  }

  /**
   * Adds, for each credential C that leaves below ask for and might not count whole, at most C's ECTS and at most
   * the transfer credits of the parts counted toward it that are not counted whole themselves.
   */
  private void partial(int node, Map<Integer, BoolVar> counted, Map<Integer, Map<Integer, List<BoolVar>>> partOptions,
      LinearExprBuilder total) {
    for (Map.Entry<Integer, Map<Integer, List<BoolVar>>> entry : partOptions.entrySet()) {
      int target = entry.getKey();
      long ects = amount(snapshot.credential(target).ects());
      IntVar toward = model.newIntVar(0, ects, "toward_" + node + "_" + target);
      LinearExprBuilder carried = LinearExpr.newBuilder();
      for (Map.Entry<Integer, List<BoolVar>> part : entry.getValue().entrySet()) {
        BoolVar used = model.newBoolVar("part_" + node + "_" + target + "_" + part.getKey());
        model.addLessOrEqual(used, LinearExpr.sum(part.getValue().toArray(new BoolVar[0])));
        BoolVar whole = counted.get(part.getKey());
        if (whole != null) {
          model.addLessOrEqual(LinearExpr.newBuilder().add(used).add(whole), 1);
        }
        carried.addTerm(used, amount(snapshot.credential(part.getKey()).creditsToward(target)));
      }
      model.addLessOrEqual(toward, carried);
      BoolVar targetWhole = counted.get(target);
      if (targetWhole != null) {
        // nothing toward a credential that counts whole
        model.addLessOrEqual(LinearExpr.newBuilder().add(toward).addTerm(targetWhole, ects), ects);
      }
      total.add(toward);
    }
  }
}
