package io.cairn.labor.model;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.rank.SkillValueSource;
import io.cairn.rank.SkillValues;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The trained skill-value model as the recommender's {@link SkillValueSource}: binds the model to each catalog
 * snapshot once (about a second on full ESCO) and keeps the binding until the catalog hands out a new snapshot
 * (an import or load makes one).
 */
public final class ModelSkillValues implements SkillValueSource {
  private final SkillValueModel model;
  private volatile NextSkillRanker bound;

  public ModelSkillValues(SkillValueModel model) {
    this.model = model;
  }

  public SkillValueModel model() {
    return model;
  }

  /** The model bound to {@code snapshot}, bound again only when the snapshot's version changes. */
  public NextSkillRanker ranker(CatalogSnapshot snapshot) {
    NextSkillRanker current = bound;
    if (current == null || current.snapshot() != snapshot) {
      synchronized (this) {
        current = bound;
        if (current == null || current.snapshot() != snapshot) {
          current = model.bind(snapshot);
          bound = current;
        }
      }
    }
    return current;
  }

  @Override
  public SkillValues values(CatalogSnapshot snapshot, IntSet held, String goalField, int goalOccupation,
      IntSet skills, int adjacent) {
    String field = goalField.isEmpty() && goalOccupation >= 0
        ? NextSkillRanker.minorGroup(snapshot.occupation(goalOccupation)) : goalField;
    NextSkillRanker.Valued pool = ranker(snapshot).valuedPool(held, field, skills);
    int[] all = pool.skills();
    double[] values = pool.values();
    int[] best = IntStream.range(0, all.length).filter(i -> !skills.contains(all[i])).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> -values[i]).thenComparingInt(i -> all[i]))
        .limit(adjacent).mapToInt(i -> all[i]).toArray();
    return new SkillValues(all, values, best);
  }

  @Override
  public Evidence evidence(CatalogSnapshot snapshot, IntSet held, int skill) {
    NextSkillRanker ranker = ranker(snapshot);
    return new Evidence(ranker.jobOffers(skill), ranker.occupations(skill), ranker.goesWith(skill, held));
  }

  @Override
  public String name() {
    return model.card().learner().describe();
  }
}
