package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.learner.Constraints;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a candidate fits the learner's constraints, counting the prerequisite it still needs; says which
 * constraint it breaks when it does not.
 */
final class ConstraintCheck {
  private final CatalogSnapshot snapshot;
  private final Constraints constraints;

  ConstraintCheck(CatalogSnapshot snapshot, Constraints constraints) {
    this.snapshot = snapshot;
    this.constraints = constraints;
  }

  /** The constraint this candidate breaks (a short key), or empty when it fits. */
  Optional<String> violation(Candidate candidate) {
    Credential credential = snapshot.credential(candidate.credential());
    Optional<String> own = fits(credential);
    if (own.isPresent()) {
      return own;
    }
    for (int i = 0; i < candidate.missingPrerequisites().size(); i++) {
      Optional<String> pre = fits(snapshot.credential(candidate.missingPrerequisites().get(i)));
      if (pre.isPresent()) {
        return Optional.of("prerequisite " + pre.get());
      }
    }
    if (candidate.totalCost() > constraints.maxCost() + 1e-9) {
      return Optional.of("over maxCost");
    }
    if (candidate.totalHours() > constraints.maxHours() + 1e-9) {
      return Optional.of("over maxHours");
    }
    return Optional.empty();
  }

  private Optional<String> fits(Credential credential) {
    if (!constraints.allowsMode(credential.mode())) {
      return Optional.of("mode " + credential.mode().apiName() + " not allowed");
    }
    if (constraints.creditBearingOnly() && !credential.creditBearing()) {
      return Optional.of("not credit-bearing");
    }
    if (credential.eqfLevel() > constraints.maxEqfLevel()) {
      return Optional.of("above maxEqfLevel");
    }
    if (credential.cost() > constraints.maxCost() + 1e-9) {
      return Optional.of("over maxCost");
    }
    if (credential.hours() > constraints.maxHours() + 1e-9) {
      return Optional.of("over maxHours");
    }
    return Optional.empty();
  }

  static String describe(String key, Constraints constraints) {
    return switch (key) {
      case "over maxCost" -> String.format(Locale.ROOT, "cost more than maxCost %.0f", constraints.maxCost());
      case "over maxHours" -> String.format(Locale.ROOT, "take more than maxHours %.0f", constraints.maxHours());
      default -> key;
    };
  }
}
