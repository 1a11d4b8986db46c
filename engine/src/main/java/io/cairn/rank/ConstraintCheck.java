package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.CredentialFacts;
import io.cairn.catalog.DeliveryMode;
import io.cairn.catalog.FactBits;
import io.cairn.catalog.IntSet;
import io.cairn.learner.Constraints;
import java.util.Locale;

/**
 * Whether a candidate fits the learner's constraints, counting the prerequisite it still needs; says which
 * constraint it breaks when it does not, as a small code that {@link Exclusions} counts and names. It reads the
 * snapshot's packed {@link CredentialFacts}, since it runs for every candidate of every request.
 *
 * <p>An unknown fact does not pass a limit on it: a credential whose description leaves its workload out (it reads
 * 0 hours) is left out under a finite {@code maxHours}, as "workload unknown", and one without a price under a
 * finite {@code maxCost}, as "cost unknown"; without a limit it is a candidate like any other.
 */
final class ConstraintCheck {
  static final int FITS = -1;
  static final int NOT_CREDIT_BEARING = DeliveryMode.values().length;
  static final int ABOVE_EQF = NOT_CREDIT_BEARING + 1;
  static final int OVER_COST = NOT_CREDIT_BEARING + 2;
  static final int OVER_HOURS = NOT_CREDIT_BEARING + 3;
  static final int WORKLOAD_UNKNOWN = NOT_CREDIT_BEARING + 4;
  static final int COST_UNKNOWN = NOT_CREDIT_BEARING + 5;
  /** Added to a code when the prerequisite, not the credential itself, breaks the constraint. */
  static final int OF_PREREQUISITE = NOT_CREDIT_BEARING + 6;
  static final int CODES = 2 * OF_PREREQUISITE;
  private static final int MODE_COUNT = DeliveryMode.values().length;

  private final CredentialFacts facts;
  // the constraints unpacked once per request into plain fields: fits runs for every candidate, and asking the
  // record's mode set (an unmodifiable EnumSet behind an interface) each time was a tenth of a request
  private final int allowedModes;
  private final boolean creditBearingOnly;
  private final int maxEqfLevel;
  private final double maxCost;
  private final double maxHours;
  private final boolean costLimited;
  private final boolean hoursLimited;
  // for counting a word of 64 credentials at once (fitting), fetched on its first use
  private FactBits bits;
  private FactBits.Above costAbove;
  private FactBits.Above hoursAbove;

  ConstraintCheck(CatalogSnapshot snapshot, Constraints constraints) {
    this.facts = snapshot.facts();
    int modes = 0;
    for (DeliveryMode mode : DeliveryMode.values()) {
      if (constraints.allowsMode(mode)) {
        modes |= 1 << mode.ordinal();
      }
    }
    this.allowedModes = modes;
    this.creditBearingOnly = constraints.creditBearingOnly();
    this.maxEqfLevel = constraints.maxEqfLevel();
    this.maxCost = constraints.maxCost();
    this.maxHours = constraints.maxHours();
    this.costLimited = Double.isFinite(maxCost);
    this.hoursLimited = Double.isFinite(maxHours);
  }

  /** The code of the constraint the candidate breaks, or {@link #FITS}. */
  int violation(int credential, IntSet missingPrerequisites, double totalCost, double totalHours) {
    return violationGiven(fits(credential), missingPrerequisites, totalCost, totalHours);
  }

  /** {@link #violation} when the credential's own code ({@link #fits}) is already known. */
  int violationGiven(int own, IntSet missingPrerequisites, double totalCost, double totalHours) {
    if (own != FITS) {
      return own;
    }
    for (int i = 0; i < missingPrerequisites.size(); i++) {
      int pre = fits(missingPrerequisites.get(i));
      if (pre != FITS) {
        return OF_PREREQUISITE + pre;
      }
    }
    if (totalCost > maxCost + 1e-9) {
      return OVER_COST;
    }
    if (totalHours > maxHours + 1e-9) {
      return OVER_HOURS;
    }
    return FITS;
  }

  /**
   * The credentials of word {@code w} in {@code open} (none with prerequisites) that fit; each that does not is
   * counted in {@code exclusions} under the code {@link #violation} gives it, in the same order of tests. Only a
   * credential whose cost or hours lie between two of the snapshot's bounds is read one by one.
   */
  long fitting(int w, long open, Exclusions exclusions) {
    prepareWords();
    long left = open;
    for (int mode = 0; mode < MODE_COUNT && left != 0; mode++) {
      if ((allowedModes & 1 << mode) == 0) {
        left = exclude(left, bits.withMode(mode, w), mode, exclusions);
      }
    }
    if (creditBearingOnly && left != 0) {
      left = exclude(left, bits.notCreditBearing(w), NOT_CREDIT_BEARING, exclusions);
    }
    if (left != 0) {
      left = exclude(left, bits.eqfAbove(maxEqfLevel, w), ABOVE_EQF, exclusions);
    }
    if (costLimited && left != 0) {
      left = excludeOverLimit(w, left, bits.costUnknown(w), costAbove, true, exclusions);
    }
    if (hoursLimited && left != 0) {
      left = excludeOverLimit(w, left, bits.workloadUnknown(w), hoursAbove, false, exclusions);
    }
    return left;
  }

  /**
   * Reads the snapshot's bit sets {@link #fitting} counts with, once: called before a request's halves start on
   * two threads, so that neither writes these fields while the other reads them.
   */
  void prepareWords() {
    if (bits == null) {
      FactBits all = facts.bits();
      costAbove = costLimited ? all.costAbove(maxCost + 1e-9) : null;
      hoursAbove = hoursLimited ? all.hoursAbove(maxHours + 1e-9) : null;
      bits = all;
    }
  }

  /**
   * {@code left} without those whose cost ({@code cost} true) or hours are unknown or over the limit, counted as
   * {@link #fits} would: unknown first; a value between two bounds is read and compared as {@code fits} compares it.
   */
  private long excludeOverLimit(int w, long left, long unknown, FactBits.Above above, boolean cost,
      Exclusions exclusions) {
    double limit = (cost ? maxCost : maxHours) + 1e-9;
    int over = cost ? OVER_COST : OVER_HOURS;
    left = exclude(left, unknown, cost ? COST_UNKNOWN : WORKLOAD_UNKNOWN, exclusions);
    left = exclude(left, above.certain(w), over, exclusions);
    for (long unsure = left & above.unsure(w); unsure != 0; unsure &= unsure - 1) {
      int c = (w << 6) + Long.numberOfTrailingZeros(unsure);
      if ((cost ? facts.cost(c) : facts.hours(c)) > limit) {
        left = exclude(left, 1L << c, over, exclusions);
      }
    }
    return left;
  }

  /** {@code left} without those in {@code broken}, which are counted under {@code code}. */
  private static long exclude(long left, long broken, int code, Exclusions exclusions) {
    long out = left & broken;
    if (out != 0) {
      exclusions.add(code, Long.bitCount(out));
    }
    return left & ~out;
  }

  /** The code of the constraint the credential itself breaks (its own facts only), or {@link #FITS}. */
  int fits(int credential) {
    int mode = facts.mode(credential).ordinal();
    if ((allowedModes & 1 << mode) == 0) {
      return mode;
    }
    if (creditBearingOnly && !facts.creditBearing(credential)) {
      return NOT_CREDIT_BEARING;
    }
    if (facts.eqfLevel(credential) > maxEqfLevel) {
      return ABOVE_EQF;
    }
    if (costLimited && !facts.costKnown(credential)) {
      return COST_UNKNOWN;
    }
    if (facts.cost(credential) > maxCost + 1e-9) {
      return OVER_COST;
    }
    if (hoursLimited && !facts.workloadKnown(credential)) {
      return WORKLOAD_UNKNOWN;
    }
    if (facts.hours(credential) > maxHours + 1e-9) {
      return OVER_HOURS;
    }
    return FITS;
  }

  /** The short key a code is reported under. */
  static String key(int code) {
    if (code >= OF_PREREQUISITE) {
      return "prerequisite " + key(code - OF_PREREQUISITE);
    }
    if (code < NOT_CREDIT_BEARING) {
      return DeliveryMode.values()[code].notAllowed();
    }
    return switch (code - NOT_CREDIT_BEARING) {
      case 0 -> "not credit-bearing";
      case 1 -> "above maxEqfLevel";
      case 2 -> "over maxCost";
      case 3 -> "over maxHours";
      case 4 -> "workload unknown";
      default -> "cost unknown";
    };
  }

  static String describe(String key, Constraints constraints) {
    return switch (key) {
      case "over maxCost" -> String.format(Locale.ROOT, "cost more than maxCost %.0f", constraints.maxCost());
      case "over maxHours" -> String.format(Locale.ROOT, "take more than maxHours %.0f", constraints.maxHours());
      case "workload unknown" -> String.format(Locale.ROOT, "have no known workload (workload unknown), so cannot"
          + " be shown to fit maxHours %.0f", constraints.maxHours());
      case "cost unknown" -> String.format(Locale.ROOT, "have no known price (cost unknown), so cannot be shown to"
          + " fit maxCost %.0f", constraints.maxCost());
      case "prerequisite workload unknown" -> String.format(Locale.ROOT, "need a prerequisite whose workload is"
          + " unknown, so cannot be shown to fit maxHours %.0f", constraints.maxHours());
      case "prerequisite cost unknown" -> String.format(Locale.ROOT, "need a prerequisite whose cost is unknown,"
          + " so cannot be shown to fit maxCost %.0f", constraints.maxCost());
      default -> key;
    };
  }
}
