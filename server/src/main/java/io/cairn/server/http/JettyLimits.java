package io.cairn.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Puts {@link ServerLimits} into Javalin's Jetty: a bounded thread pool, a connector with the idle timeout, a cap on
 * open connections, and the handlers every request passes before Javalin's servlet.
 *
 * <pre>
 * SecurityHeaders    every response gets the security headers
 *   WholeBodies      the body arrives in full, without a thread, within the body timeout (else 408 / 413)
 *     QoSHandler     at most maxInFlight requests at once, maxQueued waiting (else 503 + Retry-After)
 *       Javalin      (and Jetty's statistics handler Javalin installs)
 * </pre>
 *
 * The order matters: a body is read before the request takes one of the in-flight places, so slow uploads never
 * hold places that quick requests need. Errors Jetty answers itself are problem+json ({@link ProblemErrorHandler}).
 */
final class JettyLimits {
  private static final int MIN_THREADS = 8;
  private static final int THREAD_IDLE_MILLIS = 60_000;
  private static final String[] UNQUEUED_PATHS = {"/health"};

  private JettyLimits() {}

  static void apply(JavalinConfig config, ServerLimits limits, ObjectMapper json) {
    // the pool's job queue stays unbounded, as Jetty asks (a refused internal job breaks a connection in ways no
    // client can be told about); what is bounded is the queue of requests, in the QoSHandler below, which answers
    // 503 when it is full, and the number of connections, which bounds the jobs they can make
    QueuedThreadPool pool = new QueuedThreadPool(limits.maxThreads(), MIN_THREADS, THREAD_IDLE_MILLIS);
    pool.setName("cairn-http");
    config.jetty.threadPool = pool;
    config.jetty.modifyHttpConfiguration(http -> http.setSendXPoweredBy(false));
    // Javalin's start(host, port) sets config.jetty.host and port before it builds the connectors
    config.jetty.addConnector((server, http) -> {
      ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
      connector.setHost(config.jetty.host);
      connector.setPort(config.jetty.port);
      connector.setIdleTimeout(limits.idleTimeout().toMillis());
      return connector;
    });
    config.jetty.modifyServer(server -> {
      server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
      server.setErrorHandler(new ProblemErrorHandler(json, CairnServer.MAX_BODY_BYTES, limits.retryAfterSeconds()));
      QoSHandler inFlight = new QoSHandler();
      inFlight.setMaxRequestCount(limits.maxInFlight());
      inFlight.setMaxSuspendedRequestCount(limits.maxQueued());
      inFlight.setMaxSuspend(limits.queueTimeout());
      inFlight.excludePath(UNQUEUED_PATHS);
      // each insert goes in front of the ones before it
      server.insertHandler(inFlight);
      server.insertHandler(new WholeBodies(CairnServer.MAX_BODY_BYTES, limits.bodyTimeout()));
      server.insertHandler(new SecurityHeaders());
    });
  }
}
