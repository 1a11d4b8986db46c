package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /docs}: Swagger UI over the served OpenAPI document, entirely from the bundled web jar. */
class DocsTest {
  private static final Pattern ASSET = Pattern.compile("(?:src|href)\\s*=\\s*\"([^\"]+)\"");
  private static final Pattern ABSOLUTE_URL = Pattern.compile("(?i)(?:https?:)?//([^/\"'\\s)]+)");

  private static TestServer server;
  private static String page;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    HttpResponse<String> response = server.get("/docs");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("text/html", TestServer.mediaType(response));
    page = response.body();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static List<String> assets() {
    List<String> assets = new ArrayList<>();
    Matcher m = ASSET.matcher(page);
    while (m.find()) {
      assets.add(m.group(1));
    }
    return assets;
  }

  /** The script that starts Swagger UI: a file of this server, not inline, so the CSP allows no inline script. */
  private static String startScript() {
    List<String> scripts = assets().stream().filter(a -> a.startsWith("/web/")).toList();
    assertEquals(List.of("/web/docs.js"), scripts, "the docs page's own script");
    assertFalse(page.matches("(?s).*<script>.*"), "no inline script on the docs page: " + page);
    HttpResponse<String> response = server.get(scripts.getFirst());
    assertEquals(200, response.statusCode());
    return response.body();
  }

  @Test
  void docsPageLoadsTheSwaggerUiBundleFromTheWebjar() {
    List<String> scripts = assets().stream().filter(a -> a.endsWith("swagger-ui-bundle.js")).toList();
    assertEquals(1, scripts.size(), "one swagger-ui-bundle.js script in " + page);
    assertTrue(scripts.getFirst().startsWith("/webjars/swagger-ui/"), scripts.getFirst());
    assertTrue(startScript().contains("SwaggerUIBundle("), "the page starts Swagger UI");
  }

  @Test
  void swaggerUiBundleIsServedAsJavaScript() {
    String bundle = assets().stream().filter(a -> a.endsWith("swagger-ui-bundle.js")).findFirst().orElseThrow();
    HttpResponse<String> response = server.get(bundle);
    assertEquals(200, response.statusCode(), bundle);
    assertTrue(List.of("text/javascript", "application/javascript").contains(TestServer.mediaType(response)),
        "Content-Type of " + bundle + ": " + TestServer.mediaType(response));
    assertTrue(response.body().length() > 100_000, "the real bundle, not a stub");
    assertTrue(response.body().contains("SwaggerUIBundle"), "the bundle defines SwaggerUIBundle");
  }

  @Test
  void everyAssetOfTheDocsPageIsServedByThisServer() {
    List<String> assets = assets();
    assertFalse(assets.isEmpty());
    for (String asset : assets) {
      assertTrue(asset.startsWith("/") && !asset.startsWith("//"), "asset from another host: " + asset);
      HttpResponse<String> response = server.get(asset);
      assertEquals(200, response.statusCode(), asset);
      if (asset.endsWith(".css")) {
        assertEquals("text/css", TestServer.mediaType(response), asset);
      }
    }
  }

  @Test
  void docsPageUsesNoCdnOrOtherHost() {
    Matcher m = ABSOLUTE_URL.matcher(page);
    List<String> hosts = new ArrayList<>();
    while (m.find()) {
      if (!m.group(1).equalsIgnoreCase(server.base().getAuthority())) {
        hosts.add(m.group());
      }
    }
    assertEquals(List.of(), hosts, "the docs page must not load anything from another host (no CDN)");
  }

  @Test
  void docsPageReadsTheServedOpenApiDocument() {
    assertTrue(page.contains("data-openapi=\"/openapi.json\"") && startScript().contains("root.dataset.openapi"),
        "Swagger UI is pointed at /openapi.json: " + page);
    HttpResponse<String> document = server.get("/openapi.json");
    assertEquals(200, document.statusCode());
    assertEquals("application/json", TestServer.mediaType(document));
    assertEquals(TestServer.json(SystemController.resource(OpenApiContract.RESOURCE)), TestServer.json(document.body()));
  }
}
