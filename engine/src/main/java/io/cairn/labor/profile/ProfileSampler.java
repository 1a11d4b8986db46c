package io.cairn.labor.profile;

import io.cairn.catalog.IntSet;
import io.cairn.labor.data.OccupationSkills;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws seeded learner profiles: for each occupation and held fraction, {@code perOccupation} random subsets of
 * its skills of that size (at least one skill held and one hidden). Occupations with fewer than
 * {@link #MIN_SKILLS} skills are left out: there is nothing to hide.
 */
public record ProfileSampler(List<Double> heldFractions, int perOccupation, long seed) {
  public static final int MIN_SKILLS = 4;
  /** The held fractions the issue asks for. */
  public static final List<Double> FRACTIONS = List.of(0.2, 0.5);

  public ProfileSampler {
    heldFractions = List.copyOf(heldFractions);
    if (perOccupation < 1) {
      throw new IllegalArgumentException("perOccupation must be at least 1");
    }
  }

  /** Profiles of the occupations; the same seed and occupations give the same profiles. */
  public List<Profile> sample(List<OccupationSkills> occupations) {
    List<Profile> profiles = new ArrayList<>();
    for (OccupationSkills o : occupations) {
      int[] skills = o.skills().toArray();
      if (skills.length < MIN_SKILLS) {
        continue;
      }
      // one stream per occupation, so adding an occupation does not change the others' profiles
      Random random = new Random(seed * 1_000_003L + o.iri().hashCode());
      for (double fraction : heldFractions) {
        int held = Math.max(1, Math.min(skills.length - 1, (int) Math.round(fraction * skills.length)));
        for (int p = 0; p < perOccupation; p++) {
          profiles.add(new Profile(o, fraction, IntSet.of(pick(skills, held, random))));
        }
      }
    }
    return profiles;
  }

  private static int[] pick(int[] skills, int count, Random random) {
    int[] copy = skills.clone();
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(copy.length - i);
      int t = copy[i];
      copy[i] = copy[j];
      copy[j] = t;
    }
    return java.util.Arrays.copyOf(copy, count);
  }
}
