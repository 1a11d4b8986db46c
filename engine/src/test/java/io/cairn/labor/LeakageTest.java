package io.cairn.labor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.IntSet;
import io.cairn.labor.data.LaborData;
import io.cairn.labor.data.OccupationSkills;
import io.cairn.labor.features.Feature;
import io.cairn.labor.features.FeatureExtractor;
import io.cairn.labor.features.FeatureMatrix;
import io.cairn.labor.features.Holdout;
import io.cairn.labor.features.ItemWeights;
import io.cairn.labor.features.PoolSettings;
import io.cairn.labor.features.SkillStatistics;
import io.cairn.labor.profile.Profile;
import io.cairn.labor.profile.ProfileSampler;
import io.cairn.labor.split.GroupSplit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Features come from the training split only, and a training profile's own unit group is held out. */
class LeakageTest {
  private static final long SEED = 7;
  private static final ItemWeights.Settings WEIGHTS = new ItemWeights.Settings(1, 500, 5);
  private static final PoolSettings POOL = new PoolSettings(30, 20, 10, 8, 20);
  /** Features that describe the skill itself, not any occupation: they may be non-zero for any skill. */
  private static final Set<Feature> INTRINSIC = EnumSet.of(Feature.DIGITAL, Feature.GREEN, Feature.TRANSVERSAL,
      Feature.LANGUAGE, Feature.KNOWLEDGE, Feature.REUSE_TRANSVERSAL, Feature.REUSE_CROSS_SECTOR,
      Feature.REUSE_SECTOR_SPECIFIC, Feature.REUSE_OCCUPATION_SPECIFIC, Feature.HELD_COUNT, Feature.GOAL_FIELD_SIZE,
      Feature.HIERARCHY_SHARED_DEPTH, Feature.HIERARCHY_SIBLINGS, Feature.HIERARCHY_PARENT_CHILD);

  @Test
  void aSkillOnlyTestOccupationsNeedLeaksIntoNoFeature() {
    LaborFixture fixture = new LaborFixture(SEED);
    Set<String> testGroups = GroupSplit.of(fixture.data().occupations(), SEED).test().stream()
        .map(OccupationSkills::unitGroup).collect(Collectors.toSet());
    int planted = fixture.plant("planted", o -> testGroups.contains(o.iscoGroup().substring(1)));
    LaborData data = fixture.data();
    GroupSplit split = GroupSplit.of(data.occupations(), SEED);
    assertEquals(testGroups, split.test().stream().map(OccupationSkills::unitGroup).collect(Collectors.toSet()),
        "planting a skill must not move the split");
    assertTrue(split.test().stream().allMatch(o -> o.essential().contains(planted)));

    FeatureExtractor extractor = extractor(data, split.train());
    List<Profile> profiles = new ProfileSampler(List.of(0.2, 0.5), 3, SEED).sample(data.occupations());
    for (Profile p : profiles) {
      IntSet held = p.held().minus(IntSet.of(planted));
      FeatureMatrix pool = extractor.extract(held, p.goalField(), Holdout.NONE, IntSet.empty());
      assertEquals(-1, pool.rowOf(planted), "the planted skill entered the pool of " + p.occupation().label());
      FeatureMatrix forced = extractor.extract(held, p.goalField(), Holdout.NONE, IntSet.of(planted));
      assertNoStatistics(forced, planted, p);
    }
  }

  @Test
  void aTrainingProfileLearnsNothingFromItsOwnUnitGroup() {
    LaborFixture fixture = new LaborFixture(SEED);
    GroupSplit before = GroupSplit.of(fixture.data().occupations(), SEED);
    String group = before.train().getFirst().unitGroup();
    int planted = fixture.plant("own-group-only", o -> o.iscoGroup().equals("C" + group));
    LaborData data = fixture.data();
    GroupSplit split = GroupSplit.of(data.occupations(), SEED);
    List<OccupationSkills> siblings = split.train().stream().filter(o -> o.unitGroup().equals(group)).toList();
    assertTrue(siblings.size() > 1, "the fixture's unit groups hold several occupations");

    // as the experiment does: counts over the training split less the unit group, item weights fitted without
    // the fold that holds the group (here: without the group itself)
    SkillStatistics statistics = new SkillStatistics(data.skillCount(), split.train());
    List<OccupationSkills> others = split.train().stream().filter(o -> !o.unitGroup().equals(group)).toList();
    FeatureExtractor extractor = new FeatureExtractor(data.snapshot(), statistics,
        ItemWeights.fit(data.skillCount(), others, WEIGHTS), POOL);
    for (Profile p : new ProfileSampler(List.of(0.2, 0.5), 3, SEED).sample(siblings)) {
      IntSet held = p.held().minus(IntSet.of(planted));
      FeatureMatrix withHoldout = extractor.extract(held, p.goalField(), Holdout.of(siblings), IntSet.of(planted));
      assertNoStatistics(withHoldout, planted, p);
      // without the holdout the same skill is visible: the test can tell leakage from its absence
      FeatureMatrix without = extractor.extract(held, p.goalField(), Holdout.NONE, IntSet.of(planted));
      assertTrue(without.get(without.rowOf(planted), Feature.GLOBAL_SHARE) > 0);
    }
  }

  private static FeatureExtractor extractor(LaborData data, List<OccupationSkills> train) {
    SkillStatistics statistics = new SkillStatistics(data.skillCount(), train);
    return new FeatureExtractor(data.snapshot(), statistics, ItemWeights.fit(data.skillCount(), train, WEIGHTS), POOL);
  }

  private static void assertNoStatistics(FeatureMatrix m, int skill, Profile p) {
    int row = m.rowOf(skill);
    assertFalse(row < 0, "a forced candidate is in the matrix");
    for (Feature f : Feature.values()) {
      if (!INTRINSIC.contains(f)) {
        assertEquals(0.0, m.get(row, f), 0.0, f.featureName() + " leaks the planted skill for " + p.occupation().label());
      }
    }
  }
}
