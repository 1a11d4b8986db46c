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

/** A trained Tribuo model as a {@link SkillScorer}: the predicted relevance of each candidate. */
public final class LearnedScorer implements SkillScorer {
  private final Model<Regressor> model;

  LearnedScorer(Model<Regressor> model) {
    this.model = model;
  }

  @Override
  public double[] score(FeatureMatrix candidates) {
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

  /** Tribuo's provenance of the model: trainer, hyperparameters, data, library versions. */
  public String tribuoProvenance() {
    return model.getProvenance().toString();
  }

  void write(OutputStream out) throws IOException {
    model.serializeToStream(out);
  }

  @SuppressWarnings("unchecked")
  static LearnedScorer read(InputStream in) throws IOException {
    Model<?> model = Model.deserializeFromStream(in);
    if (!model.validate(Regressor.class)) {
      throw new IOException("the model file does not hold a regression model");
    }
    return new LearnedScorer((Model<Regressor>) model);
  }
}
