package io.cairn.server.http;

import io.javalin.http.Context;

/**
 * {@code GET /}: the web page for learners, advisors and curriculum designers. One static shell; its scripts read
 * the screen and its state from the query string and call the JSON API, so every screen is a shareable URL and
 * nothing a learner enters is kept on the server. Its Content-Security-Policy (only this server's own assets and
 * API) is set with every other security header in {@link SecurityHeaders}.
 */
final class WebPage {
  /** Where the page's scripts and styles live on the classpath, and the path they are served under. */
  static final String ASSET_DIRECTORY = "/io/cairn/server/web";
  static final String ASSET_PATH = "/web";

  private final String page = SystemController.resource(ASSET_DIRECTORY.substring(1) + "/index.html");

  void page(Context ctx) {
    ctx.header("Cache-Control", "no-cache");
    ctx.html(page);
  }
}
