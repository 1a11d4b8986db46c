package io.cairn.rank;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable map from competency index to {@link Target} over two arrays sorted by competency, built from an
 * occupation's precomputed targets without a hash table or a boxed key per target: a request for an occupation goal
 * had spent a tenth of its time putting its targets into a {@code HashMap} and copying that into an immutable one.
 * Iterates in competency order.
 */
final class TargetMap extends AbstractMap<Integer, Target> {
  private final int[] competencies;
  private final Target[] targets;

  /** @param targets sorted by competency, each competency once (kept, not copied) */
  TargetMap(Target[] targets) {
    this.targets = targets;
    this.competencies = new int[targets.length];
    for (int i = 0; i < targets.length; i++) {
      competencies[i] = targets[i].competency();
      if (i > 0 && competencies[i] <= competencies[i - 1]) {
        throw new IllegalArgumentException("targets must be sorted by competency, each once");
      }
    }
  }

  /** The keys, ascending (do not modify). */
  int[] keys() {
    return competencies;
  }

  @Override
  public int size() {
    return targets.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public Target get(Object key) {
    int i = indexOf(key);
    return i >= 0 ? targets[i] : null;
  }

  private int indexOf(Object key) {
    return key instanceof Integer k ? Arrays.binarySearch(competencies, k) : -1;
  }

  @Override
  public Set<Entry<Integer, Target>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return targets.length;
      }

      @Override
      public Iterator<Entry<Integer, Target>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < targets.length;
          }

          @Override
          public Entry<Integer, Target> next() {
            if (next >= targets.length) {
              throw new NoSuchElementException();
            }
            Target t = targets[next++];
            return new SimpleImmutableEntry<>(t.competency(), t);
          }
        };
      }
    };
  }
}
