package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import java.util.List;

/**
 * Picks the final {@code k} from the best-scored candidates, perhaps in another order. It sees only scores and
 * what the candidates teach, never explanations: those are built for the picked few afterwards, which is what
 * keeps a request cheap.
 */
interface Reranker {

  /** How many of the best-scored candidates this re-ranker wants to choose {@code k} from. */
  int poolSize(int k);

  /** The chosen candidates, best first, at most {@code k}; {@code ranked} is sorted best first. */
  List<Ranked> select(CatalogSnapshot snapshot, List<Ranked> ranked, int k);

  /** No re-ranking: the {@code k} best scores. */
  static Reranker none() {
    return new Reranker() {
      @Override
      public int poolSize(int k) {
        return k;
      }

      @Override
      public List<Ranked> select(CatalogSnapshot snapshot, List<Ranked> ranked, int k) {
        return ranked.subList(0, Math.min(k, ranked.size()));
      }
    };
  }
}
