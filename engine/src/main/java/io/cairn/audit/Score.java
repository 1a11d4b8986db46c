package io.cairn.audit;

/**
 * How good an assignment of holdings to a destination's requirements is, compared lexicographically: the tree's
 * status first (SATISFIED over PARTIAL over MISSING), then the number of nodes satisfied, then the credits counted
 * toward the nodes that ask for credits, each capped at what it asks (so surplus credits are worth nothing and
 * credits go where they are still wanted).
 *
 * @param rootRank 2 for a SATISFIED tree, 1 for PARTIAL, 0 for MISSING
 */
record Score(int rootRank, int satisfied, double cappedCredits) implements Comparable<Score> {

  static Score of(NodeResult[] nodes, double[] requiredCredits) {
    int rank = switch (nodes[0].status()) {
      case SATISFIED -> 2;
      case PARTIAL -> 1;
      case MISSING -> 0;
    };
    int satisfied = 0;
    double capped = 0;
    for (int i = 0; i < nodes.length; i++) {
      satisfied += nodes[i].status() == Status.SATISFIED ? 1 : 0;
      if (requiredCredits[i] > Rules.EPSILON) {
        capped += Math.min(nodes[i].credits(), requiredCredits[i]);
      }
    }
    return new Score(rank, satisfied, capped);
  }

  @Override
  public int compareTo(Score other) {
    if (rootRank != other.rootRank) {
      return Integer.compare(rootRank, other.rootRank);
    }
    if (satisfied != other.satisfied) {
      return Integer.compare(satisfied, other.satisfied);
    }
    double difference = cappedCredits - other.cappedCredits;
    return Math.abs(difference) <= 1e-6 ? 0 : difference > 0 ? 1 : -1;
  }

  boolean betterThan(Score other) {
    return compareTo(other) > 0;
  }
}
