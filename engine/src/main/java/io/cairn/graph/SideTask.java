package io.cairn.graph;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Work a write or a compile hands to a thread of its own, to run beside what its own thread does (a check beside
 * the writes, the credentials' reads beside the competencies'). The thread is a daemon: work left behind by a
 * failure must not keep the JVM alive. Waiting for the result throws what the work threw, as it threw it.
 */
final class SideTask<T> {
  private final CompletableFuture<T> result;

  private SideTask(CompletableFuture<T> result) {
    this.result = result;
  }

  /** Starts {@code work} on a new daemon thread named {@code threadName}. */
  static <T> SideTask<T> start(String threadName, Supplier<T> work) {
    return new SideTask<>(CompletableFuture.supplyAsync(work,
        task -> Thread.ofPlatform().daemon().name(threadName).start(task)));
  }

  /** Waits for the work and gives its result, or throws what it threw. */
  T join() {
    try {
      return result.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
