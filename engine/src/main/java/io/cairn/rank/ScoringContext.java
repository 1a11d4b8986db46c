package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.learner.Constraints;
import io.cairn.learner.ResolvedLearner;

/**
 * What a {@link Scorer} may look at besides the candidate.
 *
 * @param coverage how much of the goal every credential of the catalog teaches (valid during this request only)
 */
public record ScoringContext(
    CatalogSnapshot snapshot, GoalTargets goal, ResolvedLearner learner, Constraints constraints,
    GoalCoverage coverage) {}
