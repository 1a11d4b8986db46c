package io.cairn.labor.titles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/** The trained reranker: a Tribuo regression of "this candidate is the title's occupation" on the features. */
final class TitleScorer {
  static final String[] FEATURE_NAMES = Arrays.stream(TitleFeature.values()).map(TitleFeature::featureName)
      .toArray(String[]::new);

  private final Model<Regressor> model;

  TitleScorer(Model<Regressor> model) {
    this.model = model;
  }

  /** One score per candidate, higher is likelier. */
  double[] score(TitleFeatures.Candidates candidates) {
    int n = candidates.size();
    if (n == 0) {
      return new double[0];
    }
    List<Example<Regressor>> examples = new ArrayList<>(n);
    for (int c = 0; c < n; c++) {
      double[] row = new double[TitleFeature.COUNT];
      for (int f = 0; f < row.length; f++) {
        row[f] = candidates.features()[c * TitleFeature.COUNT + f];
      }
      examples.add(new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, FEATURE_NAMES, row));
    }
    List<Prediction<Regressor>> predictions = model.predict(examples);
    double[] scores = new double[n];
    for (int c = 0; c < n; c++) {
      scores[c] = predictions.get(c).getOutput().getValues()[0];
    }
    return scores;
  }

  /** Tribuo's provenance of the model: trainer, hyperparameters, data, library versions. */
  String provenance() {
    return model.getProvenance().toString();
  }

  void write(OutputStream out) throws IOException {
    model.serializeToStream(out);
  }

  @SuppressWarnings("unchecked")
  static TitleScorer read(InputStream in) throws IOException {
    Model<?> model = Model.deserializeFromStream(in);
    if (!model.validate(Regressor.class)) {
      throw new IOException("the title model does not hold a regression model");
    }
    return new TitleScorer((Model<Regressor>) model);
  }
}
