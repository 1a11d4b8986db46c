package io.cairn.labor.model;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.rank.SkillValueSource;
import io.cairn.rank.SkillValues;

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
    return new SkillValues(all, values, best(all, values, skills, adjacent));
  }

  /**
   * The {@code limit} skills of the pool outside {@code skills} with the highest values, best first (ties to the
   * lower index), kept by insertion into a short sorted array rather than sorting the whole pool.
   */
  static int[] best(int[] all, double[] values, IntSet skills, int limit) {
    int[] rows = new int[Math.max(0, limit)];
    int size = 0;
    for (int i = 0; i < all.length; i++) {
      if (limit <= 0 || skills.contains(all[i]) || (size == limit && !before(i, rows[size - 1], all, values))) {
        continue;
      }
      int at = size == limit ? size - 1 : size++;
      while (at > 0 && before(i, rows[at - 1], all, values)) {
        rows[at] = rows[at - 1];
        at--;
      }
      rows[at] = i;
    }
    int[] best = new int[size];
    for (int i = 0; i < size; i++) {
      best[i] = all[rows[i]];
    }
    return best;
  }

  /** Whether row {@code a} ranks before row {@code b}: the higher value, then the lower skill index. */
  private static boolean before(int a, int b, int[] all, double[] values) {
    int byValue = Double.compare(-values[a], -values[b]);
    return byValue < 0 || (byValue == 0 && all[a] < all[b]);
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
