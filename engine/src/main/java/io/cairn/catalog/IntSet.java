package io.cairn.catalog;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.stream.IntStream;

/**
 * An immutable set of non-negative ints kept as a sorted array: the snapshot's dense indices (what a credential
 * teaches, what an occupation needs) live in these so that hot loops touch arrays, not boxed collections.
 */
public final class IntSet {
  private static final IntSet EMPTY = new IntSet(new int[0]);
  private final int[] values;

  private IntSet(int[] sortedDistinct) {
    this.values = sortedDistinct;
  }

  public static IntSet empty() {
    return EMPTY;
  }

  /** A set of the given values, in any order, duplicates dropped. */
  public static IntSet of(int... values) {
    if (values.length == 0) {
      return EMPTY;
    }
    // sort and drop duplicates in place: sets are built on every request, streams cost more than the work
    int[] copy = values.clone();
    Arrays.sort(copy);
    if (copy[0] < 0) {
      throw new IllegalArgumentException("negative index " + copy[0]);
    }
    int n = 1;
    for (int i = 1; i < copy.length; i++) {
      if (copy[i] != copy[n - 1]) {
        copy[n++] = copy[i];
      }
    }
    return new IntSet(n == copy.length ? copy : Arrays.copyOf(copy, n));
  }

  /**
   * The set whose values are {@code sortedDistinct}, kept without a copy: for a decoder that owns the array.
   *
   * @throws IllegalArgumentException when the values are not strictly ascending and non-negative
   */
  static IntSet ofSortedDistinct(int[] sortedDistinct) {
    if (sortedDistinct.length == 0) {
      return EMPTY;
    }
    if (sortedDistinct[0] < 0) {
      throw new IllegalArgumentException("negative index " + sortedDistinct[0]);
    }
    for (int i = 1; i < sortedDistinct.length; i++) {
      if (sortedDistinct[i] <= sortedDistinct[i - 1]) {
        throw new IllegalArgumentException("values not strictly ascending at position " + i);
      }
    }
    return new IntSet(sortedDistinct);
  }

  public static IntSet of(Collection<Integer> values) {
    int[] array = new int[values.size()];
    int n = 0;
    for (Integer v : values) {
      array[n++] = v;
    }
    return of(array);
  }

  public static IntSet of(BitSet bits) {
    return bits.isEmpty() ? EMPTY : new IntSet(bits.stream().toArray());
  }

  public boolean contains(int value) {
    return Arrays.binarySearch(values, value) >= 0;
  }

  public int size() {
    return values.length;
  }

  public boolean isEmpty() {
    return values.length == 0;
  }

  /** The position of the smallest value at least {@code value} ({@link #size} when there is none). */
  public int firstAtLeast(int value) {
    int at = Arrays.binarySearch(values, value);
    return at >= 0 ? at : -at - 1;
  }

  /** The i-th smallest value. */
  public int get(int i) {
    return values[i];
  }

  public IntStream stream() {
    return Arrays.stream(values);
  }

  public int[] toArray() {
    return values.clone();
  }

  public BitSet toBitSet() {
    BitSet bits = new BitSet();
    for (int v : values) {
      bits.set(v);
    }
    return bits;
  }

  // the set operations merge the two sorted arrays: they run on every request, so no streams or boxing here

  public IntSet union(IntSet other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    int[] out = new int[values.length + other.values.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < values.length || j < other.values.length) {
      int next;
      if (j >= other.values.length || (i < values.length && values[i] < other.values[j])) {
        next = values[i++];
      } else if (i >= values.length || other.values[j] < values[i]) {
        next = other.values[j++];
      } else {
        next = values[i++];
        j++;
      }
      out[n++] = next;
    }
    return new IntSet(n == out.length ? out : Arrays.copyOf(out, n));
  }

  /** Values of this set that are not in {@code other}. */
  public IntSet minus(IntSet other) {
    if (isEmpty() || other.isEmpty()) {
      return this;
    }
    int[] out = new int[values.length];
    int n = 0;
    int j = 0;
    for (int v : values) {
      while (j < other.values.length && other.values[j] < v) {
        j++;
      }
      if (j >= other.values.length || other.values[j] != v) {
        out[n++] = v;
      }
    }
    return n == values.length ? this : n == 0 ? EMPTY : new IntSet(Arrays.copyOf(out, n));
  }

  public IntSet intersect(IntSet other) {
    if (isEmpty() || other.isEmpty()) {
      return EMPTY;
    }
    int[] out = new int[Math.min(values.length, other.values.length)];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < values.length && j < other.values.length) {
      if (values[i] == other.values[j]) {
        out[n++] = values[i];
        i++;
        j++;
      } else if (values[i] < other.values[j]) {
        i++;
      } else {
        j++;
      }
    }
    return n == 0 ? EMPTY : new IntSet(Arrays.copyOf(out, n));
  }

  public int intersectionSize(IntSet other) {
    int i = 0;
    int j = 0;
    int count = 0;
    while (i < values.length && j < other.values.length) {
      if (values[i] == other.values[j]) {
        count++;
        i++;
        j++;
      } else if (values[i] < other.values[j]) {
        i++;
      } else {
        j++;
      }
    }
    return count;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntSet other && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
