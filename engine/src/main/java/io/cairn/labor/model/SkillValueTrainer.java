package io.cairn.labor.model;

import io.cairn.labor.features.Feature;
import java.util.Arrays;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/** Trains a Tribuo regression of graded relevance on the features (pointwise learning to rank). */
public final class SkillValueTrainer {
  static final String TARGET = "relevance";
  static final String[] FEATURE_NAMES = Arrays.stream(Feature.values()).map(Feature::featureName)
      .toArray(String[]::new);

  private final long seed;
  private final int threads;

  public SkillValueTrainer(long seed, int threads) {
    this.seed = seed;
    this.threads = threads;
  }

  /** Fits the learner to the examples. */
  public LearnedScorer train(List<TrainingExample> examples, LearnerSettings settings) {
    RegressionFactory factory = new RegressionFactory();
    MutableDataset<Regressor> dataset = new MutableDataset<>(
        new SimpleDataSourceProvenance("skill-value training profiles", factory), factory);
    int[] used = varying(examples);
    String[] names = Arrays.stream(used).mapToObj(f -> FEATURE_NAMES[f]).toArray(String[]::new);
    for (TrainingExample e : examples) {
      double[] values = Arrays.stream(used).mapToDouble(f -> e.features()[f]).toArray();
      ArrayExample<Regressor> example = new ArrayExample<>(new Regressor(TARGET, e.relevance()), names, values);
      example.setWeight(settings.weight(e.offers()));
      dataset.add(example);
    }
    Model<Regressor> model = settings.trainer(seed, threads).train(dataset);
    return new LearnedScorer(model, settings.kind().equals("linear"));
  }

  /**
   * The features that vary across the examples. A constant one carries nothing and would make standardisation
   * divide by zero; Tribuo ignores features a model has not seen, so predictions may still pass every feature.
   */
  private static int[] varying(List<TrainingExample> examples) {
    return java.util.stream.IntStream.range(0, FEATURE_NAMES.length).filter(f -> {
      double first = examples.getFirst().features()[f];
      return examples.stream().anyMatch(e -> e.features()[f] != first);
    }).toArray();
  }
}
