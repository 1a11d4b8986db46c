package io.cairn.audit;

/** A node's reported result and the credits it hands to its parent. */
record Evaluation(NodeResult result, Tally tally) {}
