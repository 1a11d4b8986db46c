package io.cairn.labor.demand;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import java.util.Optional;

/**
 * Job offers behind each occupation and each skill of one catalog snapshot, from a {@link JobOfferTable} joined to
 * the occupations on the preferred label as {@link DemandJoin} does. Immutable; build one per snapshot (the catalog
 * can be reloaded, and indices are the snapshot's).
 *
 * <p>A skill's demand is the sum of the job offers of the occupations for which it is <em>essential</em>: an offer
 * for a data analyst asks for every essential skill of a data analyst. Optional links are kept separately
 * ({@link #optional(int)}) and never added in, because an optional skill is asked for by some of those offers only
 * and the data does not say which. Only the links ESCO states count: a skill group is not credited with the offers
 * of its narrower skills.
 *
 * <p>Without a table ({@link #none}) every figure is 0 and {@link #known()} is false, so callers can say "unknown"
 * instead of "no demand".
 */
public final class SkillDemand {
  private final long version;
  private final Source source;
  private final DemandJoin join;
  private final long[] essential;
  private final long[] optional;
  private final int[] demandedOccupations;

  /** Where the figures came from: the file's name, its SHA-256, and how well it joined. */
  public record Source(String fileName, String sha256, double matchRate, int occupationsWithDemand) {}

  private SkillDemand(CatalogSnapshot snapshot, Source source, DemandJoin join) {
    this.version = snapshot.version();
    this.source = source;
    this.join = join;
    int skills = snapshot.competencies().size();
    this.essential = new long[skills];
    this.optional = new long[skills];
    this.demandedOccupations = new int[skills];
    for (Occupation o : snapshot.occupations()) {
      long offers = join.offers(o.index());
      add(o.essential(), offers, essential, true);
      add(o.optional(), offers, optional, false);
    }
  }

  private void add(IntSet skills, long offers, long[] into, boolean countOccupation) {
    for (int i = 0; i < skills.size(); i++) {
      int k = skills.get(i);
      into[k] += offers;
      if (countOccupation && offers > 0) {
        demandedOccupations[k]++;
      }
    }
  }

  /** The table's job offers over {@code snapshot}'s occupations and skills. */
  public static SkillDemand of(CatalogSnapshot snapshot, JobOfferTable table) {
    DemandJoin join = DemandJoin.join(snapshot.occupations(), table);
    return new SkillDemand(snapshot, new Source(table.fileName(), table.sha256(), join.matchRate(),
        join.occupationsWithDemand()), join);
  }

  /** No figures: every count 0, {@link #known()} false. */
  public static SkillDemand none(CatalogSnapshot snapshot) {
    return new SkillDemand(snapshot, null, DemandJoin.none(snapshot.occupations().size()));
  }

  /** True when a job-offer table was loaded; false means the figures are unknown, not zero. */
  public boolean known() {
    return source != null;
  }

  /** The file the figures came from, when one was loaded. */
  public Optional<Source> source() {
    return Optional.ofNullable(source);
  }

  /** Version of the snapshot whose indices these are. */
  public long snapshotVersion() {
    return version;
  }

  /** Job offers of the occupation at {@code occupation} (0 when its label matched no row). */
  public long occupation(int occupation) {
    return join.offers(occupation);
  }

  /** Job offers of the occupations for which {@code competency} is essential. */
  public long essential(int competency) {
    return essential[competency];
  }

  /** Job offers of the occupations for which {@code competency} is optional (kept apart from {@link #essential}). */
  public long optional(int competency) {
    return optional[competency];
  }

  /** How many occupations with at least one job offer list {@code competency} as essential. */
  public int demandedOccupations(int competency) {
    return demandedOccupations[competency];
  }

  /** True when some occupation with job offers lists {@code competency}, as essential or optional. */
  public boolean demanded(int competency) {
    return essential[competency] > 0 || optional[competency] > 0;
  }
}
