package io.cairn.bench;

import io.javalin.Javalin;
import java.util.Map;

/**
 * The HTTP ceiling of this machine for the bench's requests: a bare Javalin 7 server with a default configuration
 * and one route, {@code POST /api/recommendations}, that reads the body and answers with the exact status,
 * content type and bytes Cairn answered to that request (its query included). It does no work of its own, so the
 * requests per second it serves under the same wrk load, in the same run, are what HTTP and the same payloads
 * cost here; Cairn's figure divided by it is the share of the ceiling Cairn reaches (issue 18 asks for at least
 * half, since wrk shares the machine's cores with the server).
 */
final class CeilingServer implements AutoCloseable {
  private final Javalin app;

  /** One answer of Cairn's, as it went over the wire. */
  record Answer(int status, String contentType, byte[] body) {}

  private CeilingServer(Javalin app) {
    this.app = app;
  }

  /** Listens on a free loopback port; {@code answers} maps each request to Cairn's answer to it. */
  static CeilingServer replaying(Map<HttpLoad.Call, Answer> answers) {
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.post("/api/recommendations", ctx -> {
        String query = ctx.queryString();
        Answer answer = answers.get(new HttpLoad.Call("POST", ctx.path() + (query == null ? "" : "?" + query),
            ctx.body()));
        if (answer == null) {
          ctx.status(400).result("not one of the bench's requests");
        } else {
          ctx.status(answer.status()).contentType(answer.contentType()).result(answer.body());
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
