package io.cairn.plan;

import io.cairn.audit.Auditor;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.rank.Recommender;
import java.time.Duration;
import java.util.Objects;

/**
 * Plans the whole path to a goal: an ordered set of credentials that reaches it, respecting prerequisites and
 * stacking, optimal on the request's objective under its constraints, with genuinely different alternatives. The
 * exact solver (OR-Tools CP-SAT) answers when it can; the greedy planner (the recommender's best next step,
 * repeated) is always computed as the baseline and answers when the solver cannot. Semantics in this package's
 * {@code README.md}. Implementations are thread-safe.
 */
public interface Planner {

  /**
   * The plans for {@code request}, never an empty answer: an unreachable goal gives the best partial plan and the
   * blockers.
   *
   * @throws io.cairn.learner.UnknownReferenceException when the request names ids the catalog lacks
   * @throws IllegalArgumentException when the goal cannot be planned for (no goal) or an advisor exception names
   *     no requirement of the pathway
   */
  Plans plan(CatalogSnapshot snapshot, PlanRequest request);

  static Builder builder() {
    return new Builder();
  }

  /**
   * True when the exact solver's native libraries load on this machine (loading them the first time, which takes
   * about a second: a server calls this at start so that the first plan does not wait).
   */
  static boolean solverAvailable() {
    return CpSat.available();
  }

  /** Assembles a planner; each setting is checked when set. */
  final class Builder {
    /**
     * The solver's time budget for one request, counted from its first run. Interactive plans must answer within
     * about 200 ms (the bench's target at p95, with three alternatives); the rest of a request (candidates, the
     * greedy baseline, the audit, the layout) takes a few tens of milliseconds, so the solver gets 150 ms in all:
     * half for the best plan when alternatives are asked for, the rest shared by them. Most models are proved
     * optimal far sooner; the limit only bites on hard ones, which then report their bound and gap, and on a
     * machine so loaded that nothing is found in time, the greedy plan answers and says so.
     */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMillis(150);

    private Recommender recommender = Recommender.builder().build();
    private Auditor auditor = Auditor.standard();
    private Duration timeLimit = DEFAULT_TIME_LIMIT;
    private int workers = 1;
    private JobOffers jobOffers = JobOffers.none();
    private boolean solver = true;

    private Builder() {}

    /** The recommender whose targets the plan aims at and whose best step the greedy baseline repeats. */
    public Builder recommender(Recommender recommender) {
      this.recommender = Objects.requireNonNull(recommender, "recommender");
      return this;
    }

    /** The auditor that checks every plan claimed to reach a pathway destination. */
    public Builder auditor(Auditor auditor) {
      this.auditor = Objects.requireNonNull(auditor, "auditor");
      return this;
    }

    /** The solver's time budget per request, from 1 ms to 60 s. */
    public Builder timeLimit(Duration limit) {
      Objects.requireNonNull(limit, "limit");
      if (limit.toMillis() < 1 || limit.toSeconds() > 60) {
        throw new IllegalArgumentException("the solver time limit must be from 1 ms to 60 s, got " + limit);
      }
      this.timeLimit = limit;
      return this;
    }

    /**
     * Solver threads per request (1 to 8). One by default: a server answers several requests at once, and the
     * models are small enough that one worker proves them optimal.
     */
    public Builder workers(int workers) {
      if (workers < 1 || workers > 8) {
        throw new IllegalArgumentException("workers must be from 1 to 8, got " + workers);
      }
      this.workers = workers;
      return this;
    }

    /** Job offers per occupation, weighed by the value objective. */
    public Builder jobOffers(JobOffers offers) {
      this.jobOffers = Objects.requireNonNull(offers, "offers");
      return this;
    }

    /** Turns the exact solver off: the greedy planner answers every request (a baseline for comparisons). */
    public Builder greedyOnly() {
      this.solver = false;
      return this;
    }

    public Planner build() {
      return new SolvingPlanner(recommender, auditor, new SolverSettings(timeLimit, workers, solver), jobOffers);
    }
  }
}
