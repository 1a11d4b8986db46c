package io.cairn.labor.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.labor.features.Feature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.regression.Regressor;

/**
 * A Tribuo XGBoost regression model's trees in flat arrays, scored over a dense row of {@link Feature} values
 * without Tribuo's per-example objects or XGBoost's native matrices. Read once from the booster's own JSON model,
 * which keeps every threshold and leaf value at float precision, and scored as XGBoost's CPU predictor does: a
 * node sends a value to its left child when {@code value < threshold} (both float32), a missing value (NaN) down
 * its default branch, and the prediction is {@code base_score} plus each tree's leaf, summed in float32 in tree
 * order. Immutable and thread-safe.
 */
final class TreeEnsemble {
  /** Decimals read exactly, so that each parses straight to the float XGBoost printed. */
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final float baseScore;
  /** Per tree, the index of its root node in the node arrays. */
  private final int[] roots;
  /** Per node: the {@link Feature} ordinal split on, or -1 for a leaf. */
  private final int[] feature;
  /** Per node: the split threshold, or the leaf value of a leaf. */
  private final float[] threshold;
  /** Per node: the left child's node index; the right child is {@code right[node]}. */
  private final int[] left;
  private final int[] right;
  /** Per node: whether a missing value goes left. */
  private final boolean[] defaultLeft;
  /**
   * The nodes as scored: four ints a node (the feature or -1, the threshold's or leaf value's float bits, the left
   * and right children's positions in this array), so that a step down a tree reads one cache line.
   */
  private final int[] packed;
  /** The same trees laid out complete, for rows without NaN; null when a tree is too deep for it. */
  private final CompleteTrees complete;

  private TreeEnsemble(float baseScore, int[] roots, int[] feature, float[] threshold, int[] left, int[] right,
      boolean[] defaultLeft) {
    this.baseScore = baseScore;
    this.roots = roots;
    this.feature = feature;
    this.threshold = threshold;
    this.left = left;
    this.right = right;
    this.defaultLeft = defaultLeft;
    this.packed = new int[feature.length * 4];
    for (int node = 0; node < feature.length; node++) {
      packed[node * 4] = feature[node];
      packed[node * 4 + 1] = Float.floatToRawIntBits(threshold[node]);
      packed[node * 4 + 2] = left[node] * 4;
      packed[node * 4 + 3] = right[node] * 4;
    }
    this.complete = CompleteTrees.of(roots, feature, threshold, left, right);
  }

  /**
   * The trees of {@code model}, or null when it is not a single-output XGBoost regression this class scores alike
   * (another booster, objective, categorical splits, or a feature the model knows by a name outside
   * {@link Feature}).
   */
  static TreeEnsemble of(Model<Regressor> model) {
    if (!(model instanceof XGBoostModel<Regressor> xgboost) || xgboost.getInnerModels().size() != 1) {
      return null;
    }
    try {
      return parse(JSON.readTree(xgboost.getInnerModels().getFirst().toByteArray("json")),
          model.getFeatureIDMap());
    } catch (XGBoostError | IOException e) {
      return null;
    }
  }

  private static TreeEnsemble parse(JsonNode root, ImmutableFeatureMap features) {
    JsonNode learner = root.path("learner");
    JsonNode booster = learner.path("gradient_booster");
    if (!learner.path("objective").path("name").asText().equals("reg:squarederror")
        || !booster.path("name").asText().equals("gbtree")) {
      return null;
    }
    // Tribuo's feature ids are the booster's column indices
    int[] ordinalOfColumn = new int[features.size()];
    for (int id = 0; id < ordinalOfColumn.length; id++) {
      ordinalOfColumn[id] = ordinalOf(features.get(id).getName());
    }
    float baseScore = toFloat(learner.path("learner_model_param").path("base_score"));
    JsonNode trees = booster.path("model").path("trees");
    int total = 0;
    for (JsonNode tree : trees) {
      total += tree.path("left_children").size();
    }
    int[] roots = new int[trees.size()];
    int[] feature = new int[total];
    float[] threshold = new float[total];
    int[] left = new int[total];
    int[] right = new int[total];
    boolean[] defaultLeft = new boolean[total];
    int offset = 0;
    int t = 0;
    for (JsonNode tree : trees) {
      JsonNode splitTypes = tree.path("split_type");
      int n = tree.path("left_children").size();
      roots[t++] = offset;
      for (int i = 0; i < n; i++) {
        int node = offset + i;
        int l = tree.path("left_children").get(i).asInt();
        threshold[node] = toFloat(tree.path("split_conditions").get(i));
        if (l < 0) {
          feature[node] = -1;
          left[node] = -1;
          right[node] = -1;
          continue;
        }
        if (splitTypes.size() > i && splitTypes.get(i).asInt() != 0) {
          return null;
        }
        int column = tree.path("split_indices").get(i).asInt();
        if (column < 0 || column >= ordinalOfColumn.length || ordinalOfColumn[column] < 0) {
          return null;
        }
        feature[node] = ordinalOfColumn[column];
        left[node] = offset + l;
        right[node] = offset + tree.path("right_children").get(i).asInt();
        defaultLeft[node] = tree.path("default_left").get(i).asBoolean();
      }
      offset += n;
    }
    return new TreeEnsemble(baseScore, roots, feature, threshold, left, right, defaultLeft);
  }

  /** A JSON number (or a number in a string, as XGBoost writes {@code base_score}) as the float it was written from. */
  private static float toFloat(JsonNode number) {
    return Float.parseFloat(number.isNumber() ? number.decimalValue().toString() : number.asText());
  }

  private static int ordinalOf(String featureName) {
    for (Feature f : Feature.values()) {
      if (f.featureName().equals(featureName)) {
        return f.ordinal();
      }
    }
    return -1;
  }

  /**
   * The predictions for the first {@code rows} rows of {@link Feature#COUNT} values each. Tree after tree over
   * every row (one tree's nodes stay in the L1 cache), each row's sum kept in float32 and added to in tree order,
   * as XGBoost adds them.
   */
  double[] predict(float[] values, int rows) {
    float[] sums = new float[rows];
    Arrays.fill(sums, baseScore);
    if (complete != null && !anyNaN(values, rows)) {
      complete.addTo(values, rows, sums);
      return widen(sums);
    }
    for (int root : roots) {
      int start = root * 4;
      for (int row = 0, base = 0; row < rows; row++, base += Feature.COUNT) {
        int node = start;
        int f;
        while ((f = packed[node]) >= 0) {
          float x = values[base + f];
          if (x < Float.intBitsToFloat(packed[node + 1])) {
            node = packed[node + 2];
          } else if (!Float.isNaN(x) || !defaultLeft[node >> 2]) {
            node = packed[node + 3];
          } else {
            node = packed[node + 2];
          }
        }
        sums[row] += Float.intBitsToFloat(packed[node + 1]);
      }
    }
    return widen(sums);
  }

  private static boolean anyNaN(float[] values, int rows) {
    for (int i = 0; i < rows * Feature.COUNT; i++) {
      if (Float.isNaN(values[i])) {
        return true;
      }
    }
    return false;
  }

  private static double[] widen(float[] sums) {
    double[] predictions = new double[sums.length];
    for (int row = 0; row < sums.length; row++) {
      predictions[row] = sums[row];
    }
    return predictions;
  }

  /** Whether some split reads the feature of this ordinal. */
  boolean reads(int ordinal) {
    return Arrays.stream(feature).anyMatch(f -> f == ordinal);
  }

  /** Every threshold the trees compare {@code feature} (an ordinal) with, ascending. */
  float[] thresholds(int ordinal) {
    List<Float> found = new ArrayList<>();
    for (int node = 0; node < feature.length; node++) {
      if (feature[node] == ordinal) {
        found.add(threshold[node]);
      }
    }
    float[] out = new float[found.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = found.get(i);
    }
    Arrays.sort(out);
    return out;
  }
}
