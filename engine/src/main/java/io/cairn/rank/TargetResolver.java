package io.cairn.rank;

import io.cairn.audit.AuditResult;
import io.cairn.audit.OpenLeaf;
import io.cairn.audit.Auditor;
import io.cairn.audit.Holdings;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import io.cairn.catalog.Pathway;
import io.cairn.catalog.PathwaySkills;
import io.cairn.learner.Goal;
import io.cairn.learner.ResolvedLearner;
import io.cairn.learner.UnknownReferenceException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a goal into weighted competency targets (and, for a pathway, its audit). */
final class TargetResolver {
  /** Optional skills matter, but less than essential ones. */
  static final double OPTIONAL_FACTOR = 0.4;
  /** The kind of a goal-free (field-only) goal's targets. */
  static final String FIELD_KIND = "field";
  /** How many of the model's next skills a goal-free goal aims at. */
  static final int FIELD_TARGETS = 30;
  /** The least weight a model-chosen target gets, so that every target counts for something. */
  private static final double MIN_FIELD_WEIGHT = 0.01;

  private final Auditor auditor;
  private final SkillValueSource values;
  // the occupations' targets of the snapshot last asked about; a new snapshot replaces them
  private volatile OccupationTargets occupations;

  /** A resolver without a skill-value model: goal-free goals are refused. */
  TargetResolver(Auditor auditor) {
    this(auditor, null);
  }

  /** @param values the skill-value model for goal-free goals, or null when there is none */
  TargetResolver(Auditor auditor, SkillValueSource values) {
    this.auditor = auditor;
    this.values = values;
  }

  GoalTargets resolve(CatalogSnapshot snapshot, Goal goal, ResolvedLearner learner) {
    return switch (goal) {
      case Goal.OccupationGoal g -> occupation(snapshot, g, learner);
      case Goal.PathwayGoal g -> pathway(snapshot, g, learner);
      case Goal.CompetencyGoal g -> competencies(snapshot, g, learner);
      case Goal.FieldGoal g -> field(snapshot, g, learner);
    };
  }

  private GoalTargets occupation(CatalogSnapshot snapshot, Goal.OccupationGoal goal, ResolvedLearner learner) {
    Occupation occupation = snapshot.findOccupation(goal.id()).orElseThrow(() -> new UnknownReferenceException(
        "occupation", List.of(goal.id()), "find valid ones with GET /api/occupations"));
    Target[] all = occupationTargets(snapshot).targets(occupation);
    Target[] unmet = new Target[all.length];
    int[] met = new int[all.length];
    int u = 0;
    int m = 0;
    for (Target target : all) {
      if (learner.competencies().contains(target.competency())) {
        met[m++] = target.competency();
      } else {
        unmet[u++] = target;
      }
    }
    return GoalTargets.of("occupation", occupation.id(), occupation.label(),
        new TargetMap(Arrays.copyOf(unmet, u)), IntSet.of(Arrays.copyOf(met, m)), Optional.empty());
  }

  private OccupationTargets occupationTargets(CatalogSnapshot snapshot) {
    OccupationTargets current = occupations;
    if (current == null || !current.of(snapshot)) {
      current = new OccupationTargets(snapshot);
      occupations = current;
    }
    return current;
  }

  private GoalTargets pathway(CatalogSnapshot snapshot, Goal.PathwayGoal goal, ResolvedLearner learner) {
    Pathway pathway = snapshot.findPathway(goal.id()).orElseThrow(() -> new UnknownReferenceException(
        "pathway", List.of(goal.id()), "list valid ones with GET /api/pathways"));
    AuditResult audit = auditor.audit(snapshot, pathway,
        new Holdings(learner.credentials(), learner.competencies()), List.of());
    Map<Integer, Target> targets = new HashMap<>();
    List<Integer> met = new ArrayList<>();
    // the competencies an open requirement stands for are targets too, so skill coverage still counts
    List<Integer> wanted = new ArrayList<>();
    for (OpenLeaf leaf : audit.openLeaves()) {
      if (leaf.credentialLeaf()) {
        snapshot.credential(leaf.target()).teaches().stream().forEach(wanted::add);
      } else {
        wanted.add(leaf.target());
      }
    }
    add(snapshot, IntSet.of(wanted), 1.0, "requirement", learner, targets, met);
    // met: every goal skill of the pathway held, also those of requirements already satisfied, so that "met of
    // the goal skills" counts against the one definition (PathwaySkills) the curriculum screen counts too
    IntSet held = PathwaySkills.of(snapshot, pathway).intersect(learner.competencies());
    return GoalTargets.of("pathway", pathway.id(), pathway.name(), targets, held, Optional.of(audit));
  }

  private GoalTargets competencies(CatalogSnapshot snapshot, Goal.CompetencyGoal goal, ResolvedLearner learner) {
    List<Integer> wanted = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String id : goal.ids()) {
      snapshot.findCompetency(id).ifPresentOrElse(c -> wanted.add(c.index()), () -> unknown.add(id));
    }
    if (!unknown.isEmpty()) {
      throw new UnknownReferenceException("competency", unknown, "find valid ones with GET /api/competencies?q=...");
    }
    Map<Integer, Target> targets = new HashMap<>();
    List<Integer> met = new ArrayList<>();
    add(snapshot, IntSet.of(wanted), 1.0, "requested", learner, targets, met);
    return GoalTargets.of("competencies", "", chosenSkills(snapshot, wanted), targets, IntSet.of(met),
        Optional.empty());
  }

  /** "Python (computer programming)", "Python, SQL and data mining", "Python, SQL, data mining and 4 more skills". */
  private static String chosenSkills(CatalogSnapshot snapshot, List<Integer> wanted) {
    List<String> labels = wanted.stream().distinct().map(i -> snapshot.competency(i).label()).toList();
    if (labels.isEmpty()) {
      return "no skills";
    }
    if (labels.size() <= 3) {
      return labels.size() == 1 ? labels.getFirst()
          : String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.getLast();
    }
    return String.join(", ", labels.subList(0, 3)) + " and " + (labels.size() - 3) + " more skills";
  }

  /** The model's next skills for the learner, weighted by their learned value: what to aim at without a goal. */
  private GoalTargets field(CatalogSnapshot snapshot, Goal.FieldGoal goal, ResolvedLearner learner) {
    if (values == null) {
      throw new ModelRequiredException("a goal is required: suggestions without an occupation, pathway or "
          + "competency goal rank skills with the skill-value model, and none is loaded (train one with "
          + "'cairn train' and serve it with --model FILE)");
    }
    SkillValues next = values.values(snapshot, learner.competencies(), goal.field(), -1, IntSet.empty(),
        FIELD_TARGETS);
    Map<Integer, Target> targets = new HashMap<>();
    for (int skill : next.adjacent()) {
      targets.put(skill, new Target(skill, Math.max(MIN_FIELD_WEIGHT, next.value(skill)), "next"));
    }
    String label = goal.field().isEmpty() ? "the skills the model ranks next"
        : "the skills the model ranks next in ISCO group " + goal.field();
    return GoalTargets.of(FIELD_KIND, goal.field(), label, targets, IntSet.empty(), Optional.empty());
  }

  private static void add(CatalogSnapshot snapshot, IntSet competencies, double factor, String reason,
      ResolvedLearner learner, Map<Integer, Target> targets, List<Integer> met) {
    for (int i = 0; i < competencies.size(); i++) {
      int k = competencies.get(i);
      if (learner.competencies().contains(k)) {
        met.add(k);
      } else if (!targets.containsKey(k)) {
        targets.put(k, new Target(k, factor * demandFactor(snapshot.competency(k)), reason));
      }
    }
  }

  /** In-demand skills weigh up to twice as much as skills with no demand figure. */
  static double demandFactor(Competency competency) {
    return 1.0 + Math.max(0, Math.min(1, competency.demandIndex()));
  }
}
