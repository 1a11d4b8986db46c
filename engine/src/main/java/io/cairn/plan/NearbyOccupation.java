package io.cairn.plan;

import io.cairn.catalog.IntSet;

/**
 * An occupation the value objective may make attainable: the plan must cover {@code need} of its {@code open}
 * essential skills (those not held that the candidates teach) to reach the job-ready share of its essential skills.
 */
record NearbyOccupation(int occupation, IntSet open, int need, long offers) {
  /** The job-ready share of an occupation's essential skills (the 80% of the job-market literature). */
  static final double JOB_READY = 0.8;
}
