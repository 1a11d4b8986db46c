package io.cairn.labor.model;

import io.cairn.labor.features.Feature;
import io.cairn.labor.features.FeatureMatrix;
import io.cairn.labor.scoring.SkillScorer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * A trained Tribuo model as a {@link SkillScorer}: the predicted relevance of each candidate. A linear model
 * (standardisation then a weighted sum) is affine in the features, so its intercept and coefficients are read off
 * once by asking Tribuo about the zero vector and each unit vector, checked against Tribuo on seeded random
 * vectors, and candidates are then scored by a dot product: the same predictions without Tribuo's per-example
 * objects, which dominate serving time. An XGBoost model's trees are read into a {@link TreeEnsemble} and checked
 * against Tribuo likewise, on probes that sit on, just below and just above every threshold the trees compare
 * with. Any other model (or a failed check) goes through Tribuo.
 */
public final class LearnedScorer implements SkillScorer {
  /** Predictions of the fast paths within this share of Tribuo's (float32 rounding), or Tribuo's path is kept. */
  static final double TOLERANCE = 1e-5;
  private static final long PROBE_SEED = 17;

  private final Model<Regressor> model;
  private final double[] affine;
  private final TreeEnsemble trees;

  LearnedScorer(Model<Regressor> model, boolean linear) {
    this.model = model;
    this.affine = linear ? affineForm(model) : null;
    this.trees = linear ? null : verifiedTrees(model);
  }

  /** True when predictions take the dot-product path (a linear model whose affine form was verified). */
  public boolean scoresByDotProduct() {
    return affine != null;
  }

  /** True when predictions walk the model's own trees (an XGBoost model whose flat trees were verified). */
  public boolean scoresByTrees() {
    return trees != null;
  }

  /**
   * The features the predictions depend on: those some tree splits on, those with a non-zero coefficient, or
   * (through Tribuo) all of them. Serving computes only these.
   */
  public java.util.Set<Feature> featuresRead() {
    java.util.Set<Feature> read = java.util.EnumSet.noneOf(Feature.class);
    for (Feature f : Feature.values()) {
      if (trees != null ? trees.reads(f.ordinal()) : affine == null || affine[f.ordinal()] != 0) {
        read.add(f);
      }
    }
    return read;
  }

  @Override
  public double[] score(FeatureMatrix candidates) {
    if (trees != null) {
      return treeScore(trees, candidates);
    }
    if (affine == null) {
      return tribuoScore(candidates);
    }
    double[] scores = new double[candidates.size()];
    for (int i = 0; i < scores.length; i++) {
      double sum = affine[Feature.COUNT];
      for (int f = 0; f < Feature.COUNT; f++) {
        sum += affine[f] * candidates.get(i, f);
      }
      scores[i] = sum;
    }
    return scores;
  }

  /** Tribuo's own predictions, one example per candidate. */
  double[] tribuoScore(FeatureMatrix candidates) {
    return tribuoScore(model, candidates);
  }

  private static double[] tribuoScore(Model<Regressor> model, FeatureMatrix candidates) {
    int n = candidates.size();
    List<Example<Regressor>> examples = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double[] row = new double[Feature.COUNT];
      for (int f = 0; f < row.length; f++) {
        row[f] = candidates.get(i, f);
      }
      examples.add(new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, SkillValueTrainer.FEATURE_NAMES, row));
    }
    List<Prediction<Regressor>> predictions = model.predict(examples);
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      scores[i] = predictions.get(i).getOutput().getValues()[0];
    }
    return scores;
  }

  private static double[] treeScore(TreeEnsemble trees, FeatureMatrix candidates) {
    return trees.predict(candidates.values(), candidates.size());
  }

  /** The model's trees when they predict as Tribuo does on the probes, else null. */
  private static TreeEnsemble verifiedTrees(Model<Regressor> model) {
    TreeEnsemble trees = TreeEnsemble.of(model);
    if (trees == null) {
      return null;
    }
    FeatureMatrix probes = TreeProbes.around(trees, 400, PROBE_SEED);
    double[] expected = tribuoScore(model, probes);
    double[] actual = treeScore(trees, probes);
    for (int i = 0; i < expected.length; i++) {
      if (!withinTolerance(expected[i], actual[i])) {
        return null;
      }
    }
    return trees;
  }

  /** Whether a fast path's prediction equals Tribuo's to float32 rounding. */
  static boolean withinTolerance(double tribuo, double fast) {
    return Math.abs(fast - tribuo) <= TOLERANCE * Math.max(1, Math.abs(tribuo));
  }

  /** Coefficients then intercept, or null when the model does not behave as an affine function. */
  private static double[] affineForm(Model<Regressor> model) {
    int n = Feature.COUNT;
    float[] probes = new float[(n + 1 + 5) * n];
    for (int f = 0; f < n; f++) {
      probes[(f + 1) * n + f] = 1;
    }
    java.util.Random random = new java.util.Random(PROBE_SEED);
    for (int i = (n + 1) * n; i < probes.length; i++) {
      probes[i] = (float) (random.nextDouble() * 4 - 1);
    }
    int[] rows = new int[n + 1 + 5];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i;
    }
    double[] predicted = tribuoScore(model, new FeatureMatrix(rows, probes));
    double[] affine = new double[n + 1];
    affine[n] = predicted[0];
    for (int f = 0; f < n; f++) {
      affine[f] = predicted[f + 1] - predicted[0];
    }
    for (int r = n + 1; r < rows.length; r++) {
      double sum = affine[n];
      for (int f = 0; f < n; f++) {
        sum += affine[f] * probes[r * n + f];
      }
      if (Math.abs(sum - predicted[r]) > 1e-6 * (1 + Math.abs(predicted[r]))) {
        return null;
      }
    }
    return affine;
  }

  /** The Tribuo model behind the fast paths. */
  Model<Regressor> model() {
    return model;
  }

  /** Tribuo's provenance of the model: trainer, hyperparameters, data, library versions. */
  public String tribuoProvenance() {
    return model.getProvenance().toString();
  }

  void write(OutputStream out) throws IOException {
    model.serializeToStream(out);
  }

  @SuppressWarnings("unchecked")
  static LearnedScorer read(InputStream in, boolean linear) throws IOException {
    Model<?> model = Model.deserializeFromStream(in);
    if (!model.validate(Regressor.class)) {
      throw new IOException("the model file does not hold a regression model");
    }
    return new LearnedScorer((Model<Regressor>) model, linear);
  }
}
