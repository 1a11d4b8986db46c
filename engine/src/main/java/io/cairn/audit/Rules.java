package io.cairn.audit;

import io.cairn.catalog.Requirement;
import io.cairn.catalog.Requirement.Condition;

/** How a condition's rule turns its children's results into its status (the table in {@code README.md}). */
final class Rules {
  static final double EPSILON = 1e-9;

  private Rules() {}

  static boolean met(Condition condition, int satisfied, double credits) {
    return switch (condition.rule()) {
      case ALL_OF -> satisfied == condition.children().size();
      case AT_LEAST -> satisfied >= condition.requiredNumber();
      case MINIMUM_CREDITS -> credits >= condition.minimumCredits() - EPSILON;
    };
  }

  static Status status(Condition condition, int satisfied, boolean progress, double credits) {
    if (met(condition, satisfied, credits)) {
      return Status.SATISFIED;
    }
    boolean someway = condition.rule() == Requirement.Rule.MINIMUM_CREDITS ? credits > EPSILON : progress;
    return someway ? Status.PARTIAL : Status.MISSING;
  }

  static int requiredCount(Condition condition) {
    return condition.rule() == Requirement.Rule.AT_LEAST
        ? condition.requiredNumber()
        : condition.children().size();
  }

  static String kind(Condition condition) {
    return switch (condition.rule()) {
      case ALL_OF -> NodeResult.ALL_OF;
      case AT_LEAST -> NodeResult.AT_LEAST;
      case MINIMUM_CREDITS -> NodeResult.MINIMUM_CREDITS;
    };
  }

  static String text(String head, String note) {
    return note.isBlank() ? head : head + ": " + note;
  }
}
