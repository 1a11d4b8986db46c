package io.cairn.catalog;

import java.util.List;

/**
 * The few facts about every credential that a recommendation request reads for thousands of candidates (cost,
 * hours and whether they are known, mode, EQF level, credit, its prerequisites, how many larger credentials it
 * stacks into), laid out as one record of four longs per credential in one flat array. Reading a candidate's facts
 * then touches one cache line, where separate arrays touched one line each and a {@link Credential} record several
 * more: on a catalog of a million credentials a request's time went on those cache misses.
 */
public final class CredentialFacts {
  private static final int MODE_BITS = 0x3;
  private static final int EQF_SHIFT = 2;
  private static final int EQF_BITS = 0xF;
  private static final int CREDIT_BEARING = 1 << 6;
  private static final int WORKLOAD_UNKNOWN = 1 << 9;
  private static final int COST_UNKNOWN = 1 << 10;
  private static final int TEACHES_SHIFT = 11;
  private static final DeliveryMode[] MODES = DeliveryMode.values();
  /** Longs per credential: cost's bits, hours' bits, the packed flags and stack count, its prerequisites' range. */
  private static final int STRIDE = 4;

  private final long[] records;
  // every credential's prerequisites in one flat array (a credential as its index, a competency k as -(k + 1)),
  // those of credential c in the range its record holds: reading them through the Credential record cost three
  // pointer hops each
  private final int[] prerequisites;
  // built on first use: a snapshot that never serves a recommendation (an import, a replica's compile) skips it
  private volatile FactBits bits;

  CredentialFacts(List<Credential> credentials, IntSet[] stackClosureUp) {
    int n = credentials.size();
    Credential[] byIndex = new Credential[n];
    int links = 0;
    for (Credential c : credentials) {
      byIndex[c.index()] = c;
      links += c.requiredCredentials().size() + c.requiredCompetencies().size();
    }
    records = new long[STRIDE * n];
    prerequisites = new int[links];
    int at = 0;
    for (int i = 0; i < n; i++) {
      Credential c = byIndex[i];
      int packed = c.mode().ordinal()
          | Math.clamp(c.eqfLevel(), 0, EQF_BITS) << EQF_SHIFT
          | (c.creditBearing() ? CREDIT_BEARING : 0)
          | (c.workloadKnown() ? 0 : WORKLOAD_UNKNOWN)
          | (c.costKnown() ? 0 : COST_UNKNOWN)
          | Math.min(c.teaches().size(), (1 << (31 - TEACHES_SHIFT)) - 1) << TEACHES_SHIFT;
      int from = at;
      for (int j = 0; j < c.requiredCredentials().size(); j++) {
        prerequisites[at++] = c.requiredCredentials().get(j);
      }
      for (int j = 0; j < c.requiredCompetencies().size(); j++) {
        prerequisites[at++] = -(c.requiredCompetencies().get(j) + 1);
      }
      records[STRIDE * i] = Double.doubleToRawLongBits(c.cost());
      records[STRIDE * i + 1] = Double.doubleToRawLongBits(c.hours());
      records[STRIDE * i + 2] = (packed & 0xFFFFFFFFL) | (long) stackClosureUp[i].size() << 32;
      records[STRIDE * i + 3] = from | (long) at << 32;
    }
  }

  /** The credentials grouped by these facts, as bit sets (built on the first call). */
  public FactBits bits() {
    FactBits built = bits;
    if (built == null) {
      synchronized (this) {
        built = bits;
        if (built == null) {
          built = new FactBits(this, records.length / STRIDE);
          bits = built;
        }
      }
    }
    return built;
  }

  private int packed(int credential) {
    return (int) records[STRIDE * credential + 2];
  }

  /** Its price; 0 when free or unknown (see {@link #costKnown}). */
  public double cost(int credential) {
    return Double.longBitsToDouble(records[STRIDE * credential]);
  }

  /** Its workload in hours; 0 when unknown (see {@link #workloadKnown}). */
  public double hours(int credential) {
    return Double.longBitsToDouble(records[STRIDE * credential + 1]);
  }

  /** False when its description leaves the workload out. */
  public boolean workloadKnown(int credential) {
    return (packed(credential) & WORKLOAD_UNKNOWN) == 0;
  }

  /** False when its description leaves the price out. */
  public boolean costKnown(int credential) {
    return (packed(credential) & COST_UNKNOWN) == 0;
  }

  public DeliveryMode mode(int credential) {
    return MODES[packed(credential) & MODE_BITS];
  }

  /** The EQF level, 0 when unknown (levels above 15 read as 15). */
  public int eqfLevel(int credential) {
    return packed(credential) >>> EQF_SHIFT & EQF_BITS;
  }

  public boolean creditBearing(int credential) {
    return (packed(credential) & CREDIT_BEARING) != 0;
  }

  /** True when it requires a credential or a competency first. */
  public boolean hasPrerequisites(int credential) {
    return prerequisitesTo(credential) > prerequisitesFrom(credential);
  }

  /** True when it stacks into at least one larger credential. */
  public boolean stacks(int credential) {
    return stacksIntoCount(credential) > 0;
  }

  /** How many competencies it teaches. */
  public int teachesCount(int credential) {
    return packed(credential) >>> TEACHES_SHIFT;
  }

  /** How many larger credentials it stacks into, directly or through others. */
  public int stacksIntoCount(int credential) {
    return (int) (records[STRIDE * credential + 2] >>> 32);
  }

  /**
   * Where its prerequisites start (the low 32 bits) and end (the high 32 bits) in {@link #prerequisite}, in one
   * read: for loops that gather many credentials' ranges before using them.
   */
  public long prerequisiteRange(int credential) {
    return records[STRIDE * credential + 3];
  }

  /** Where its prerequisites start in {@link #prerequisite}. */
  public int prerequisitesFrom(int credential) {
    return (int) records[STRIDE * credential + 3];
  }

  /** Where its prerequisites end (exclusive) in {@link #prerequisite}. */
  public int prerequisitesTo(int credential) {
    return (int) (records[STRIDE * credential + 3] >>> 32);
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
