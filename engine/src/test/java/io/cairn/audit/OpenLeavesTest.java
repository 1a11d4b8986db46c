package io.cairn.audit;

import static io.cairn.audit.Fixture.allOf;
import static io.cairn.audit.Fixture.atLeast;
import static io.cairn.audit.Fixture.comp;
import static io.cairn.audit.Fixture.cred;
import static io.cairn.audit.Fixture.destination;
import static io.cairn.audit.Fixture.minCredits;
import static io.cairn.audit.Fixture.pathway;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Pathway;
import io.cairn.catalog.Requirement;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenLeavesTest {
  private final Fixture f = new Fixture();
  private final int sql = f.competency("sql");
  private final int c1 = f.credential("c1", 5);
  private final int c2 = f.credential("c2", 5);
  private final int c3 = f.credential("c3", 5);
  private final int e1 = f.credential("e1", 5);
  private final int badge = f.credential("badge", 1);
  private final int award = f.credential("award", 60);
  private final CatalogSnapshot s;

  OpenLeavesTest() {
    f.stack(badge, e1, 2);
    s = f.snapshot();
  }

  private final Requirement.CredentialLeaf shared = cred("k1", c1);
  private final Requirement tree = allOf("root",
      atLeast("core", 2, shared, cred("k2", c2), cred("k3", c3)),
      minCredits("electives", 10, cred("ke1", e1)),
      comp("ksql", sql));

  private AuditResult audit(Pathway p, IntSet held) {
    return Auditor.standard().audit(s, p, Holdings.of(s, held, IntSet.empty()), List.of());
  }

  @Test
  void listsUnsatisfiedLeavesWithTheirNearestCondition() {
    AuditResult r = audit(pathway("p", destination("d", award, tree)), IntSet.of(c1, badge));
    assertEquals(List.of(
        new OpenLeaf("core", "2 of core", "k2", "Component k2", true, c2),
        new OpenLeaf("core", "2 of core", "k3", "Component k3", true, c3),
        new OpenLeaf("electives", "10.0 ECTS of electives", "ke1", "Component ke1", true, e1),
        new OpenLeaf("root", "All of root", "ksql", "Component ksql", false, sql)), r.openLeaves());
  }

  @Test
  void stopsAtSatisfiedConditions() {
    AuditResult r = audit(pathway("p", destination("d", award, tree)), IntSet.of(c1, c2));
    assertEquals(List.of("ke1", "ksql"), r.openLeaves().stream().map(OpenLeaf::leafId).toList(),
        "k3 is missing but core is already met");
  }

  @Test
  void deduplicatesByLeafIriAcrossDestinations() {
    Pathway p = pathway("p", destination("d1", award, allOf("a", shared)), destination("d2", -1, allOf("b", shared)));
    List<OpenLeaf> open = audit(p, IntSet.empty()).openLeaves();
    assertEquals(1, open.size());
    assertEquals("a", open.get(0).requirementId());
  }

  @Test
  void skipsDestinationsAlreadyHeldAndNamesTheDestinationForARootLeaf() {
    Pathway p = pathway("p", destination("held", award, allOf("a", cred("k2", c2))), destination("solo", -1, shared));
    List<OpenLeaf> open = audit(p, IntSet.of(award)).openLeaves();
    assertEquals(List.of(new OpenLeaf("solo", "Destination solo", "k1", "Component k1", true, c1)), open);
  }
}
