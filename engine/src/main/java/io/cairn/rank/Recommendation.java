package io.cairn.rank;

/**
 * One suggested credential.
 *
 * @param rank 1-based position
 * @param score the ranking score after diversity re-ranking; the list is sorted by it, highest first
 * @param relevance the scorer's own score, before diversity
 */
public record Recommendation(int credential, int rank, double score, double relevance, Explanation explanation) {}
