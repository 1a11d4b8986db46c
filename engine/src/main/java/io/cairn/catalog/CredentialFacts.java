package io.cairn.catalog;

import java.util.List;

/**
 * The few facts about every credential that a recommendation request reads for hundreds of candidates (cost,
 * hours and whether they are known, mode, EQF level, credit, whether it has prerequisites or stacks), packed in two
 * flat arrays. Reading
 * them touches one or two cache lines per credential instead of a {@link Credential} record and the objects it
 * points to, which is where a request's time went on a large catalog.
 */
public final class CredentialFacts {
  private static final int MODE_BITS = 0x3;
  private static final int EQF_SHIFT = 2;
  private static final int EQF_BITS = 0xF;
  private static final int CREDIT_BEARING = 1 << 6;
  private static final int HAS_PREREQUISITES = 1 << 7;
  private static final int STACKS = 1 << 8;
  private static final int WORKLOAD_UNKNOWN = 1 << 9;
  private static final int COST_UNKNOWN = 1 << 10;
  private static final int TEACHES_SHIFT = 11;
  private static final DeliveryMode[] MODES = DeliveryMode.values();

  private final double[] costAndHours;
  private final int[] packed;
  // how many larger credentials each stacks into, transitively: the transparent scorer's bound reads it for every
  // candidate, and the closure's own set is a pointer away
  private final int[] stacksIntoCount;
  // every credential's prerequisites in one flat array (a credential as its index, a competency k as -(k + 1)),
  // those of credential c at [prerequisiteStart[c], prerequisiteStart[c + 1]): a request checks them for every
  // candidate that has some, and reading them through the Credential record cost three pointer hops each
  private final int[] prerequisiteStart;
  private final int[] prerequisites;

  CredentialFacts(List<Credential> credentials, IntSet[] stackClosureUp) {
    int n = credentials.size();
    costAndHours = new double[2 * n];
    packed = new int[n];
    stacksIntoCount = new int[n];
    prerequisiteStart = new int[n + 1];
    int links = 0;
    for (Credential c : credentials) {
      links += c.requiredCredentials().size() + c.requiredCompetencies().size();
    }
    prerequisites = new int[links];
    for (Credential c : credentials) {
      int i = c.index();
      costAndHours[2 * i] = c.cost();
      costAndHours[2 * i + 1] = c.hours();
      packed[i] = c.mode().ordinal()
          | Math.clamp(c.eqfLevel(), 0, EQF_BITS) << EQF_SHIFT
          | (c.creditBearing() ? CREDIT_BEARING : 0)
          | (c.requiredCredentials().isEmpty() && c.requiredCompetencies().isEmpty() ? 0 : HAS_PREREQUISITES)
          | (stackClosureUp[i].isEmpty() ? 0 : STACKS)
          | (c.workloadKnown() ? 0 : WORKLOAD_UNKNOWN)
          | (c.costKnown() ? 0 : COST_UNKNOWN)
          | Math.min(c.teaches().size(), (1 << (31 - TEACHES_SHIFT)) - 1) << TEACHES_SHIFT;
      stacksIntoCount[i] = stackClosureUp[i].size();
    }
    Credential[] byIndex = new Credential[n];
    for (Credential c : credentials) {
      byIndex[c.index()] = c;
    }
    int at = 0;
    for (int i = 0; i < n; i++) {
      prerequisiteStart[i] = at;
      Credential c = byIndex[i];
      for (int j = 0; j < c.requiredCredentials().size(); j++) {
        prerequisites[at++] = c.requiredCredentials().get(j);
      }
      for (int j = 0; j < c.requiredCompetencies().size(); j++) {
        prerequisites[at++] = -(c.requiredCompetencies().get(j) + 1);
      }
    }
    prerequisiteStart[n] = at;
  }

  /** Its price; 0 when free or unknown (see {@link #costKnown}). */
  public double cost(int credential) {
    return costAndHours[2 * credential];
  }

  /** Its workload in hours; 0 when unknown (see {@link #workloadKnown}). */
  public double hours(int credential) {
    return costAndHours[2 * credential + 1];
  }

  /** False when its description leaves the workload out. */
  public boolean workloadKnown(int credential) {
    return (packed[credential] & WORKLOAD_UNKNOWN) == 0;
  }

  /** False when its description leaves the price out. */
  public boolean costKnown(int credential) {
    return (packed[credential] & COST_UNKNOWN) == 0;
  }

  public DeliveryMode mode(int credential) {
    return MODES[packed[credential] & MODE_BITS];
  }

  /** The EQF level, 0 when unknown (levels above 15 read as 15). */
  public int eqfLevel(int credential) {
    return packed[credential] >>> EQF_SHIFT & EQF_BITS;
  }

  public boolean creditBearing(int credential) {
    return (packed[credential] & CREDIT_BEARING) != 0;
  }

  /** True when it requires a credential or a competency first. */
  public boolean hasPrerequisites(int credential) {
    return (packed[credential] & HAS_PREREQUISITES) != 0;
  }

  /** True when it stacks into at least one larger credential. */
  public boolean stacks(int credential) {
    return (packed[credential] & STACKS) != 0;
  }

  /** How many competencies it teaches. */
  public int teachesCount(int credential) {
    return packed[credential] >>> TEACHES_SHIFT;
  }

  /** How many larger credentials it stacks into, directly or through others. */
  public int stacksIntoCount(int credential) {
    return stacksIntoCount[credential];
  }

  /** Where its prerequisites start in {@link #prerequisite}; they end where the next credential's start. */
  public int prerequisitesFrom(int credential) {
    return prerequisiteStart[credential];
  }

  /** Where its prerequisites end (exclusive) in {@link #prerequisite}. */
  public int prerequisitesTo(int credential) {
    return prerequisiteStart[credential + 1];
  }

  /**
   * The prerequisite at {@code at}: a required credential's index (0 or more), or a required competency {@code k}
   * as {@code -(k + 1)} (below 0; see {@link #requiredCompetency}).
   */
  public int prerequisite(int at) {
    return prerequisites[at];
  }

  /** The competency a prerequisite below 0 stands for. */
  public static int requiredCompetency(int prerequisite) {
    return -prerequisite - 1;
  }
}
