package io.cairn.plan;

import io.cairn.audit.AdvisorException;
import io.cairn.audit.Auditor;
import io.cairn.audit.Holdings;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.CredentialFacts;
import io.cairn.catalog.Destination;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import io.cairn.catalog.Pathway;
import io.cairn.catalog.Requirement;
import io.cairn.learner.Constraints;
import io.cairn.learner.Goal;
import io.cairn.learner.ResolvedLearner;
import io.cairn.learner.UnknownReferenceException;
import io.cairn.rank.GoalTargets;
import io.cairn.rank.Recommender;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves a request and prunes the catalog to the credentials a plan may use: those teaching an unmet target (or
 * serving an open requirement of the pathway), the parts that stack into them (earning the parts may grant the
 * whole), and what their prerequisites need, a few links deep. The rest of the catalog never enters the model.
 */
final class ProblemBuilder {
  /** How many prerequisite links are followed from a candidate. */
  static final int MAX_PREREQUISITE_DEPTH = 3;
  /**
   * How many credentials teaching a prerequisite competency become candidates: the cheapest few (then the
   * shortest). A widely taught skill has hundreds of teachers, and following them all would pull in most of a
   * large catalog; a teacher that also covers a target is a candidate anyway.
   */
  static final int PREREQUISITE_TEACHERS = 3;
  private static final double EPSILON = 1e-9;

  private final Recommender recommender;
  private final Auditor auditor;
  private final Nearby nearby;

  ProblemBuilder(Recommender recommender, Auditor auditor, Nearby nearby) {
    this.recommender = recommender;
    this.auditor = auditor;
    this.nearby = nearby;
  }

  Problem build(CatalogSnapshot snapshot, PlanRequest request) {
    if (request.goal() instanceof Goal.FieldGoal) {
      throw new IllegalArgumentException("a plan needs a goal: an occupation, a pathway or a list of competencies");
    }
    ResolvedLearner learner = ResolvedLearner.resolve(snapshot, request.learner());
    GoalTargets targets = recommender.targets(snapshot, request.goal(), learner);
    IntSet include = credentials(snapshot, request.include());
    IntSet exclude = credentials(snapshot, request.exclude());
    Aim aim = aim(snapshot, request, learner, targets);
    Pool pool = new Pool(snapshot, learner, request.constraints(), include.minus(learner.credentials()), exclude);
    switch (aim) {
      case Aim.Skills skills -> {
        IntSet seeds = request.objective() == Objective.VALUE ? targets.unmet() : skills.unmet();
        seeds.stream().forEach(k -> snapshot.taughtBy(k).stream().forEach(c -> pool.add(c, 0)));
      }
      case Aim.PathwayAim pathway -> {
        for (Destination d : pathway.destinations()) {
          if (d.credential() >= 0) {
            pool.add(d.credential(), 0);
          }
          if (d.requirement() != null) {
            seedLeaves(snapshot, d.requirement(), pathway.exceptions(), pool);
          }
        }
      }
    }
    include.stream().forEach(c -> pool.add(c, 0));
    CandidatePool candidates = pool.close();
    List<NearbyOccupation> occupations = request.objective() == Objective.VALUE && aim instanceof Aim.Skills
        ? nearby.find(snapshot, learner, candidates) : List.of();
    if (aim instanceof Aim.Skills skills) {
      List<Integer> relevant = new ArrayList<>();
      (request.objective() == Objective.VALUE ? targets.unmet() : skills.unmet()).stream().forEach(relevant::add);
      occupations.forEach(o -> o.open().stream().forEach(relevant::add));
      candidates = pool.keepOnly(Dominance.undominated(snapshot, pool.members, pool.purchasable, IntSet.of(relevant),
          include, request.alternatives()));
    }
    return new Problem(snapshot, request, learner, targets, aim, include, exclude, candidates, occupations);
  }

  private Aim aim(CatalogSnapshot snapshot, PlanRequest request, ResolvedLearner learner, GoalTargets targets) {
    return switch (request.goal()) {
      case Goal.OccupationGoal g -> {
        Occupation o = snapshot.findOccupation(g.id()).orElseThrow();
        yield skills(o.essential(), learner, request.reach(), o.index());
      }
      case Goal.CompetencyGoal g -> {
        List<Integer> listed = new ArrayList<>(targets.targets().keySet());
        targets.metTargets().stream().forEach(listed::add);
        yield skills(IntSet.of(listed), learner, request.reach(), -1);
      }
      case Goal.PathwayGoal g -> pathway(snapshot, request, learner, g);
      case Goal.FieldGoal g -> throw new IllegalStateException("checked above");
    };
  }

  private static Aim.Skills skills(IntSet constrained, ResolvedLearner learner, double reach, int occupation) {
    IntSet unmet = constrained.minus(learner.competencies());
    int wanted = (int) Math.ceil(reach * constrained.size() - EPSILON);
    int required = Math.max(0, Math.min(unmet.size(), wanted - (constrained.size() - unmet.size())));
    return new Aim.Skills(constrained, unmet, required, occupation);
  }

  private Aim.PathwayAim pathway(CatalogSnapshot snapshot, PlanRequest request, ResolvedLearner learner,
      Goal.PathwayGoal goal) {
    Pathway pathway = snapshot.findPathway(goal.id()).orElseThrow();
    // the audit checks the advisor's exceptions against the pathway and names valid requirements when one is wrong
    auditor.audit(snapshot, pathway, new Holdings(learner.credentials(), learner.competencies()),
        request.exceptions());
    List<Destination> destinations;
    String asked = request.destination();
    if (asked == null) {
      destinations = List.of(pathway.destinations().stream().filter(d -> !d.offRamp()).findFirst()
          .orElse(pathway.destinations().isEmpty() ? null : pathway.destinations().getFirst()));
    } else if (asked.equalsIgnoreCase(PlanRequest.NEAREST)) {
      destinations = pathway.destinations();
    } else {
      destinations = pathway.destinations().stream().filter(d -> d.id().equals(asked) || d.iri().equals(asked))
          .toList();
      if (destinations.isEmpty()) {
        // a requirement node of a destination: plan what is left of that node alone
        return NodeAim.of(pathway, asked, request.exceptions()).orElseThrow(() -> new UnknownReferenceException(
            "destination", List.of(asked), "pathway '" + pathway.id() + "' has "
            + String.join(", ", pathway.destinations().stream().map(Destination::id).toList())
            + " (or ask for 'nearest', or name a requirement of a destination)"));
      }
    }
    if (destinations.isEmpty() || destinations.getFirst() == null) {
      throw new IllegalArgumentException("pathway '" + pathway.id() + "' has no destination to plan to");
    }
    return new Aim.PathwayAim(pathway, destinations, request.exceptions());
  }

  private static void seedLeaves(CatalogSnapshot snapshot, Requirement node, List<AdvisorException> exceptions,
      Pool pool) {
    switch (node) {
      case Requirement.Condition c -> c.children().forEach(child -> seedLeaves(snapshot, child, exceptions, pool));
      case Requirement.CompetencyLeaf leaf -> snapshot.taughtBy(leaf.competency()).stream()
          .forEach(t -> pool.add(t, 0));
      case Requirement.CredentialLeaf leaf -> {
        pool.add(leaf.credential(), 0);
        for (AdvisorException e : exceptions) {
          if (e.kind() == AdvisorException.Kind.SUBSTITUTE
              && (e.requirement().equals(leaf.id()) || e.requirement().equals(leaf.iri()))) {
            pool.add(e.substitute(), 0);
          }
        }
      }
    }
  }

  private static IntSet credentials(CatalogSnapshot snapshot, List<String> ids) {
    List<Integer> found = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String id : ids) {
      snapshot.findCredential(id).ifPresentOrElse(c -> found.add(c.index()), () -> unknown.add(id));
    }
    if (!unknown.isEmpty()) {
      throw new UnknownReferenceException("credential", unknown, "list valid ones with GET /api/credentials");
    }
    return IntSet.of(found);
  }

  /**
   * True when {@code credential} fits the constraints that apply to each credential bought: its mode, credit and
   * EQF level. The budget and hours apply to the plan's totals, in the model.
   */
  static boolean fits(CredentialFacts facts, int credential, Constraints constraints) {
    return constraints.allowsMode(facts.mode(credential))
        && (!constraints.creditBearingOnly() || facts.creditBearing(credential))
        && facts.eqfLevel(credential) <= constraints.maxEqfLevel();
  }

  /** {@link #fits} and, alone, within the budget and hours of {@code constraints}. */
  static boolean fitsWithin(CredentialFacts facts, int credential, Constraints constraints) {
    return fits(facts, credential, constraints)
        && facts.cost(credential) <= constraints.maxCost() + EPSILON
        && facts.hours(credential) <= constraints.maxHours() + EPSILON;
  }

  /** The pool while it grows: seeds, then the parts of wholes, then prerequisites, breadth first. */
  private static final class Pool {
    private final CatalogSnapshot snapshot;
    private final ResolvedLearner learner;
    private final Constraints constraints;
    private final IntSet include;
    private final IntSet exclude;
    private final BitSet members = new BitSet();
    private final BitSet purchasable = new BitSet();
    private final BitSet hasParts = new BitSet();
    private final Map<Integer, Integer> depth = new HashMap<>();
    private final Deque<Integer> queue = new ArrayDeque<>();

    Pool(CatalogSnapshot snapshot, ResolvedLearner learner, Constraints constraints, IntSet include,
        IntSet exclude) {
      this.snapshot = snapshot;
      this.learner = learner;
      this.constraints = constraints;
      this.include = include;
      this.exclude = exclude;
    }

    void add(int c, int level) {
      if (members.get(c) || learner.credentials().contains(c) || exclude.contains(c)) {
        return;
      }
      boolean buyable = include.contains(c) || fits(snapshot.facts(), c, constraints);
      boolean parts = !snapshot.stackedFrom(c).isEmpty();
      if (!buyable && !parts) {
        return;
      }
      members.set(c);
      if (buyable) {
        purchasable.set(c);
      }
      if (parts) {
        hasParts.set(c);
      }
      depth.put(c, level);
      queue.add(c);
    }

    /** The cheapest few usable teachers of {@code competency}, then the shortest, then by index. */
    private List<Integer> cheapestTeachers(int competency) {
      CredentialFacts facts = snapshot.facts();
      return snapshot.taughtBy(competency).stream()
          .filter(t -> !exclude.contains(t) && (include.contains(t) || fits(facts, t, constraints)))
          .boxed()
          .sorted(java.util.Comparator.<Integer>comparingDouble(facts::cost).thenComparingDouble(facts::hours)
              .thenComparingInt(t -> t))
          .limit(PREREQUISITE_TEACHERS)
          .toList();
    }

    CandidatePool close() {
      while (!queue.isEmpty()) {
        int c = queue.poll();
        int level = depth.get(c);
        // earning the parts may grant the whole: they are candidates as soon as the whole is
        snapshot.stackedFromClosure(c).stream().forEach(p -> add(p, level));
        if (level >= MAX_PREREQUISITE_DEPTH || !snapshot.facts().hasPrerequisites(c)) {
          continue;
        }
        Credential credential = snapshot.credential(c);
        credential.requiredCredentials().stream().forEach(p -> add(p, level + 1));
        credential.requiredCompetencies().minus(learner.competencies()).stream()
            .forEach(k -> cheapestTeachers(k).forEach(t -> add(t, level + 1)));
      }
      return new CandidatePool(members, purchasable, hasParts);
    }

    /** The pool restricted to {@code kept}. */
    CandidatePool keepOnly(BitSet kept) {
      BitSet m = (BitSet) members.clone();
      m.and(kept);
      return new CandidatePool(m, purchasable, hasParts);
    }
  }
}
