package io.cairn.labor.split;

import io.cairn.labor.data.OccupationSkills;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * A seeded split of occupations by ISCO unit group: whole groups go to training (70%), validation (10%) or test
 * (20%), so sibling occupations never sit on both sides. Occupations without a unit group form one group each.
 *
 * @param train occupations for statistics and training examples
 * @param validation occupations for every choice (model, hyperparameters, baseline knobs)
 * @param test occupations measured once
 */
public record GroupSplit(long seed, List<OccupationSkills> train, List<OccupationSkills> validation,
    List<OccupationSkills> test) {

  public static final double TRAIN_SHARE = 0.7;
  public static final double VALIDATION_SHARE = 0.1;

  public GroupSplit {
    train = List.copyOf(train);
    validation = List.copyOf(validation);
    test = List.copyOf(test);
  }

  public static GroupSplit of(List<OccupationSkills> occupations, long seed) {
    TreeSet<String> groups = new TreeSet<>();
    occupations.forEach(o -> groups.add(groupKey(o)));
    List<String> shuffled = new ArrayList<>(groups);
    java.util.Collections.shuffle(shuffled, new Random(seed));
    int trainEnd = (int) Math.round(shuffled.size() * TRAIN_SHARE);
    int validationEnd = (int) Math.round(shuffled.size() * (TRAIN_SHARE + VALIDATION_SHARE));
    java.util.Map<String, Integer> part = new java.util.HashMap<>();
    for (int i = 0; i < shuffled.size(); i++) {
      part.put(shuffled.get(i), i < trainEnd ? 0 : i < validationEnd ? 1 : 2);
    }
    List<OccupationSkills> train = new ArrayList<>();
    List<OccupationSkills> validation = new ArrayList<>();
    List<OccupationSkills> test = new ArrayList<>();
    for (OccupationSkills o : occupations) {
      switch (part.get(groupKey(o))) {
        case 0 -> train.add(o);
        case 1 -> validation.add(o);
        default -> test.add(o);
      }
    }
    return new GroupSplit(seed, train, validation, test);
  }

  /** The unit group an occupation is split with (an occupation without one is a group of its own). */
  public static String groupKey(OccupationSkills o) {
    return o.unitGroup().isEmpty() ? "occupation:" + o.iri() : o.unitGroup();
  }
}
