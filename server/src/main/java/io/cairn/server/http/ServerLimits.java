package io.cairn.server.http;

import java.time.Duration;

/**
 * How much the HTTP server takes on at once, and how long it waits for a client. Every limit is checked when the
 * limits are made, so a bad setting fails at start, not under load.
 *
 * <p>A request body is read without holding a thread (see {@link WholeBodies}) and must arrive within
 * {@code bodyTimeout}; a connection that sends nothing for {@code idleTimeout} is closed. At most
 * {@code maxConnections} connections are open at once (more wait in the operating system's accept queue), at most
 * {@code maxInFlight} requests are handled at once, and up to {@code maxQueued} more wait at most
 * {@code queueTimeout} for their turn; past that a request is answered 503 with {@code Retry-After}. Handling
 * runs on a pool of at most {@code maxThreads} threads. {@code GET /health} skips the request queue, so a
 * liveness probe answers while the server is busy.
 *
 * @param maxConnections open connections at once
 * @param maxInFlight requests handled at once
 * @param maxQueued requests waiting for a turn, beyond which a request is refused with 503 at once
 * @param queueTimeout how long a request waits for a turn before it is refused with 503
 * @param idleTimeout how long a connection may send nothing (while idle, or mid-request) before it is closed
 * @param bodyTimeout how long a request body may take to arrive in full before it is refused with 408
 * @param maxThreads threads of the server's pool (network I/O and handling)
 */
public record ServerLimits(int maxConnections, int maxInFlight, int maxQueued, Duration queueTimeout,
    Duration idleTimeout, Duration bodyTimeout, int maxThreads) {
  public static final int DEFAULT_MAX_CONNECTIONS = 512;
  public static final int DEFAULT_MAX_IN_FLIGHT = 64;
  public static final int DEFAULT_MAX_QUEUED = 256;
  public static final int DEFAULT_QUEUE_TIMEOUT_SECONDS = 5;
  public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 15;
  public static final int DEFAULT_BODY_TIMEOUT_SECONDS = 20;
  public static final int DEFAULT_MAX_THREADS = 200;
  /** Threads the pool needs besides handlers: the acceptor, the selectors and Jetty's reserved threads. */
  static final int THREADS_BESIDES_HANDLERS = 16;

  public ServerLimits {
    positive("maxConnections", maxConnections);
    positive("maxInFlight", maxInFlight);
    if (maxQueued < 0) {
      throw new IllegalArgumentException("maxQueued must be 0 or more, got " + maxQueued);
    }
    positive("queueTimeout", queueTimeout);
    positive("idleTimeout", idleTimeout);
    positive("bodyTimeout", bodyTimeout);
    if (maxThreads < maxInFlight + THREADS_BESIDES_HANDLERS) {
      throw new IllegalArgumentException("maxThreads must be at least maxInFlight + " + THREADS_BESIDES_HANDLERS
          + " (" + (maxInFlight + THREADS_BESIDES_HANDLERS) + ") so that every request let in has a thread, got "
          + maxThreads);
    }
  }

  /** The limits {@code cairn serve} uses unless told otherwise. */
  public static ServerLimits defaults() {
    return new ServerLimits(DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_IN_FLIGHT, DEFAULT_MAX_QUEUED,
        Duration.ofSeconds(DEFAULT_QUEUE_TIMEOUT_SECONDS), Duration.ofSeconds(DEFAULT_IDLE_TIMEOUT_SECONDS),
        Duration.ofSeconds(DEFAULT_BODY_TIMEOUT_SECONDS), DEFAULT_MAX_THREADS);
  }

  public ServerLimits withBodyTimeout(Duration timeout) {
    return new ServerLimits(maxConnections, maxInFlight, maxQueued, queueTimeout, idleTimeout, timeout, maxThreads);
  }

  public ServerLimits withIdleTimeout(Duration timeout) {
    return new ServerLimits(maxConnections, maxInFlight, maxQueued, queueTimeout, timeout, bodyTimeout, maxThreads);
  }

  public ServerLimits withRequestQueue(int inFlight, int queued, Duration timeout) {
    return new ServerLimits(maxConnections, inFlight, queued, timeout, idleTimeout, bodyTimeout, maxThreads);
  }

  /** The seconds a refused client is told to wait ({@code Retry-After}): the queue timeout, at least 1. */
  int retryAfterSeconds() {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (queueTimeout.toMillis() + 999) / 1000));
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be 1 or more, got " + value);
    }
  }

  private static void positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
    }
  }
}
