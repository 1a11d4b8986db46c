package io.cairn.labor.scoring;

import io.cairn.labor.features.FeatureMatrix;

/**
 * Scores a profile's candidate skills: one score per row of the feature matrix, higher first. Scorers only score;
 * ranking and measuring happen elsewhere. Implementations are thread-safe.
 */
@FunctionalInterface
public interface SkillScorer {
  double[] score(FeatureMatrix candidates);
}
