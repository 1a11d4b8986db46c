package io.cairn.plan;

import java.util.Arrays;
import io.cairn.catalog.IntSet;
import java.util.BitSet;

/**
 * The credentials a plan may use, after pruning: those that cover an unmet target or serve an open requirement,
 * the parts that stack into them, and what their prerequisites need. Each is {@code purchasable} (it fits the
 * constraints, or the advisor included it) and/or has parts that can grant it.
 */
final class CandidatePool {
  private final int[] credentials;
  private final boolean[] purchasable;
  private final boolean[] hasParts;

  CandidatePool(BitSet members, BitSet purchasable, BitSet hasParts) {
    this.credentials = members.stream().toArray();
    this.purchasable = new boolean[credentials.length];
    this.hasParts = new boolean[credentials.length];
    for (int i = 0; i < credentials.length; i++) {
      this.purchasable[i] = purchasable.get(credentials[i]);
      this.hasParts[i] = hasParts.get(credentials[i]);
    }
  }

  /**
   * The pool without the purchases that {@code bound} rules out: a credential whose {@code measure} alone (its cost,
   * or its hours) exceeds it can be in no plan that beats it, so it is no longer bought (a whole may still be
   * granted by its parts); {@code keep} (the included credentials) stay as they are.
   */
  CandidatePool bounded(java.util.function.IntToDoubleFunction measure, double bound, IntSet keep) {
    BitSet members = new BitSet();
    BitSet buyable = new BitSet();
    BitSet parts = new BitSet();
    for (int i = 0; i < credentials.length; i++) {
      int c = credentials[i];
      boolean buy = purchasable[i] && (keep.contains(c) || measure.applyAsDouble(c) <= bound + 1e-9);
      if (buy || hasParts[i]) {
        members.set(c);
        buyable.set(c, buy);
        parts.set(c, hasParts[i]);
      }
    }
    return new CandidatePool(members, buyable, parts);
  }

  int size() {
    return credentials.length;
  }

  /** The credential at pool position {@code i}. */
  int credential(int i) {
    return credentials[i];
  }

  /** The pool position of {@code credential}, or -1 when it is not in the pool. */
  int position(int credential) {
    int i = Arrays.binarySearch(credentials, credential);
    return i >= 0 ? i : -1;
  }

  boolean contains(int credential) {
    return position(credential) >= 0;
  }

  boolean purchasable(int i) {
    return purchasable[i];
  }

  /** True when parts stack into it, so that earning them may grant it. */
  boolean hasParts(int i) {
    return hasParts[i];
  }
}
