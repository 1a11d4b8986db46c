package io.cairn.audit;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Destination;
import io.cairn.catalog.Pathway;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Audits each destination independently, every one starting from the learner's full holdings. */
final class StandardAuditor implements Auditor {
  static final StandardAuditor INSTANCE = new StandardAuditor();

  private StandardAuditor() {}

  @Override
  public AuditResult audit(
      CatalogSnapshot snapshot, Pathway pathway, Holdings holdings, List<AdvisorException> exceptions) {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(pathway, "pathway");
    Objects.requireNonNull(holdings, "holdings");
    Holdings.checkRange(holdings.credentials(), snapshot.credentials().size(), "credential");
    Holdings.checkRange(holdings.competencies(), snapshot.competencies().size(), "competency");
    ExceptionBook book = ExceptionBook.resolve(snapshot, pathway, exceptions == null ? List.of() : exceptions);
    TreeEvaluator evaluator = new TreeEvaluator(new LeafEvaluator(snapshot, holdings, book), book);
    List<DestinationResult> destinations = new ArrayList<>();
    Status best = Status.MISSING;
    for (Destination destination : pathway.destinations()) {
      DestinationResult result = destination(destination, holdings, evaluator);
      destinations.add(result);
      best = best.best(result.status());
    }
    return new AuditResult(pathway.index(), best, destinations);
  }

  private static DestinationResult destination(
      Destination destination, Holdings holdings, TreeEvaluator evaluator) {
    NodeResult tree = destination.requirement() == null
        ? null
        : evaluator.evaluate(destination.requirement(), Availability.of(holdings.credentials()), false).result();
    boolean alreadyHeld = destination.credential() >= 0 && holdings.credentials().contains(destination.credential());
    Status status = alreadyHeld ? Status.SATISFIED : tree == null ? Status.MISSING : tree.status();
    return new DestinationResult(destination.iri(), destination.id(), destination.name(), destination.credential(),
        destination.offRamp(), status, alreadyHeld, tree);
  }
}
