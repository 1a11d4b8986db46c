package io.cairn.labor.model;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import io.cairn.labor.features.FeatureExtractor;
import io.cairn.labor.features.FeatureMatrix;
import io.cairn.labor.features.Holdout;
import io.cairn.labor.features.ItemWeights;
import io.cairn.labor.features.PoolSettings;
import io.cairn.labor.features.SkillStatistics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The skill-value model bound to one catalog snapshot: ranks what a learner should learn next and values given
 * skills for a learner. Thread-safe.
 */
public final class NextSkillRanker {
  private final CatalogSnapshot snapshot;
  private final SkillStatistics statistics;
  private final FeatureExtractor extractor;
  private final LearnedScorer scorer;
  private final ItemWeights weights;
  private final PoolSettings pool;

  NextSkillRanker(CatalogSnapshot snapshot, SkillStatistics statistics, ItemWeights weights, PoolSettings pool,
      LearnedScorer scorer) {
    this.snapshot = snapshot;
    this.statistics = statistics;
    this.weights = weights;
    this.pool = pool;
    this.extractor = new FeatureExtractor(snapshot, statistics, weights, pool, scorer.featuresRead());
    this.scorer = scorer;
  }

  /** The feature extraction serving uses: the features the model reads. */
  FeatureExtractor extractor() {
    return extractor;
  }

  /** An extraction of every feature over the same statistics (what training sees; for tests). */
  FeatureExtractor everyFeature() {
    return new FeatureExtractor(snapshot, statistics, weights, pool);
  }

  /** The snapshot this ranker answers for; rebind when the catalog's version moves. */
  public CatalogSnapshot snapshot() {
    return snapshot;
  }

  /**
   * The k skills to learn next, best first. With a goal occupation its missing skills come first (essential,
   * then optional, each by the model's value), then the other candidates by value; without one, all candidates
   * by value. Held skills are never suggested.
   */
  public List<NextSkill> rankNextSkills(NextSkillsQuery query) {
    Occupation goal = query.goalOccupation() >= 0 ? snapshot.occupation(query.goalOccupation()) : null;
    String field = !query.goalField().isEmpty() || goal == null ? query.goalField() : minorGroup(goal);
    IntSet goalSkills = goal == null ? IntSet.empty() : goal.essential().union(goal.optional());
    FeatureMatrix m = extractor.extract(query.held(), field, Holdout.NONE, goalSkills);
    double[] values = scorer.score(m);
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < m.size(); i++) {
      rows.add(i);
    }
    rows.sort(Comparator.<Integer>comparingInt(r -> -tier(goal, m.candidate(r)))
        .thenComparingDouble(r -> -values[r]).thenComparingInt(m::candidate));
    List<NextSkill> result = new ArrayList<>();
    int[] held = query.held().toArray();
    for (int r : rows.subList(0, Math.min(query.k(), rows.size()))) {
      int c = m.candidate(r);
      var competency = snapshot.competency(c);
      result.add(new NextSkill(c, competency.iri(), competency.id(), competency.label(), values[r],
          relation(goal, c), Math.round(statistics.demand(c)), statistics.count(c), goesWith(c, held)));
    }
    return result;
  }

  /**
   * The model's value of each given skill for a learner holding {@code held} in {@code goalField} (empty for
   * none): what the recommender weighs the targets a credential covers by. A held skill is worth 0.
   */
  public double[] values(IntSet held, String goalField, int[] skills) {
    FeatureMatrix m = extractor.extract(held, goalField == null ? "" : goalField, Holdout.NONE, IntSet.of(skills));
    // only the asked-for rows are scored: the pool is still built, since relative features need its maxima
    int[] rows = new int[skills.length];
    int found = 0;
    for (int skill : skills) {
      int row = java.util.Arrays.binarySearch(m.candidates(), skill);
      if (row >= 0) {
        rows[found++] = row;
      }
    }
    FeatureMatrix asked = m.select(java.util.Arrays.copyOf(rows, found));
    double[] scores = scorer.score(asked);
    double[] result = new double[skills.length];
    for (int i = 0; i < skills.length; i++) {
      int row = asked.rowOf(skills[i]);
      result[i] = row < 0 ? 0 : scores[row];
    }
    return result;
  }

  /** The ISCO-08 minor group (3 digits) of an occupation, or empty. */
  public static String minorGroup(Occupation occupation) {
    String isco = occupation.iscoGroup().startsWith("C") ? occupation.iscoGroup().substring(1) : occupation.iscoGroup();
    return isco.length() >= 3 ? isco.substring(0, 3) : "";
  }

  private static int tier(Occupation goal, int skill) {
    if (goal == null) {
      return 0;
    }
    return goal.essential().contains(skill) ? 2 : goal.optional().contains(skill) ? 1 : 0;
  }

  private static String relation(Occupation goal, int skill) {
    return switch (tier(goal, skill)) {
      case 2 -> "essential";
      case 1 -> "optional";
      default -> "none";
    };
  }

  private List<Integer> goesWith(int skill, int[] held) {
    List<int[]> pairs = new ArrayList<>();
    for (int h : held) {
      int together = statistics.together(h, skill);
      if (together > 0) {
        pairs.add(new int[] {h, together});
      }
    }
    pairs.sort(Comparator.<int[]>comparingInt(p -> -p[1]).thenComparingInt(p -> p[0]));
    return pairs.stream().limit(3).map(p -> p[0]).toList();
  }

  // ---- for the recommender (io.cairn.rank through ModelSkillValues) ----

  /** The model's values of a learner's whole candidate pool plus {@code skills}, from one pass of the model. */
  public Valued valuedPool(IntSet held, String goalField, IntSet skills) {
    FeatureMatrix m = extractor.extract(held, goalField == null ? "" : goalField, Holdout.NONE, skills);
    return new Valued(m.candidates(), scorer.score(m));
  }

  /**
   * Skills with their values.
   *
   * @param skills sorted competency indices
   * @param values aligned with {@code skills}
   */
  public record Valued(int[] skills, double[] values) {}

  /** Job offers of all occupations needing {@code skill}. */
  public long jobOffers(int skill) {
    return Math.round(statistics.demand(skill));
  }

  /** Occupations needing {@code skill}. */
  public int occupations(int skill) {
    return statistics.count(skill);
  }

  /** The held skills most often needed together with {@code skill} (strongest first, at most 3). */
  public List<Integer> goesWith(int skill, IntSet held) {
    return goesWith(skill, held.toArray());
  }
}
