package io.cairn.learner;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import java.util.ArrayList;
import java.util.List;

/**
 * A learner with ids turned into the snapshot's indices.
 *
 * @param credentials held credentials
 * @param declaredCompetencies competencies the learner states
 * @param competencies declared ones plus those taught by held credentials
 */
public record ResolvedLearner(IntSet credentials, IntSet declaredCompetencies, IntSet competencies) {

  /**
   * Resolves every id of {@code learner} against {@code snapshot}.
   *
   * @throws UnknownReferenceException listing every id that is not in the catalog
   */
  public static ResolvedLearner resolve(CatalogSnapshot snapshot, Learner learner) {
    List<Integer> credentials = new ArrayList<>();
    List<String> unknownCredentials = new ArrayList<>();
    for (String id : learner.credentials()) {
      snapshot.findCredential(id).ifPresentOrElse(c -> credentials.add(c.index()), () -> unknownCredentials.add(id));
    }
    if (!unknownCredentials.isEmpty()) {
      throw new UnknownReferenceException("credential", unknownCredentials,
          "list valid ones with GET /api/credentials");
    }
    List<Integer> competencies = new ArrayList<>();
    List<String> unknownCompetencies = new ArrayList<>();
    for (String id : learner.competencies()) {
      snapshot.findCompetency(id).ifPresentOrElse(c -> competencies.add(c.index()), () -> unknownCompetencies.add(id));
    }
    if (!unknownCompetencies.isEmpty()) {
      throw new UnknownReferenceException("competency", unknownCompetencies,
          "find valid ones with GET /api/competencies?q=...");
    }
    IntSet held = IntSet.of(credentials);
    IntSet declared = IntSet.of(competencies);
    return new ResolvedLearner(held, declared, declared.union(snapshot.competenciesTaughtBy(held)));
  }
}
