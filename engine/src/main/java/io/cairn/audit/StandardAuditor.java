package io.cairn.audit;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Destination;
import io.cairn.catalog.Pathway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Audits each destination independently, every one starting from the learner's full holdings: the greedy
 * assignment first, then (for the best fit) the solver when the greedy answer falls short of what any assignment
 * could reach.
 */
final class StandardAuditor implements Auditor {
  static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(1);
  static final StandardAuditor BEST_FIT = new StandardAuditor(true, DEFAULT_TIME_LIMIT, OrTools::load);
  static final StandardAuditor GREEDY = new StandardAuditor(false, DEFAULT_TIME_LIMIT, OrTools::load);

  private final boolean bestFit;
  private final Duration timeLimit;
  private final Supplier<Optional<String>> solver;

  /**
   * @param solver loads the solver: empty when it can run, otherwise why it cannot
   */
  StandardAuditor(boolean bestFit, Duration timeLimit, Supplier<Optional<String>> solver) {
    this.bestFit = bestFit;
    this.timeLimit = Objects.requireNonNull(timeLimit, "timeLimit");
    this.solver = solver;
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("the best fit's time limit must be positive, got " + timeLimit);
    }
  }

  @Override
  public AuditResult audit(
      CatalogSnapshot snapshot, Pathway pathway, Holdings holdings, List<AdvisorException> exceptions) {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(pathway, "pathway");
    Objects.requireNonNull(holdings, "holdings");
    Holdings.checkRange(holdings.credentials(), snapshot.credentials().size(), "credential");
    Holdings.checkRange(holdings.competencies(), snapshot.competencies().size(), "competency");
    ExceptionBook book = ExceptionBook.resolve(snapshot, pathway, exceptions == null ? List.of() : exceptions);
    List<DestinationResult> destinations = new ArrayList<>();
    Status best = Status.MISSING;
    for (Destination destination : pathway.destinations()) {
      DestinationResult result = destination(snapshot, destination, holdings, book);
      destinations.add(result);
      best = best.best(result.status());
    }
    return new AuditResult(pathway.index(), best, destinations);
  }

  private DestinationResult destination(
      CatalogSnapshot snapshot, Destination destination, Holdings holdings, ExceptionBook book) {
    NodeResult tree = null;
    Fit fit = new Fit(bestFit ? Fit.Method.BEST_FIT : Fit.Method.GREEDY, true,
        "No requirement tree: nothing to assign.", List.of());
    if (destination.requirement() != null) {
      Assigned assigned = assign(AuditTree.of(snapshot, holdings, book, destination.requirement()));
      tree = assigned.evaluated().root();
      fit = assigned.fit();
    }
    boolean alreadyHeld = destination.credential() >= 0 && holdings.credentials().contains(destination.credential());
    Status status = alreadyHeld ? Status.SATISFIED : tree == null ? Status.MISSING : tree.status();
    return new DestinationResult(destination.iri(), destination.id(), destination.name(), destination.credential(),
        destination.offRamp(), status, alreadyHeld, tree, fit);
  }

  private record Assigned(AssignmentEvaluator.Evaluated evaluated, Fit fit) {}

  private Assigned assign(AuditTree tree) {
    Use[] greedy = GreedyPass.assign(tree);
    AssignmentEvaluator.Evaluated greedyResult = AssignmentEvaluator.evaluate(tree, greedy);
    if (!bestFit) {
      return new Assigned(greedyResult, new Fit(Fit.Method.GREEDY, false,
          "Greedy assignment: holdings go to requirements in declared order (the baseline).", List.of()));
    }
    if (!AssignmentEvaluator.bound(tree).betterThan(greedyResult.score())) {
      return new Assigned(greedyResult, new Fit(Fit.Method.BEST_FIT, true,
          "Best fit: the greedy assignment already reaches what any assignment could.", List.of()));
    }
    Optional<String> unavailable = solver.get();
    if (unavailable.isPresent()) {
      return new Assigned(greedyResult, new Fit(Fit.Method.GREEDY, false, "Best fit unavailable: "
          + unavailable.get() + "; showing the greedy assignment, which another assignment might improve.",
          List.of()));
    }
    BestFitModel.Outcome outcome;
    try {
      outcome = new BestFitModel(tree, greedy).solve(timeLimit.toNanos() / 1e9);
    } catch (ArithmeticException e) {
      return new Assigned(greedyResult, new Fit(Fit.Method.GREEDY, false, "Best fit unavailable: the tree is too "
          + "large for the solver's objective; showing the greedy assignment.", List.of()));
    }
    AssignmentEvaluator.Evaluated solved = outcome.uses().map(uses -> AssignmentEvaluator.evaluate(tree, uses))
        .orElse(null);
    String proof = outcome.optimal() ? "proven optimal by CP-SAT"
        : "the best CP-SAT found within its " + timeLimit.toMillis() + " ms limit (" + outcome.status()
            + "), not proven optimal";
    if (solved == null || !solved.score().betterThan(greedyResult.score())) {
      return new Assigned(greedyResult, new Fit(Fit.Method.BEST_FIT, outcome.optimal(),
          "Best fit: the greedy assignment (" + proof + ").", List.of()));
    }
    List<Reassignment> changes = Reassignments.between(tree, greedy, greedyResult, outcome.uses().get(), solved);
    int gained = solved.score().satisfied() - greedyResult.score().satisfied();
    String gain = solved.score().rootRank() > greedyResult.score().rootRank()
        ? "the destination's requirements read " + solved.root().status() + " instead of "
            + greedyResult.root().status()
        : gained > 0 ? gained + " more requirement" + (gained == 1 ? "" : "s") + " satisfied than greedy"
        : "more credits where they are still asked for than greedy";
    return new Assigned(solved, new Fit(Fit.Method.BEST_FIT, outcome.optimal(),
        "Best fit: " + gain + ", by assigning holdings differently (" + proof + ").",
        changes));
  }
}
