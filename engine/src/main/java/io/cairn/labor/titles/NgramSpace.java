package io.cairn.labor.titles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A TF-IDF vector space over the character n-grams of words (each word padded with boundary marks, so "dev"
 * and "developer" share "&lt;de" and "dev" while "adventure" shares only "dev") and the words themselves. Short
 * titles, typos and word forms all meet on shared n-grams. Fitted on one corpus (its vocabulary and document
 * frequencies); a vector has sublinear term frequencies times smoothed IDF, L2-normalised, so the dot product of
 * two vectors is their cosine. Immutable and thread-safe.
 */
final class NgramSpace {
  static final int MIN_N = 3;
  static final int MAX_N = 5;
  private static final String WORD = "w:";

  private final Map<String, Integer> vocabulary;
  private final float[] idf;

  private NgramSpace(Map<String, Integer> vocabulary, float[] idf) {
    this.vocabulary = vocabulary;
    this.idf = idf;
  }

  /** The space of documents with these feature {@link #counts}. */
  static NgramSpace fit(List<Map<String, Integer>> documents) {
    Map<String, Integer> vocabulary = new HashMap<>();
    List<Integer> df = new ArrayList<>();
    for (Map<String, Integer> document : documents) {
      for (String feature : document.keySet()) {
        Integer id = vocabulary.putIfAbsent(feature, vocabulary.size());
        if (id == null) {
          df.add(1);
        } else {
          df.set(id, df.get(id) + 1);
        }
      }
    }
    float[] idf = new float[df.size()];
    for (int i = 0; i < idf.length; i++) {
      idf[i] = (float) (Math.log((documents.size() + 1.0) / (df.get(i) + 1.0)) + 1);
    }
    return new NgramSpace(Map.copyOf(vocabulary), idf);
  }

  int dimensions() {
    return idf.length;
  }

  /** The vector of {@code text} (cleaned); features the corpus never had are left out. */
  SparseVector vector(String text) {
    return vector(counts(text));
  }

  /** The vector of a text with these feature {@link #counts}. */
  SparseVector vector(Map<String, Integer> counts) {
    int[] ids = new int[counts.size()];
    float[] values = new float[counts.size()];
    int n = 0;
    for (var e : counts.entrySet()) {
      Integer id = vocabulary.get(e.getKey());
      if (id != null) {
        ids[n] = id;
        values[n] = (float) ((1 + Math.log(e.getValue())) * idf[id]);
        n++;
      }
    }
    return SparseVector.of(Arrays.copyOf(ids, n), Arrays.copyOf(values, n));
  }

  /** Feature counts of a text: the n-grams of each padded word and the word itself. */
  static Map<String, Integer> counts(String text) {
    Map<String, Integer> counts = new HashMap<>();
    for (String word : text.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      counts.merge(WORD + word, 1, Integer::sum);
      String padded = "<" + word + ">";
      for (int n = MIN_N; n <= MAX_N; n++) {
        for (int i = 0; i + n <= padded.length(); i++) {
          counts.merge(padded.substring(i, i + n), 1, Integer::sum);
        }
      }
      if (padded.length() < MIN_N) {
        counts.merge(padded, 1, Integer::sum);
      }
    }
    return counts;
  }
}
