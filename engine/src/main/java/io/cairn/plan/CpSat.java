package io.cairn.plan;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import io.cairn.catalog.IntSet;
import java.util.List;
import java.util.Optional;

/**
 * Runs OR-Tools CP-SAT on a {@link SatModel}. The native libraries are loaded once, on first use; when they cannot
 * be (an unsupported platform, a launcher that hides them), the solver is reported unavailable and the greedy
 * planner answers.
 */
final class CpSat {
  private static volatile Boolean available;
  private static volatile String failure = "";

  private CpSat() {}

  /** True when the native solver is loaded (loading it the first time). */
  static boolean available() {
    Boolean loaded = available;
    if (loaded == null) {
      synchronized (CpSat.class) {
        if (available == null) {
          available = load();
        }
        loaded = available;
      }
    }
    return loaded;
  }

  private static boolean load() {
    try {
      Loader.loadNativeLibraries();
      return true;
    } catch (RuntimeException | LinkageError e) {
      failure = e.toString();
      return false;
    }
  }

  /** Why the native solver could not be loaded; empty when it was. */
  static String failure() {
    return failure;
  }

  /** What one solve found. */
  record Result(CpSolverStatus status, Optional<IntSet> bought, double primary, double bound, double wallMs) {
    boolean optimal() {
      return status == CpSolverStatus.OPTIMAL;
    }

    boolean infeasible() {
      return status == CpSolverStatus.INFEASIBLE;
    }
  }

  /**
   * Solves the levels of {@code objective} in turn within {@code limitMillis} in all: each level from the previous
   * level's solution, then fixed at its optimum for the next. The first level's status, value and bound are the
   * result's; a later level that runs out of time keeps the solution before it.
   */
  static Result solve(SatModel sat, List<SatObjective.Level> levels, IntSet hint, double limitMillis, int workers) {
    long start = System.nanoTime();
    CpSolverStatus first = CpSolverStatus.UNKNOWN;
    IntSet best = null;
    double primary = Double.NaN;
    double bound = Double.NaN;
    for (int i = 0; i < levels.size(); i++) {
      double left = limitMillis - (System.nanoTime() - start) / 1e6;
      if (i > 0 && left < 1) {
        break;
      }
      SatObjective.Level level = levels.get(i);
      sat.model.clearObjective();
      if (level.maximise()) {
        sat.model.maximize(level.expression());
      } else {
        sat.model.minimize(level.expression());
      }
      sat.model.clearHints();
      IntSet from = best != null ? best : hint;
      if (from != null) {
        sat.hint(from);
      }
      CpSolver solver = new CpSolver();
      solver.getParameters()
          .setMaxTimeInSeconds(Math.max(0.001, Math.max(1, left) / 1000.0))
          .setNumWorkers(workers)
          // measured on the benchmark's catalog (pools of 100 to 2,500 candidates): the LP of level 2 is what proves
          // the hours level at all; probing, repeated presolve and symmetry detection cost more than they save
          .setLinearizationLevel(2)
          .setCpModelProbingLevel(0)
          .setMaxPresolveIterations(1)
          .setSymmetryLevel(0)
          .setRandomSeed(1)
          .setLogSearchProgress(false);
      CpSolverStatus status = solver.solve(sat.model);
      if (status == CpSolverStatus.MODEL_INVALID) {
        throw new IllegalStateException("the plan model is invalid: " + sat.model.validate());
      }
      boolean solved = status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE;
      if (i == 0) {
        first = status;
        if (!solved) {
          break;
        }
        primary = solver.value(level.expression()) / level.unit();
        bound = (level.maximise() ? Math.floor(solver.bestObjectiveBound() + 1e-6)
            : Math.ceil(solver.bestObjectiveBound() - 1e-6)) / level.unit();
      } else if (!solved) {
        break;
      }
      best = sat.bought(solver);
      if (status != CpSolverStatus.OPTIMAL) {
        break;
      }
      long value = solver.value(level.expression());
      if (level.maximise()) {
        sat.model.addGreaterOrEqual(level.expression(), value);
      } else {
        sat.model.addLessOrEqual(level.expression(), value);
      }
    }
    return new Result(first, Optional.ofNullable(best), primary, bound, (System.nanoTime() - start) / 1e6);
  }
}
