package io.cairn.labor.model;

/** One labelled (profile, candidate) row: its features, its graded relevance and its weight. */
public record TrainingExample(double[] features, int relevance, long offers) {}
