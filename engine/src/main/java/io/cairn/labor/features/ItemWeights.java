package io.cairn.labor.features;

import io.cairn.labor.data.OccupationSkills;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Learned item-to-item weights, as EASE (Steck, 2019) learns them: the closed-form ridge regression of each
 * skill's column of the occupation-skill matrix on the other columns, {@code B = I - P / diag(P)} with
 * {@code P = (XᵀX + λI)⁻¹} and a zero diagonal. The Gram matrix is inverted densely, so the vocabulary is
 * restricted to the skills needed by at least {@code minOccupations} of the occupations, at most
 * {@code maxSkills} of them (the most needed): rarer skills get no weight (feature 0).
 */
public final class ItemWeights {
  /** Which skills get weights and the ridge strength. */
  public record Settings(int minOccupations, int maxSkills, double lambda) {
    public static final Settings DEFAULT = new Settings(5, 1500, 50);
  }

  private final int[] position;
  private final int[] vocabulary;
  private final float[] weights;

  private ItemWeights(int skillCount, int[] vocabulary, float[] weights) {
    this.vocabulary = vocabulary;
    this.weights = weights;
    this.position = new int[skillCount];
    Arrays.fill(position, -1);
    for (int i = 0; i < vocabulary.length; i++) {
      position[vocabulary[i]] = i;
    }
  }

  /** Fits the weights on the occupations. */
  public static ItemWeights fit(int skillCount, List<OccupationSkills> occupations, Settings settings) {
    int[] count = new int[skillCount];
    occupations.forEach(o -> o.skills().stream().forEach(s -> count[s]++));
    int[] vocabulary = IntStream.range(0, skillCount).filter(s -> count[s] >= settings.minOccupations())
        .boxed().sorted((a, b) -> count[b] != count[a] ? Integer.compare(count[b], count[a]) : Integer.compare(a, b))
        .limit(settings.maxSkills()).mapToInt(Integer::intValue).sorted().toArray();
    int n = vocabulary.length;
    int[] position = new int[skillCount];
    Arrays.fill(position, -1);
    for (int i = 0; i < n; i++) {
      position[vocabulary[i]] = i;
    }
    double[] gram = new double[n * n];
    for (OccupationSkills o : occupations) {
      int[] cols = o.skills().stream().map(s -> position[s]).filter(p -> p >= 0).toArray();
      for (int a : cols) {
        for (int b : cols) {
          gram[a * n + b] += 1;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      gram[i * n + i] += settings.lambda();
    }
    invertInPlace(gram, n);
    float[] weights = new float[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        weights[i * n + j] = i == j ? 0f : (float) (-gram[i * n + j] / gram[j * n + j]);
      }
    }
    return new ItemWeights(skillCount, vocabulary, weights);
  }

  /** Skills with weights. */
  public int vocabularySize() {
    return vocabulary.length;
  }

  /** The weight-matrix rows of the held skills in the vocabulary, in the order held: once per profile. */
  int[] rows(int[] held) {
    int[] rows = new int[held.length];
    int n = 0;
    for (int h : held) {
      if (position[h] >= 0) {
        rows[n++] = position[h];
      }
    }
    return java.util.Arrays.copyOf(rows, n);
  }

  /** Σ over held skills h of weight(h → candidate), given their {@link #rows}; 0 outside the vocabulary. */
  double score(int[] heldRows, int candidate) {
    int c = position[candidate];
    if (c < 0) {
      return 0;
    }
    int n = vocabulary.length;
    double sum = 0;
    for (int r : heldRows) {
      sum += weights[r * n + c];
    }
    return sum;
  }

  /** Gauss-Jordan inversion of a symmetric positive-definite matrix (no pivoting needed), rows in parallel. */
  private static void invertInPlace(double[] a, int n) {
    for (int k = 0; k < n; k++) {
      final int pivotRow = k;
      double pivot = a[k * n + k];
      a[k * n + k] = 1;
      for (int j = 0; j < n; j++) {
        a[k * n + j] /= pivot;
      }
      IntStream.range(0, n).parallel().forEach(i -> {
        if (i == pivotRow) {
          return;
        }
        double f = a[i * n + pivotRow];
        if (f == 0) {
          return;
        }
        a[i * n + pivotRow] = 0;
        int ri = i * n;
        int rk = pivotRow * n;
        for (int j = 0; j < n; j++) {
          a[ri + j] -= f * a[rk + j];
        }
      });
    }
  }

  /** Writes the weights for {@link #read}; skills are written as given by {@code iriOf}. */
  public void write(DataOutputStream out, java.util.function.IntFunction<String> iriOf) throws IOException {
    out.writeInt(vocabulary.length);
    for (int s : vocabulary) {
      out.writeUTF(iriOf.apply(s));
    }
    for (float w : weights) {
      out.writeFloat(w);
    }
  }

  /**
   * Reads weights written by {@link #write}, mapping skills back with {@code indexOf} (negative when the
   * snapshot lacks the skill: its weights are dropped).
   */
  public static ItemWeights read(DataInputStream in, int skillCount, java.util.function.ToIntFunction<String> indexOf)
      throws IOException {
    int n = in.readInt();
    int[] mapped = new int[n];
    for (int i = 0; i < n; i++) {
      mapped[i] = indexOf.applyAsInt(in.readUTF());
    }
    float[] all = new float[n * n];
    byte[] bytes = new byte[n * n * 4];
    in.readFully(bytes);
    java.nio.ByteBuffer.wrap(bytes).asFloatBuffer().get(all);
    int[] keep = IntStream.range(0, n).filter(i -> mapped[i] >= 0).boxed()
        .sorted((a, b) -> Integer.compare(mapped[a], mapped[b])).mapToInt(Integer::intValue).toArray();
    int m = keep.length;
    float[] weights = new float[m * m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        weights[i * m + j] = all[keep[i] * n + keep[j]];
      }
    }
    return new ItemWeights(skillCount, Arrays.stream(keep).map(i -> mapped[i]).toArray(), weights);
  }
}
