package io.cairn.bench;

import io.javalin.Javalin;
import java.util.Map;

/**
 * The HTTP ceiling of this machine for the bench's requests: a bare Javalin 7 server with a default configuration
 * and one route, {@code POST /api/recommendations}, that reads the body and answers the exact bytes Cairn answered
 * to that body. It does no work of its own, so the requests per second it serves under the same wrk load, in the
 * same run, are what HTTP and the same payloads cost here; Cairn's figure divided by it is the share of the
 * ceiling Cairn reaches (issue 18 asks for at least half, since wrk shares the machine's cores with the server).
 */
final class CeilingServer implements AutoCloseable {
  private final Javalin app;

  private CeilingServer(Javalin app) {
    this.app = app;
  }

  /** Listens on a free loopback port; {@code answers} maps each request body to Cairn's answer to it. */
  static CeilingServer replaying(Map<String, byte[]> answers) {
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.post("/api/recommendations", ctx -> {
        byte[] answer = answers.get(ctx.body());
        if (answer == null) {
          ctx.status(400).result("not one of the bench's bodies");
        } else {
          ctx.contentType("application/json; charset=utf-8").result(answer);
        }
      });
    });
    app.start("127.0.0.1", 0);
    return new CeilingServer(app);
  }

  int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
