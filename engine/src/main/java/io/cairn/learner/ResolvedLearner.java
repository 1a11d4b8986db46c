package io.cairn.learner;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import java.util.ArrayList;
import java.util.List;

/**
 * A learner with ids turned into the snapshot's indices, and verified presented credentials counted.
 *
 * @param credentials held credentials: declared ones and those verified presented credentials map to
 * @param declaredCompetencies competencies the learner states, and those verified achievements unknown to the
 *     catalog attest through their alignments
 * @param competencies those plus the competencies taught by held credentials
 * @param holdings where each holding came from: declared, verified, or presented and refused
 */
public record ResolvedLearner(IntSet credentials, IntSet declaredCompetencies, IntSet competencies,
    LearnerHoldings holdings) {

  /** A learner whose holdings are all declared. */
  public ResolvedLearner(IntSet credentials, IntSet declaredCompetencies, IntSet competencies) {
    this(credentials, declaredCompetencies, competencies, LearnerHoldings.declared(credentials, declaredCompetencies));
  }

  /**
   * Resolves every id of {@code learner} against {@code snapshot}, and counts the presented credentials that
   * verified ({@link Learner#checks()}; {@code Cairn} verifies them before it resolves).
   *
   * @throws UnknownReferenceException listing every declared id that is not in the catalog
   * @throws UnverifiedCredentialsException when the learner presents credentials that were not verified
   */
  public static ResolvedLearner resolve(CatalogSnapshot snapshot, Learner learner) {
    if (!learner.verified()) {
      throw new UnverifiedCredentialsException("the learner presents " + learner.presented().size()
          + " credentials that were not verified; verify them first (Cairn does this for every request)");
    }
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
    LearnerHoldings holdings = LearnerHoldings.of(snapshot, IntSet.of(credentials), IntSet.of(competencies),
        learner.checks());
    IntSet held = holdings.declaredCredentials().union(holdings.verifiedCredentials());
    IntSet stated = holdings.declaredCompetencies().union(holdings.verifiedCompetencies());
    return new ResolvedLearner(held, stated, stated.union(snapshot.competenciesTaughtBy(held)), holdings);
  }
}
