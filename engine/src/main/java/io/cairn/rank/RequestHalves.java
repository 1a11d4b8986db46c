package io.cairn.rank;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A large request in two halves of the catalog at once, the second on a helper thread: its coverage filled, its
 * candidates considered and scored, and its scratch cleared, each half by half. On a catalog of a million a goal
 * touches tens of thousands of credentials, and visiting each is a cache miss the two cores can wait on side by
 * side. The halves' pools merge into the one a single pass keeps (the pool's order is total), and their counts add
 * up, so the answer is the same either way.
 *
 * <p>The helper only ever takes work the caller has not started: whichever of the two claims the second half first
 * runs it, so a busy helper (another request's half, or a machine with one core, which has none) costs the caller
 * nothing but running both halves itself.
 */
final class RequestHalves {
  /** Touched credentials from which a request is split: below it, handing a half over costs more than it saves. */
  static final int SPLIT_AT = 16_384;
  private static final ExecutorService HELPERS = helpers(Runtime.getRuntime().availableProcessors() - 1);

  private RequestHalves() {}

  /**
   * The number of touched credentials from which this machine splits a request: {@link #SPLIT_AT}, or never with
   * one core.
   */
  static int splitAt() {
    return HELPERS == null ? Integer.MAX_VALUE : SPLIT_AT;
  }

  /** The word of the touched bit set that ends the first half: about half the touched credentials lie up to it. */
  static int middleWord(GoalCoverage coverage) {
    int half = coverage.touchedCount() / 2;
    int seen = 0;
    for (int w = coverage.firstWord(); w <= coverage.lastWord(); w++) {
      seen += Long.bitCount(coverage.touchedWord(w));
      if (seen >= half) {
        return w;
      }
    }
    return coverage.lastWord();
  }

  /**
   * Runs {@code first} here and {@code second} on a helper, or here too when the helper has not started it by the
   * time {@code first} is done; returns both results. When either throws, this throws once both are over (the
   * halves write scratch space the caller reuses after).
   */
  static <T> Pair<T> both(Supplier<T> first, Supplier<T> second) {
    AtomicBoolean claimed = new AtomicBoolean();
    CompletableFuture<T> helped = new CompletableFuture<>();
    (HELPERS == null ? (java.util.concurrent.Executor) task -> { } : HELPERS).execute(() -> {
      if (claimed.compareAndSet(false, true)) {
        try {
          helped.complete(second.get());
        } catch (Throwable e) {
          helped.completeExceptionally(e);
        }
      }
    });
    T a = null;
    RuntimeException failure = null;
    try {
      a = first.get();
    } catch (RuntimeException e) {
      failure = e;
    }
    if (claimed.compareAndSet(false, true)) {
      if (failure != null) {
        throw failure;
      }
      return new Pair<>(a, second.get());
    }
    T b;
    try {
      b = helped.join();
    } catch (CompletionException e) {
      if (failure != null) {
        throw failure;
      }
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    if (failure != null) {
      throw failure;
    }
    return new Pair<>(a, b);
  }

  /** The two halves' results. */
  record Pair<T>(T first, T second) {}

  private static ExecutorService helpers(int threads) {
    if (threads < 1) {
      return null;
    }
    return Executors.newFixedThreadPool(threads, task -> Thread.ofPlatform().daemon().name("cairn-request-half")
        .unstarted(task));
  }
}
