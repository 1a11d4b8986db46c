package io.cairn.labor.titles;

import java.util.ArrayList;
import java.util.List;

/**
 * Cosine similarity of a query to every document of a corpus, through an inverted index of their
 * {@link NgramSpace} vectors: only documents sharing a feature with the query are touched. Immutable and
 * thread-safe.
 */
final class NeighbourIndex {
  private final NgramSpace space;
  private final int documents;
  private final int[][] postingDocs;
  private final float[][] postingValues;

  /** Indexes {@code texts} (cleaned); document i is texts.get(i). */
  NeighbourIndex(List<String> texts) {
    List<java.util.Map<String, Integer>> counts = texts.stream().map(NgramSpace::counts).toList();
    this.space = NgramSpace.fit(counts);
    this.documents = texts.size();
    int dims = space.dimensions();
    int[] lengths = new int[dims];
    List<SparseVector> vectors = new ArrayList<>(texts.size());
    for (var count : counts) {
      SparseVector v = space.vector(count);
      vectors.add(v);
      for (int id : v.ids()) {
        lengths[id]++;
      }
    }
    postingDocs = new int[dims][];
    postingValues = new float[dims][];
    for (int f = 0; f < dims; f++) {
      postingDocs[f] = new int[lengths[f]];
      postingValues[f] = new float[lengths[f]];
    }
    int[] fill = new int[dims];
    for (int d = 0; d < vectors.size(); d++) {
      SparseVector v = vectors.get(d);
      for (int i = 0; i < v.ids().length; i++) {
        int f = v.ids()[i];
        postingDocs[f][fill[f]] = d;
        postingValues[f][fill[f]++] = v.values()[i];
      }
    }
  }

  int size() {
    return documents;
  }

  /** The similarities of {@code text} (cleaned) to every document it shares a feature with. */
  Similarities query(String text) {
    SparseVector q = space.vector(text);
    float[] scores = new float[documents];
    int[] touched = new int[64];
    int count = 0;
    for (int i = 0; i < q.ids().length; i++) {
      int f = q.ids()[i];
      float w = q.values()[i];
      int[] docs = postingDocs[f];
      float[] values = postingValues[f];
      for (int j = 0; j < docs.length; j++) {
        int d = docs[j];
        if (scores[d] == 0) {
          if (count == touched.length) {
            touched = java.util.Arrays.copyOf(touched, count * 2);
          }
          touched[count++] = d;
        }
        scores[d] += w * values[j];
      }
    }
    return new Similarities(scores, java.util.Arrays.copyOf(touched, count));
  }

  /** Cosines by document, and the documents with a non-zero one. */
  record Similarities(float[] byDocument, int[] touched) {}
}
