package io.cairn.audit;

import static io.cairn.audit.Fixture.allOf;
import static io.cairn.audit.Fixture.atLeast;
import static io.cairn.audit.Fixture.audit;
import static io.cairn.audit.Fixture.comp;
import static io.cairn.audit.Fixture.cred;
import static io.cairn.audit.Fixture.doubleCounting;
import static io.cairn.audit.Fixture.minCredits;
import static io.cairn.audit.Fixture.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Requirement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionRulesTest {
  private final Fixture f = new Fixture();
  private final int a = f.credential("a", 5);
  private final int b = f.credential("b", 6);
  private final int c = f.credential("c", 4);
  private final CatalogSnapshot s = f.snapshot();

  @Test
  void allOfWithEverythingHeldIsSatisfiedAndSumsCredits() {
    NodeResult root = tree(audit(s, allOf("r", cred("ca", a), cred("cb", b), cred("cc", c)), IntSet.of(a, b, c)));
    assertEquals(Status.SATISFIED, root.status());
    assertEquals(3, root.satisfiedCount());
    assertEquals(3, root.requiredCount());
    assertEquals(15.0, root.credits(), 1e-9);
    assertEquals(IntSet.of(a, b, c), root.countedCredentials());
    assertEquals(NodeResult.ALL_OF, root.kind());
    assertEquals(-1, root.target());
    assertNull(root.exception());
  }

  @Test
  void allOfWithSomeHeldIsPartial() {
    NodeResult root = tree(audit(s, allOf("r", cred("ca", a), cred("cb", b), cred("cc", c)), IntSet.of(b)));
    assertEquals(Status.PARTIAL, root.status());
    assertEquals(1, root.satisfiedCount());
    assertEquals(6.0, root.credits(), 1e-9);
    assertEquals(IntSet.of(b), root.countedCredentials());
    assertEquals(Status.MISSING, root.children().get(0).status());
    assertEquals(Status.SATISFIED, root.children().get(1).status());
  }

  @Test
  void allOfWithNothingHeldIsMissing() {
    NodeResult root = tree(audit(s, allOf("r", cred("ca", a), cred("cb", b)), IntSet.of(c)));
    assertEquals(Status.MISSING, root.status());
    assertEquals(0, root.satisfiedCount());
    assertEquals(0.0, root.credits(), 1e-9);
    assertEquals(IntSet.empty(), root.countedCredentials());
  }

  @ParameterizedTest(name = "{0} of 3 held, 2 required -> {1}")
  @CsvSource({"0, MISSING", "1, PARTIAL", "2, SATISFIED", "3, SATISFIED"})
  void atLeastCountsSatisfiedChildren(int held, Status expected) {
    int[] all = {a, b, c};
    IntSet holdings = IntSet.of(java.util.Arrays.copyOf(all, held));
    NodeResult root = tree(audit(s, atLeast("r", 2, cred("ca", a), cred("cb", b), cred("cc", c)), holdings));
    assertEquals(expected, root.status());
    assertEquals(held, root.satisfiedCount());
    assertEquals(2, root.requiredCount());
    assertEquals(NodeResult.AT_LEAST, root.kind());
  }

  @Test
  void atLeastCountsEveryChildThatNothingElseWants() {
    NodeResult root = tree(audit(s, atLeast("r", 2, cred("ca", a), cred("cb", b), cred("cc", c)), IntSet.of(a, b, c)));
    // nothing else asks for c, so the best fit counts it here too (the greedy pass of old stopped at two)
    assertEquals(3, root.satisfiedCount());
    assertEquals(IntSet.of(a, b, c), root.countedCredentials());
    assertEquals(15.0, root.credits(), 1e-9);
    assertEquals(Status.SATISFIED, root.children().get(2).status());
  }

  @Test
  void minimumCreditsBelowIsPartial() {
    NodeResult root = tree(audit(s, minCredits("r", 10, cred("ca", a), cred("cb", b), cred("cc", c)), IntSet.of(a)));
    assertEquals(Status.PARTIAL, root.status());
    assertEquals(5.0, root.credits(), 1e-9);
    assertEquals(10.0, root.requiredCredits(), 1e-9);
    assertEquals(1, root.satisfiedCount());
    assertEquals(3, root.requiredCount());
    assertEquals(NodeResult.MINIMUM_CREDITS, root.kind());
  }

  @Test
  void minimumCreditsExactlyAtIsSatisfied() {
    NodeResult root = tree(audit(s, minCredits("r", 10, cred("ca", a), cred("cb", b), cred("cc", c)), IntSet.of(b, c)));
    assertEquals(Status.SATISFIED, root.status());
    assertEquals(10.0, root.credits(), 1e-9);
  }

  @Test
  void minimumCreditsAboveIsSatisfied() {
    NodeResult root = tree(audit(s, minCredits("r", 10, cred("cc", c), cred("ca", a), cred("cb", b)), IntSet.of(a, b)));
    assertEquals(Status.SATISFIED, root.status());
    assertEquals(11.0, root.credits(), 1e-9);
    assertEquals(IntSet.of(a, b), root.countedCredentials());
  }

  @Test
  void minimumCreditsWithNothingHeldIsMissing() {
    NodeResult root = tree(audit(s, minCredits("r", 10, cred("ca", a), cred("cb", b)), IntSet.empty()));
    assertEquals(Status.MISSING, root.status());
    assertEquals(0.0, root.credits(), 1e-9);
  }

  @Test
  void minimumCreditsToleratesRoundingError() {
    Fixture g = new Fixture();
    int x = g.credential("x", 0.1);
    int y = g.credential("y", 0.2);
    CatalogSnapshot t = g.snapshot();
    NodeResult root = tree(audit(t, minCredits("r", 0.3, cred("cx", x), cred("cy", y)), IntSet.of(x, y)));
    assertEquals(Status.SATISFIED, root.status());
  }

  @Test
  void aCredentialReachedThroughTwoChildrenCountsOnceInACreditRule() {
    // the first child lets double counting happen, so the second child can count a as well
    Requirement tree = minCredits("r", 10, doubleCounting(allOf("first", cred("ca1", a))), cred("ca2", a));
    NodeResult root = tree(audit(s, tree, IntSet.of(a)));
    assertEquals(Status.SATISFIED, root.children().get(0).status());
    assertEquals(Status.SATISFIED, root.children().get(1).status());
    assertEquals(5.0, root.credits(), 1e-9);
    assertEquals(Status.PARTIAL, root.status());
    assertEquals(IntSet.of(a), root.countedCredentials());
  }

  @Test
  void credentialLeafReportsItsCredentialAndCredits() {
    NodeResult root = tree(audit(s, allOf("r", cred("ca", a)), IntSet.of(a)));
    NodeResult leaf = root.children().get(0);
    assertEquals(NodeResult.CREDENTIAL, leaf.kind());
    assertEquals(a, leaf.target());
    assertEquals(5.0, leaf.credits(), 1e-9);
    assertEquals(5.0, leaf.requiredCredits(), 1e-9);
    assertEquals(1, leaf.satisfiedCount());
    assertEquals(1, leaf.requiredCount());
    assertEquals(IntSet.of(a), leaf.countedCredentials());
  }

  @Test
  void competencyLeafIsMetByDeclarationOrByACredentialThatTeachesIt() {
    Fixture g = new Fixture();
    int sql = g.competency("sql");
    int python = g.competency("python");
    int course = g.credential("course", 5, sql);
    CatalogSnapshot t = g.snapshot();
    Requirement tree = allOf("r", comp("ksql", sql), comp("kpy", python));

    NodeResult taught = tree(audit(t, tree, IntSet.of(course)));
    assertEquals(Status.SATISFIED, taught.children().get(0).status());
    assertEquals(IntSet.of(course), taught.children().get(0).countedCredentials());
    assertEquals(IntSet.of(sql), taught.children().get(0).countedCompetencies());
    assertEquals(0.0, taught.children().get(0).credits(), 1e-9);
    assertEquals(Status.MISSING, taught.children().get(1).status());
    assertEquals(IntSet.empty(), taught.children().get(1).countedCompetencies());
    assertEquals(Status.PARTIAL, taught.status());

    AuditResult declared = Auditor.standard().audit(t, Fixture.pathway("p", Fixture.destination("d", -1, tree)),
        Holdings.of(t, IntSet.empty(), IntSet.of(python, sql)), java.util.List.of());
    assertEquals(Status.SATISFIED, tree(declared).status());
    assertEquals(IntSet.of(sql, python), tree(declared).countedCompetencies());
    assertEquals(IntSet.empty(), tree(declared).children().get(0).countedCredentials());
  }

  @Test
  void holdingsAddWhatHeldCredentialsTeach() {
    Fixture g = new Fixture();
    int sql = g.competency("sql");
    int python = g.competency("python");
    int stats = g.competency("stats");
    int course = g.credential("course", 5, sql, stats);
    CatalogSnapshot t = g.snapshot();
    Holdings h = Holdings.of(t, IntSet.of(course), IntSet.of(python));
    assertEquals(IntSet.of(course), h.credentials());
    assertEquals(IntSet.of(sql, python, stats), h.competencies());
  }
}
