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

  CredentialFacts(List<Credential> credentials, IntSet[] stackClosureUp) {
    int n = credentials.size();
    costAndHours = new double[2 * n];
    packed = new int[n];
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
    }
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
}
