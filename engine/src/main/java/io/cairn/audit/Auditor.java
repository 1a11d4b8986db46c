package io.cairn.audit;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Pathway;
import java.util.List;

/** Audits a learner's holdings against a pathway's requirement trees (semantics in {@code README.md}). */
public interface Auditor {

  /**
   * @throws IllegalArgumentException when an exception names no node of the pathway, substitutes a node that is
   *     not a credential component, or an index is outside the snapshot
   */
  AuditResult audit(
      CatalogSnapshot snapshot, Pathway pathway, Holdings holdings, List<AdvisorException> exceptions);

  /** The standard, stateless auditor. */
  static Auditor standard() {
    return StandardAuditor.INSTANCE;
  }
}
