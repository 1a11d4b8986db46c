package io.cairn.audit;

import io.cairn.catalog.IntSet;
import java.util.BitSet;

/** Held credentials not yet consumed by an earlier sibling: what a node may still count. */
final class Availability {
  private final BitSet available;

  private Availability(BitSet available) {
    this.available = available;
  }

  static Availability of(IntSet held) {
    return new Availability(held.toBitSet());
  }

  boolean has(int credential) {
    return available.get(credential);
  }

  void consume(IntSet credentials) {
    credentials.stream().forEach(available::clear);
  }

  /** What is available now, as a copy. */
  BitSet state() {
    return (BitSet) available.clone();
  }

  /** Takes away every credential in {@code consumed}. */
  void consume(BitSet consumed) {
    available.andNot(consumed);
  }

  /** An independent copy: what a subtree consumes from it is not taken from this one. */
  Availability copy() {
    return new Availability((BitSet) available.clone());
  }
}
