package io.cairn.labor.titles.eval;

import io.cairn.labor.model.LearnerSettings;

/** A reranker learner tried on a split, with what it scored on validation and how long it trained. */
public record LearnerTrial(LearnerSettings learner, String description, double validationMrr,
    double validationTop5, double trainingSeconds) {}
