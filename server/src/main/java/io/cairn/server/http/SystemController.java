package io.cairn.server.http;

import io.cairn.Cairn;
import io.cairn.catalog.CatalogSnapshot;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Health, the OpenAPI document, the Swagger UI page and what this service is. */
final class SystemController {
  static final String ESCO_NOTICE = "This service uses the ESCO classification of the European Commission.";
  private static final String IN_MEMORY = "in-memory";
  private final Cairn cairn;
  private final String openApi;
  private final String docsPage;

  SystemController(Cairn cairn) {
    this.cairn = cairn;
    this.openApi = resource("io/cairn/server/http/openapi.json");
    this.docsPage = resource("io/cairn/server/http/docs.html").replace("{{SWAGGER_UI}}",
        "/webjars/swagger-ui/" + swaggerUiVersion());
  }

  record Health(String status, long catalogVersion, int competencies, int occupations, int credentials,
      int pathways, String store, String scorer, String model,
      @JsonInclude(JsonInclude.Include.NON_NULL) SharedStoreHealth sharedStore) {}

  /** A replica's view of the cluster's shared store: reachable or not (why, since when), versions served and seen. */
  record SharedStoreHealth(boolean reachable, long versionServed, long versionSeen, String checkedAt,
      @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
      @JsonInclude(JsonInclude.Include.NON_NULL) String since) {}

  record About(String name, String version, String description, String esco, String demandData, String scorer,
      String model) {}

  void health(Context ctx) {
    CatalogSnapshot s = cairn.snapshot();
    SharedStoreHealth shared = cairn.catalog().storeWatch().map(w -> w.health()).map(h -> new SharedStoreHealth(
        !h.degraded(), h.versionServed(), h.versionSeen(), h.checkedAt().toString(), h.reason(),
        h.since() == null ? null : h.since().toString())).orElse(null);
    String status = shared != null && !shared.reachable() ? "degraded" : "ok";
    ctx.jsonStream(new Health(status, s.version(), s.competencies().size(), s.occupations().size(),
        s.credentials().size(), s.pathways().size(), storeKind(), scorer(), model(), shared));
  }

  /**
   * What kind of store serves the data, never where it is: a path on the server is for its operator (the log and
   * the CLI say it), not for every client.
   */
  private String storeKind() {
    if (cairn.catalog().store().remote().isPresent()) {
      return "fuseki";
    }
    return cairn.catalog().store().description().equals(IN_MEMORY) ? IN_MEMORY : "tdb2";
  }

  void about(Context ctx) {
    ctx.jsonStream(new About("Cairn", version(), "Competency-based, stackable pathway recommendations", ESCO_NOTICE,
        "The embedded sample's demand figures are illustrative, hand-written, not measured.", scorer(), model()));
  }

  /** {@code learned} with a model, else {@code transparent}: the fallback is said, never silent. */
  private String scorer() {
    return cairn.model().isPresent() ? "learned" : "transparent";
  }

  private String model() {
    return cairn.model().isPresent() ? ModelController.describe(cairn) : ModelController.NO_MODEL;
  }

  void openApi(Context ctx) {
    ctx.contentType("application/json").result(openApi);
  }

  void docs(Context ctx) {
    ctx.html(docsPage);
  }

  private static String version() {
    String v = SystemController.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  static String swaggerUiVersion() {
    Properties p = new Properties();
    try (InputStream in = SystemController.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the swagger-ui webjar is missing from the classpath");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version");
  }

  static String resource(String name) {
    try (InputStream in = SystemController.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
