package io.cairn.graph;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the shared store for one {@link LiveCatalog}: every interval it reads the store's version (one cheap
 * query) and, when it moved past the snapshot's, rebuilds the snapshot in the background and swaps it in. When the
 * store cannot be reached the catalog keeps serving its last snapshot and the watch says it is degraded, why and
 * since when, until a read succeeds again.
 */
public final class StoreWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StoreWatch.class);
  private final LiveCatalog catalog;
  private final RemoteStore remote;
  private final ScheduledExecutorService timer;
  private final AtomicReference<StoreHealth> health;

  /** What a replica knows of its store: the version it serves, the version it last saw, and whether it can reach it. */
  public record StoreHealth(String store, boolean degraded, String reason, Instant since, long versionServed,
      long versionSeen, Instant checkedAt) {}

  private StoreWatch(LiveCatalog catalog, RemoteStore remote) {
    this.catalog = catalog;
    this.remote = remote;
    long served = catalog.snapshot().version();
    this.health = new AtomicReference<>(new StoreHealth(remote.url(), false, null, null, served, served,
        Instant.now()));
    this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("store-watch").daemon()
        .factory());
  }

  static StoreWatch start(LiveCatalog catalog, Duration interval) {
    RemoteStore remote = catalog.store().remote().orElseThrow(() -> new IllegalStateException(
        "the store " + catalog.store().description() + " is not a shared store to watch"));
    StoreWatch watch = new StoreWatch(catalog, remote);
    watch.timer.scheduleWithFixedDelay(watch::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return watch;
  }

  /** The store's state as of the last check. */
  public StoreHealth health() {
    StoreHealth h = health.get();
    long served = catalog.snapshot().version();
    return new StoreHealth(h.store(), h.degraded(), h.reason(), h.since(), served, Math.max(h.versionSeen(), served),
        h.checkedAt());
  }

  /**
   * Reads the store's version now and follows it when it moved; what the timer runs. Nothing but a
   * {@link VirtualMachineError} escapes it: a scheduled task that throws is never run again, and the replica would
   * report its last health forever.
   */
  public void check() {
    try {
      long seen = remote.version().number();
      health.set(new StoreHealth(remote.url(), false, null, null, catalog.snapshot().version(), seen, Instant.now()));
      if (seen != catalog.snapshot().version()) {
        catalog.follow();
        recovered();
      }
    } catch (StoreUnavailableException e) {
      if (!health.get().degraded()) {
        LOG.warn("The shared store is unreachable; serving the last snapshot: {}", e.getMessage());
      }
      degraded(e.getMessage());
    } catch (VirtualMachineError e) {
      throw e;
    } catch (RuntimeException | Error e) {
      LOG.error("Following the shared store failed; serving the last snapshot", e);
      degraded("following the store failed: " + e.getMessage());
    }
  }

  /** Says the store is degraded for {@code reason}, since the first check that found it so. */
  private void degraded(String reason) {
    StoreHealth before = health.get();
    health.set(new StoreHealth(remote.url(), true, reason, before.degraded() ? before.since() : Instant.now(),
        catalog.snapshot().version(), before.versionSeen(), Instant.now()));
  }

  private void recovered() {
    StoreHealth h = health.get();
    health.set(new StoreHealth(h.store(), false, null, null, catalog.snapshot().version(), h.versionSeen(),
        Instant.now()));
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
