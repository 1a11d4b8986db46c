package io.cairn.labor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import io.cairn.labor.data.LaborData;
import io.cairn.labor.eval.FractionResult;
import io.cairn.labor.eval.ScorerResult;
import io.cairn.labor.experiment.Experiment;
import io.cairn.labor.experiment.TrainingProgress;
import io.cairn.labor.features.ItemWeights;
import io.cairn.labor.features.PoolSettings;
import io.cairn.labor.model.LearnerSettings;
import io.cairn.labor.model.ModelCard;
import io.cairn.labor.model.NextSkill;
import io.cairn.labor.model.NextSkillRanker;
import io.cairn.labor.model.NextSkillsQuery;
import io.cairn.labor.model.SkillValueModel;
import io.cairn.labor.model.TrainingSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small fixture trains end to end in seconds; the saved model reloads with identical predictions. */
class SkillValueModelTest {
  private static final long SEED = 5;
  private static final Map<String, String> FILES = Map.of("fixture-offers.csv", "ab".repeat(32));
  private static LaborData data;
  private static Experiment.Trained trained;

  @TempDir
  static Path dir;

  @BeforeAll
  static void train() {
    data = new LaborFixture(SEED).data();
    TrainingSettings settings = new TrainingSettings(SEED, List.of(0.2, 0.5), 3, 3, 20, 3, new PoolSettings(30, 20, 10, 8, 20),
        new ItemWeights.Settings(2, 500, 5),
        List.of(LearnerSettings.xgboost(40, 0.2, 3, false), LearnerSettings.linear(3, false)), 200);
    Experiment experiment = new Experiment(data, settings, TrainingProgress.silent());
    trained = experiment.train("fixture", FILES,
        new ModelCard.Demand("fixture-offers.csv", 12, 12, 1.0, 12, 1000, List.of()));
  }

  @Test
  void theCardNamesChecksumsSeedFeaturesAndMetrics() {
    ModelCard card = trained.card();
    assertEquals(FILES, card.dataFiles());
    assertEquals(SEED, card.splitSeed());
    assertEquals(io.cairn.labor.features.Feature.COUNT, card.features().size());
    assertEquals(2, card.candidates().size());
    assertFalse(card.tribuoProvenance().isBlank());
    ScorerResult model = card.test().scorers().getFirst();
    assertEquals("model", model.role());
    for (FractionResult f : model.fractions()) {
      assertEquals(20, f.ndcgAtK().size());
      assertTrue(f.ndcgAt10().low() <= f.ndcgAt10().mean() && f.ndcgAt10().mean() <= f.ndcgAt10().high());
    }
  }

  @Test
  void theModelBeatsRandomOnTheFixture() {
    List<ScorerResult> scorers = trained.card().test().scorers();
    ScorerResult random = scorers.stream().filter(s -> s.name().equals("random")).findFirst().orElseThrow();
    for (int f = 0; f < 2; f++) {
      assertTrue(scorers.getFirst().fractions().get(f).ndcgAt10().mean()
          > random.fractions().get(f).ndcgAt10().mean() + 0.1);
    }
  }

  @Test
  void savedAndReloadedTheModelPredictsTheSame() {
    Path file = dir.resolve("fixture.model");
    SkillValueModel saved = SkillValueModel.save(file, trained.scorer(), trained.card(), data);
    SkillValueModel loaded = SkillValueModel.load(file);
    assertEquals(saved.card().splitSeed(), loaded.card().splitSeed());
    assertEquals(saved.card().dataFiles(), loaded.card().dataFiles());
    assertEquals(saved.card().test().scorers().getFirst(), loaded.card().test().scorers().getFirst());
    NextSkillRanker before = saved.bind(data.snapshot());
    NextSkillRanker after = loaded.bind(data.snapshot());
    for (Occupation o : data.snapshot().occupations()) {
      IntSet held = IntSet.of(o.essential().toArray()[0], o.essential().toArray()[1]);
      NextSkillsQuery query = new NextSkillsQuery(held, NextSkillRanker.minorGroup(o), -1, 10);
      assertEquals(before.rankNextSkills(query), after.rankNextSkills(query));
      int[] skills = o.essential().union(o.optional()).toArray();
      assertArrayEquals(before.values(held, "", skills), after.values(held, "", skills), 0.0);
    }
  }

  @Test
  void nextSkillsPutTheGoalFirstAndNeverSuggestWhatIsHeld() {
    SkillValueModel model = SkillValueModel.save(dir.resolve("goal.model"), trained.scorer(), trained.card(), data);
    CatalogSnapshot snapshot = data.snapshot();
    NextSkillRanker ranker = model.bind(snapshot);
    Occupation goal = snapshot.occupations().get(4);
    IntSet held = IntSet.of(goal.essential().toArray()[0]);
    List<NextSkill> next = ranker.rankNextSkills(new NextSkillsQuery(held, "", goal.index(), 12));
    assertEquals(12, next.size());
    int missingEssential = goal.essential().minus(held).size();
    for (int i = 0; i < next.size(); i++) {
      NextSkill s = next.get(i);
      assertFalse(held.contains(s.competency()), "suggested a held skill");
      if (i < missingEssential) {
        assertEquals("essential", s.goalRelation());
      }
      assertTrue(s.goesWith().stream().allMatch(held::contains));
    }
    // values() scores the same skills as the ranking (without a goal occupation), and a held skill is worth 0
    String field = NextSkillRanker.minorGroup(goal);
    List<NextSkill> free = ranker.rankNextSkills(new NextSkillsQuery(held, field, -1, 8));
    int[] skills = free.stream().mapToInt(NextSkill::competency).sorted().toArray();
    double[] values = ranker.values(held, field, skills);
    for (NextSkill s : free) {
      assertEquals(s.value(), values[java.util.Arrays.binarySearch(skills, s.competency())], 1e-9);
    }
    assertEquals(0, ranker.values(held, field, held.toArray())[0], 0);
  }
}
