package io.cairn.gaps.overlap;

import io.cairn.catalog.IntSet;

/**
 * Credentials joined by near-duplicate pairs (a connected component of the pairs above the threshold).
 *
 * @param members the credentials, two or more
 * @param skills the skills at least half of the members teach: what the cluster is about
 * @param cheapest the member with the lowest known price (fewer hours on a tie), or -1 when no price is known
 * @param shortest the member with the fewest known hours (cheaper on a tie), or -1 when no workload is known
 */
public record OverlapCluster(IntSet members, IntSet skills, int cheapest, int shortest) {}
