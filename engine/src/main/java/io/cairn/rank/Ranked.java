package io.cairn.rank;

/**
 * A scored candidate on its way into a list: {@code relevance} is the scorer's score, {@code score} the ranking
 * score after re-ranking (equal to the relevance until a re-ranker changes it).
 */
record Ranked(Candidate candidate, double relevance, double score) {

  /** Best first: higher score, then the lower credential index, so equal scores have one fixed order. */
  static int bestFirst(Ranked a, Ranked b) {
    int byScore = Double.compare(b.score, a.score);
    return byScore != 0 ? byScore : Integer.compare(a.candidate.credential(), b.candidate.credential());
  }
}
