package io.cairn.audit;

import io.cairn.catalog.IntSet;

/**
 * What one credential leaf counts: a whole credential (the one it names, or a substitute), or parts that stack into
 * the credential it names, or nothing. The upper bound of {@link AssignmentEvaluator#bound} also lets a leaf hold
 * both a whole and parts.
 *
 * @param whole the credential counted whole, or -1
 * @param substitution the advisor's substitution when the whole stands in for the named credential, else null
 * @param parts parts counted as partial credit toward the named credential
 */
record Use(int whole, AdvisorException substitution, IntSet parts) {
  static final Use NONE = new Use(-1, null, IntSet.empty());

  static Use whole(int credential, AdvisorException substitution) {
    return new Use(credential, substitution, IntSet.empty());
  }

  static Use parts(IntSet parts) {
    return parts.isEmpty() ? NONE : new Use(-1, null, parts);
  }

  boolean none() {
    return whole < 0 && parts.isEmpty();
  }

  /** Every credential the leaf counts. */
  IntSet credentials() {
    return whole < 0 ? parts : parts.union(IntSet.of(whole));
  }
}
