package io.cairn.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.Cairn;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.SampleData;
import io.cairn.interop.vc.Ob3Fixtures;
import io.cairn.interop.vc.PresentedCredential;
import io.cairn.interop.vc.Refusal;
import io.cairn.rank.Recommendation;
import io.cairn.rank.RecommendationList;
import io.cairn.rank.RecommendationRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Presented credentials through the engine's front door: verified achievements count as the catalog credential
 * they name, or as the ESCO skills they are aligned to; refused ones count for nothing; every answer says which.
 */
class PresentedCredentialsTest {
  private static final String SPREADSHEETS = "valid-ob3-di-eddsa-rdfc-2022-sf-spreadsheet-essentials.json";
  private static final String PYTHON = "valid-ob3-di-eddsa-rdfc-2022-python-for-data-analysis.json";
  private static final String TAMPERED = "invalid-ob3-di-claim-tampered.json";
  private static final String DATA_ANALYST = "d3edb8f8-3a06-47a0-8fb9-9b212c006aa2";
  private static Cairn cairn;

  @BeforeAll
  static void start() {
    LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory());
    catalog.load(SampleData.sources());
    cairn = Cairn.over(catalog).verifying(Ob3Fixtures.verifier());
  }

  @AfterAll
  static void stop() {
    cairn.close();
  }

  private static Learner presenting(String... files) {
    return new Learner("", List.of(), List.of(),
        java.util.Arrays.stream(files).map(f -> new PresentedCredential(Ob3Fixtures.text(f))).toList());
  }

  @Test
  void aVerifiedBadgeWhoseAchievementIsACatalogCredentialCountsAsThatCredential() {
    CatalogSnapshot s = cairn.snapshot();
    ResolvedLearner learner = ResolvedLearner.resolve(s, cairn.verified(presenting(SPREADSHEETS)));
    int spreadsheets = s.findCredential("sf-spreadsheet-essentials").orElseThrow().index();
    assertTrue(learner.credentials().contains(spreadsheets));
    LearnerHoldings.VerifiedHolding holding = learner.holdings().verified().getFirst();
    assertEquals(spreadsheets, holding.achievements().getFirst().credential());
    assertTrue(learner.holdings().declaredCredentials().isEmpty());
    assertTrue(s.credential(spreadsheets).teaches().minus(learner.competencies()).isEmpty(),
        "held through the badge: the credential's skills");
  }

  @Test
  void aVerifiedAchievementUnknownToTheCatalogCountsItsAlignedSkills() {
    CatalogSnapshot s = cairn.snapshot();
    ResolvedLearner learner = ResolvedLearner.resolve(s, cairn.verified(presenting(PYTHON)));
    LearnerHoldings.MappedAchievement mapped = learner.holdings().verified().getFirst().achievements().getFirst();
    assertFalse(mapped.inCatalog());
    Set<String> held = learner.competencies().stream().mapToObj(k -> s.competency(k).iri()).collect(Collectors.toSet());
    assertTrue(held.contains("http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"), "Python");
    assertTrue(held.contains("http://data.europa.eu/esco/skill/2b92a5b2-6758-4ee3-9fb4-b6387a55cc8f"),
        "perform data analysis");
    assertEquals(2, mapped.competencies().size());
    assertTrue(learner.credentials().isEmpty());
  }

  @Test
  void aRefusedCredentialCountsForNothingAndSaysWhy() {
    ResolvedLearner learner = ResolvedLearner.resolve(cairn.snapshot(), cairn.verified(presenting(TAMPERED)));
    assertTrue(learner.competencies().isEmpty());
    assertTrue(learner.holdings().verified().isEmpty());
    assertEquals(Refusal.BAD_SIGNATURE, learner.holdings().refused().getFirst().refusal().orElseThrow());
  }

  @Test
  void aPresentedVerifiedBadgeChangesTheRecommendations() {
    RecommendationList without = cairn.recommend(new RecommendationRequest(Learner.empty(),
        new Goal.OccupationGoal(DATA_ANALYST), Constraints.none(), 10));
    RecommendationList with = cairn.recommend(new RecommendationRequest(presenting(SPREADSHEETS, PYTHON, TAMPERED),
        new Goal.OccupationGoal(DATA_ANALYST), Constraints.none(), 10));
    assertTrue(with.goal().metTargets().size() > without.goal().metTargets().size(),
        "the verified badge and the verified skills meet some of the goal's targets");
    List<String> suggested = with.items().stream().map(Recommendation::credential)
        .map(i -> cairn.snapshot().credential(i).id()).toList();
    assertFalse(suggested.contains("sf-spreadsheet-essentials"), "a credential held through a badge is not suggested");
    assertNotEquals(without.items().stream().map(Recommendation::credential).toList(),
        with.items().stream().map(Recommendation::credential).toList());
    assertEquals(2, with.holdings().verified().size());
    assertEquals(1, with.holdings().refused().size());
  }

  @Test
  void presentedCredentialsAreNeverTakenUnverified() {
    Learner unverified = presenting(SPREADSHEETS);
    assertThrows(UnverifiedCredentialsException.class, () -> ResolvedLearner.resolve(cairn.snapshot(), unverified));
    LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory());
    catalog.load(SampleData.sources());
    try (Cairn noVerifier = Cairn.over(catalog)) {
      assertThrows(UnverifiedCredentialsException.class, () -> noVerifier.recommend(new RecommendationRequest(
          unverified, new Goal.OccupationGoal(DATA_ANALYST), Constraints.none(), 3)));
    }
  }
}
