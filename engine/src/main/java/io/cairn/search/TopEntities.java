package io.cairn.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * The best {@code limit} competencies or occupations of one search, found in a single pass over the matching
 * labels. An entity scores as its best label, the label's score weighted by its kind; ties between entities go to
 * the lower index, ties between the labels of one entity to the label indexed first.
 *
 * <p>Why one pass: collecting the top labels and grouping them afterwards needs a guess of how many labels make
 * {@code limit} entities, and a query whose labels tie (a common prefix, a common word) had to be run again with
 * more, up to four times. Here, once {@code limit} entities are held, the scorer is told the score a label needs to
 * matter (the last entity's: a label's weight is at most 1, so its own score bounds its weighted one), and it skips
 * the labels below it.
 */
final class TopEntities implements CollectorManager<TopEntities.Collecting, List<TopEntities.Entry>> {
  /** An entity found, by its best label's doc id and weighted score. */
  record Entry(int index, int doc, float score) {}

  // best first: the higher score, then the lower index
  static final Comparator<Entry> BEST_FIRST = Comparator.comparingDouble((Entry e) -> e.score).reversed()
      .thenComparingInt(Entry::index);

  private final int limit;
  private final int[] docIndex;
  private final byte[] docLabelKind;
  private final double[] labelWeight;
  private final boolean laterDocsLoseTies;

  /**
   * @param docIndex the entity index of each doc id
   * @param docLabelKind the label kind of each doc id, an index into {@code labelWeight}
   * @param labelWeight the weight of each label kind, at most 1
   * @param laterDocsLoseTies whether the docs a search can match come in the order of their entities' indices
   *     (then a label that only ties with the last entity held cannot take its place, and is skipped too)
   */
  TopEntities(int limit, int[] docIndex, byte[] docLabelKind, double[] labelWeight, boolean laterDocsLoseTies) {
    this.limit = limit;
    this.docIndex = docIndex;
    this.docLabelKind = docLabelKind;
    this.labelWeight = labelWeight;
    this.laterDocsLoseTies = laterDocsLoseTies;
  }

  @Override
  public Collecting newCollector() {
    return new Collecting();
  }

  /** The entities of every collector (one per slice of the index), best first, each once, at most the limit. */
  @Override
  public List<Entry> reduce(Collection<Collecting> collectors) {
    if (collectors.size() == 1) {
      return collectors.iterator().next().best();
    }
    Map<Integer, Entry> merged = new HashMap<>();
    for (Collecting c : collectors) {
      for (Entry e : c.held.values()) {
        merged.merge(e.index, e, (a, b) -> b.score > a.score || b.score == a.score && b.doc < a.doc ? b : a);
      }
    }
    List<Entry> all = new ArrayList<>(merged.values());
    all.sort(BEST_FIRST);
    return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
  }

  /** Holds the best entities seen so far, the worst of them at the head of a heap. */
  final class Collecting implements Collector {
    private final PriorityQueue<Entry> worstFirst = new PriorityQueue<>(Math.min(limit, 64) + 1, BEST_FIRST.reversed());
    private final Map<Integer, Entry> held = new HashMap<>();

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.TOP_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) {
      int docBase = context.docBase;
      return new LeafCollector() {
        private Scorable scorer;

        @Override
        public void setScorer(Scorable scorer) throws java.io.IOException {
          this.scorer = scorer;
          if (worstFirst.size() == limit) {
            scorer.setMinCompetitiveScore(minCompetitive());
          }
        }

        @Override
        public void collect(int leafDoc) throws java.io.IOException {
          int doc = docBase + leafDoc;
          // float, as the score has always been: ties must stay ties
          float score = (float) (scorer.score() * labelWeight[docLabelKind[doc]]);
          if (offer(docIndex[doc], doc, score) && worstFirst.size() == limit) {
            scorer.setMinCompetitiveScore(minCompetitive());
          }
        }
      };
    }

    /** The least score a label needs to change what is held (labels whose kind weighs less need more). */
    private float minCompetitive() {
      float worst = worstFirst.peek().score;
      return laterDocsLoseTies ? Math.nextUp(worst) : worst;
    }

    /** Keeps the label when it makes its entity one of the best; true when what is held changed. */
    private boolean offer(int index, int doc, float score) {
      if (worstFirst.size() == limit) {
        Entry worst = worstFirst.peek();
        if (score < worst.score || score == worst.score && index >= worst.index) {
          return false;
        }
      }
      Entry known = held.get(index);
      if (known != null) {
        // labels come in doc order: on a tie the entity keeps the label indexed first
        if (score <= known.score) {
          return false;
        }
        worstFirst.remove(known);
      }
      Entry entry = new Entry(index, doc, score);
      held.put(index, entry);
      worstFirst.add(entry);
      if (worstFirst.size() > limit) {
        held.remove(worstFirst.poll().index);
      }
      return true;
    }

    List<Entry> best() {
      List<Entry> all = new ArrayList<>(worstFirst);
      all.sort(BEST_FIRST);
      return all;
    }
  }
}
