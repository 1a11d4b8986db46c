package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.DeliveryMode;
import io.cairn.learner.Constraints;
import io.cairn.learner.Goal;
import io.cairn.learner.Learner;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Seeded random learners, goals and constraints drawn from a catalog (for any catalog with a pathway). */
public final class RandomRequests {
  private static final double[] COSTS = {Double.POSITIVE_INFINITY, 0, 50, 200, 1000, 5000};
  private static final double[] HOURS = {Double.POSITIVE_INFINITY, 15, 60, 200, 1000};
  private static final int[] EQF = {8, 4, 5, 6, 7};

  private RandomRequests() {}

  public static RecommendationRequest draw(CatalogSnapshot s, Random random) {
    List<String> held = new ArrayList<>();
    int heldCount = random.nextInt(7);
    for (int i = 0; i < heldCount; i++) {
      held.add(s.credential(random.nextInt(s.credentials().size())).id());
    }
    List<String> known = new ArrayList<>();
    int knownCount = random.nextInt(9);
    for (int i = 0; i < knownCount; i++) {
      known.add(s.competency(random.nextInt(s.competencies().size())).iri());
    }
    Goal goal = switch (random.nextInt(3)) {
      case 0 -> new Goal.OccupationGoal(s.occupation(random.nextInt(s.occupations().size())).id());
      case 1 -> new Goal.PathwayGoal(s.pathway(random.nextInt(s.pathways().size())).id());
      default -> {
        List<String> ids = new ArrayList<>();
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
          ids.add(s.competency(random.nextInt(s.competencies().size())).id());
        }
        yield new Goal.CompetencyGoal(ids);
      }
    };
    Set<DeliveryMode> modes = EnumSet.noneOf(DeliveryMode.class);
    if (random.nextInt(3) == 0) {
      for (DeliveryMode m : List.of(DeliveryMode.ONLINE, DeliveryMode.BLENDED, DeliveryMode.IN_PERSON)) {
        if (random.nextBoolean()) {
          modes.add(m);
        }
      }
    }
    Constraints constraints = new Constraints(COSTS[random.nextInt(COSTS.length)],
        HOURS[random.nextInt(HOURS.length)], modes, random.nextInt(4) == 0, EQF[random.nextInt(EQF.length)]);
    return new RecommendationRequest(new Learner("random", held, known), goal, constraints, 1 + random.nextInt(10));
  }
}
