package io.cairn.audit;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Pathway;
import java.time.Duration;
import java.util.List;

/**
 * Audits a learner's holdings against a pathway's requirement trees (semantics in {@code README.md}). Stateless
 * and safe to share between threads.
 */
public interface Auditor {

  /**
   * @throws IllegalArgumentException when an exception names no node of the pathway, substitutes a node that is
   *     not a credential component, or an index is outside the snapshot
   */
  AuditResult audit(
      CatalogSnapshot snapshot, Pathway pathway, Holdings holdings, List<AdvisorException> exceptions);

  /**
   * The standard auditor: a best fit, as an advisor would assign the holdings (the greedy pass when it is already
   * best, else the CP-SAT solver's assignment, with a one-second limit).
   */
  static Auditor standard() {
    return StandardAuditor.BEST_FIT;
  }

  /** A best-fit auditor whose solver stops after {@code timeLimit} (then the best assignment found is used). */
  static Auditor bestFit(Duration timeLimit) {
    return new StandardAuditor(true, timeLimit, OrTools::load);
  }

  /**
   * The greedy baseline: holdings go to requirements in declared order (see {@code README.md}); fast, and
   * sometimes worse than what an advisor would find.
   */
  static Auditor greedy() {
    return StandardAuditor.GREEDY;
  }
}
