package io.cairn.audit;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import java.util.Objects;

/**
 * What a learner holds, as snapshot indices.
 *
 * @param credentials credentials held
 * @param competencies competencies held: those declared plus those taught by the held credentials
 */
public record Holdings(IntSet credentials, IntSet competencies) {

  public Holdings {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(competencies, "competencies");
  }

  /** Nothing held. */
  public static Holdings none() {
    return new Holdings(IntSet.empty(), IntSet.empty());
  }

  /**
   * Holdings of {@code heldCredentials} and {@code declaredCompetencies}, adding what the credentials teach.
   *
   * @throws IllegalArgumentException when an index is not in the snapshot
   */
  public static Holdings of(CatalogSnapshot snapshot, IntSet heldCredentials, IntSet declaredCompetencies) {
    checkRange(heldCredentials, snapshot.credentials().size(), "credential");
    checkRange(declaredCompetencies, snapshot.competencies().size(), "competency");
    return new Holdings(
        heldCredentials, declaredCompetencies.union(snapshot.competenciesTaughtBy(heldCredentials)));
  }

  static void checkRange(IntSet indices, int size, String what) {
    if (!indices.isEmpty() && indices.get(indices.size() - 1) >= size) {
      throw new IllegalArgumentException(
          what + " index " + indices.get(indices.size() - 1) + " is not in the catalog snapshot (it has "
              + size + "); resolve " + what + "s against the same snapshot that is audited");
    }
  }
}
