package io.cairn.plan;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import io.cairn.rank.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * The goal and the objective of a {@link SatModel}. Reaching the goal is one literal (enough essential skills
 * covered, or a pathway destination satisfied); the objective is lexicographic, as levels solved in turn. The first
 * level is what a plan's bound and gap speak of.
 */
final class SatObjective {
  private final SatModel sat;
  private final Literal reached;
  private final RequirementConstraints requirements;
  /** Goal value in hundredths of a target weight (or of a requirement node). */
  static final long VALUE_SCALE = 100;

  private SatObjective(SatModel sat, Literal reached, RequirementConstraints requirements) {
    this.sat = sat;
    this.reached = reached;
    this.requirements = requirements;
  }

  /** Adds the goal to {@code sat}: the literal that says it is reached. */
  static SatObjective goal(SatModel sat) {
    Problem p = sat.problem();
    return switch (p.aim()) {
      case Aim.Skills skills -> new SatObjective(sat, skillsReached(sat, skills), null);
      case Aim.PathwayAim pathway -> {
        RequirementConstraints r = new RequirementConstraints(sat, pathway);
        yield new SatObjective(sat, r.reached(), r);
      }
    };
  }

  private static Literal skillsReached(SatModel sat, Aim.Skills skills) {
    if (skills.required() == 0) {
      return sat.yes();
    }
    LinearExprBuilder covered = LinearExpr.newBuilder();
    int possible = 0;
    for (int k : skills.unmet().toArray()) {
      Literal c = sat.covers(k);
      if (c != sat.no()) {
        covered.add(c);
        possible++;
      }
    }
    if (possible < skills.required()) {
      return sat.no();
    }
    BoolVar r = sat.model.newBoolVar("reached");
    covered.addTerm(r, -skills.required());
    sat.model.addGreaterOrEqual(covered.build(), 0);
    return r;
  }

  Literal reached() {
    return reached;
  }

  /** Plans must reach the goal. */
  void require() {
    sat.model.addBoolOr(new Literal[] {reached});
  }

  /**
   * One level of a lexicographic objective: an expression to minimise or maximise, and the unit that turns its
   * integer value back into the plan's figure (cents to currency, hundredths to hours).
   */
  record Level(LinearExpr expression, boolean maximise, double unit) {}

  /**
   * The objective's levels, most important first: cost then hours; hours then cost; or job offers of the
   * occupations made attainable (when any are weighed), then the goal's value (weighted targets covered plus as
   * much again for reaching it, or satisfied requirement nodes plus a bonus for the destination), then the lowest
   * cost, then the fewest hours. They are solved one after the other, each fixed at its optimum before the next: one objective with the
   * levels scaled apart was ten to a hundred times slower to prove on the benchmark's catalog.
   */
  List<Level> levels(Objective objective) {
    return switch (objective) {
      case COST -> List.of(new Level(sat.cost(), false, SatModel.COST_SCALE),
          new Level(sat.hours(), false, SatModel.HOURS_SCALE));
      case TIME -> List.of(new Level(sat.hours(), false, SatModel.HOURS_SCALE),
          new Level(sat.cost(), false, SatModel.COST_SCALE));
      case VALUE -> value();
    };
  }

  private List<Level> value() {
    Problem p = sat.problem();
    List<Level> levels = new ArrayList<>();
    if (!p.nearby().isEmpty()) {
      LinearExprBuilder offers = LinearExpr.newBuilder();
      for (NearbyOccupation o : p.nearby()) {
        LinearExprBuilder covered = LinearExpr.newBuilder();
        for (int k : o.open().toArray()) {
          Literal c = sat.covers(k);
          if (c != sat.no()) {
            covered.add(c);
          }
        }
        BoolVar attained = sat.model.newBoolVar("attains " + p.snapshot().occupation(o.occupation()).id());
        covered.addTerm(attained, -o.need());
        sat.model.addGreaterOrEqual(covered.build(), 0);
        offers.addTerm(attained, o.offers());
      }
      levels.add(new Level(offers.build(), true, 1));
    }
    LinearExprBuilder value = LinearExpr.newBuilder();
    if (requirements != null) {
      requirements.addValue(value);
    } else {
      Aim.Skills skills = (Aim.Skills) p.aim();
      long bonus = 0;
      for (Target t : p.targets().targets().values()) {
        long w = Math.round(VALUE_SCALE * t.weight());
        Literal c = sat.covers(t.competency());
        if (c != sat.no() && w > 0) {
          value.addTerm(c, w);
        }
        bonus += skills.unmet().contains(t.competency()) ? w : 0;
      }
      if (reached != sat.no() && bonus > 0) {
        value.addTerm(reached, bonus);
      }
    }
    levels.add(new Level(value.build(), true, VALUE_SCALE));
    levels.add(new Level(sat.cost(), false, SatModel.COST_SCALE));
    levels.add(new Level(sat.hours(), false, SatModel.HOURS_SCALE));
    return levels;
  }

}
