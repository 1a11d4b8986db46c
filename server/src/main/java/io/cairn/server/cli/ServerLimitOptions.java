package io.cairn.server.cli;

import io.cairn.server.http.ServerLimits;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code cairn serve}'s limits on connections, concurrent requests and slow clients; each has an environment
 * variable too. See {@link ServerLimits} for what each one bounds.
 */
final class ServerLimitOptions {
  @Option(names = "--max-connections", paramLabel = "N",
      defaultValue = "${env:CAIRN_MAX_CONNECTIONS:-" + ServerLimits.DEFAULT_MAX_CONNECTIONS + "}",
      description = "Open connections at once; more wait to be accepted ($CAIRN_MAX_CONNECTIONS, default: "
          + ServerLimits.DEFAULT_MAX_CONNECTIONS + ")")
  int maxConnections;

  @Option(names = "--max-in-flight", paramLabel = "N",
      defaultValue = "${env:CAIRN_MAX_IN_FLIGHT:-" + ServerLimits.DEFAULT_MAX_IN_FLIGHT + "}",
      description = "Requests handled at once; more wait in a queue ($CAIRN_MAX_IN_FLIGHT, default: "
          + ServerLimits.DEFAULT_MAX_IN_FLIGHT + ")")
  int maxInFlight;

  @Option(names = "--max-queued", paramLabel = "N",
      defaultValue = "${env:CAIRN_MAX_QUEUED:-" + ServerLimits.DEFAULT_MAX_QUEUED + "}",
      description = "Requests waiting for a turn; past that a request is answered 503 with Retry-After "
          + "($CAIRN_MAX_QUEUED, default: " + ServerLimits.DEFAULT_MAX_QUEUED + ")")
  int maxQueued;

  @Option(names = "--queue-timeout", paramLabel = "SECONDS",
      defaultValue = "${env:CAIRN_QUEUE_TIMEOUT:-" + ServerLimits.DEFAULT_QUEUE_TIMEOUT_SECONDS + "}",
      description = "How long a request waits for a turn before it is answered 503 ($CAIRN_QUEUE_TIMEOUT, "
          + "default: " + ServerLimits.DEFAULT_QUEUE_TIMEOUT_SECONDS + ")")
  int queueTimeoutSeconds;

  @Option(names = "--idle-timeout", paramLabel = "SECONDS",
      defaultValue = "${env:CAIRN_IDLE_TIMEOUT:-" + ServerLimits.DEFAULT_IDLE_TIMEOUT_SECONDS + "}",
      description = "A connection that sends nothing this long is closed ($CAIRN_IDLE_TIMEOUT, default: "
          + ServerLimits.DEFAULT_IDLE_TIMEOUT_SECONDS + ")")
  int idleTimeoutSeconds;

  @Option(names = "--body-timeout", paramLabel = "SECONDS",
      defaultValue = "${env:CAIRN_BODY_TIMEOUT:-" + ServerLimits.DEFAULT_BODY_TIMEOUT_SECONDS + "}",
      description = "A request body must arrive in full within this time, else 408 ($CAIRN_BODY_TIMEOUT, "
          + "default: " + ServerLimits.DEFAULT_BODY_TIMEOUT_SECONDS + ")")
  int bodyTimeoutSeconds;

  @Option(names = "--max-threads", paramLabel = "N",
      defaultValue = "${env:CAIRN_MAX_THREADS:-" + ServerLimits.DEFAULT_MAX_THREADS + "}",
      description = "Threads of the server's pool ($CAIRN_MAX_THREADS, default: " + ServerLimits.DEFAULT_MAX_THREADS
          + ")")
  int maxThreads;

  ServerLimits limits() {
    try {
      return new ServerLimits(maxConnections, maxInFlight, maxQueued, Duration.ofSeconds(queueTimeoutSeconds),
          Duration.ofSeconds(idleTimeoutSeconds), Duration.ofSeconds(bodyTimeoutSeconds), maxThreads);
    } catch (IllegalArgumentException e) {
      throw new CliException("bad server limit: " + e.getMessage());
    }
  }
}
