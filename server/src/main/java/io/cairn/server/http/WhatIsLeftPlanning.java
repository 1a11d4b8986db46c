package io.cairn.server.http;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where "what is left" is planned (an audit with {@code whatIsLeft: true}: a planner run per open requirement of
 * each pathway, seconds of work where an audit takes milliseconds): on a few threads of its own with a short queue
 * of its own, never on the server's. A request waiting here does not hold one of the server's threads, and at most
 * a quarter of the requests the server lets in at once are what-is-left ones (planned or waiting); one that finds
 * the planner full is refused at once with 503 and Retry-After. So advisors asking for what is left together can
 * never take the places that the page's own loads, the plain audit and every other request need: they slow
 * nothing but each other. Thread-safe.
 */
final class WhatIsLeftPlanning implements AutoCloseable {
  private final ThreadPoolExecutor threads;
  private final int retryAfterSeconds;

  /** The planner is full: the request is refused before any work, and may be sent again after a moment. */
  static final class Busy extends RuntimeException {
    private final int retryAfterSeconds;

    Busy(String detail, int retryAfterSeconds) {
      super(detail);
      this.retryAfterSeconds = retryAfterSeconds;
    }

    int retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  WhatIsLeftPlanning(int planners, int waiting, int retryAfterSeconds) {
    if (planners < 1 || waiting < 0) {
      throw new IllegalArgumentException("what-is-left planning needs 1 or more threads and 0 or more waiting places");
    }
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "cairn-what-is-left-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    // a SynchronousQueue when nothing may wait: ArrayBlockingQueue needs a capacity of 1 or more
    this.threads = new ThreadPoolExecutor(planners, planners, 30, TimeUnit.SECONDS,
        waiting == 0 ? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(waiting), factory,
        new ThreadPoolExecutor.AbortPolicy());
    this.threads.allowCoreThreadTimeOut(true);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /**
   * Sized from the server's limits: a quarter of the requests let in at once (at least 2) are what-is-left places,
   * of which up to half the processors plan (at least one) and the rest wait.
   */
  static WhatIsLeftPlanning forLimits(ServerLimits limits) {
    int places = Math.max(2, limits.maxInFlight() / 4);
    int planners = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors() / 2, places - 1));
    return new WhatIsLeftPlanning(planners, places - planners, limits.retryAfterSeconds());
  }

  /**
   * Runs {@code work} on the planning threads.
   *
   * @throws Busy when every planning place is taken
   */
  <T> CompletableFuture<T> submit(Supplier<T> work) {
    try {
      return CompletableFuture.supplyAsync(work, threads);
    } catch (RejectedExecutionException e) {
      throw new Busy("the planner is working out what is left for " + (threads.getActiveCount()
          + threads.getQueue().size()) + " other requests; the audit itself answers without whatIsLeft now, and "
          + "what is left can be asked again in " + retryAfterSeconds + " s", retryAfterSeconds);
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
