package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.Cairn;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.SampleData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real Cairn server over the embedded sample, on a free port, with a small HTTP client. One per test class:
 * {@code @RegisterExtension static final TestServer server = TestServer.start();} starts it with the class and
 * closes it after the class's last test.
 */
final class TestServer implements AutoCloseable, AfterAllCallback {
  static final ObjectMapper JSON = new ObjectMapper();

  private final Cairn cairn;
  private final CairnServer server;
  private final URI base;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private TestServer(Cairn cairn, CairnServer server, int port) {
    this.cairn = cairn;
    this.server = server;
    this.base = URI.create("http://localhost:" + port);
  }

  static TestServer start() {
    return start((io.cairn.labor.model.SkillValueModel) null);
  }

  /** A server whose recommender scores with {@code model} (null for the transparent scorer). */
  static TestServer start(io.cairn.labor.model.SkillValueModel model) {
    return start(GraphStore.inMemory(), model, ServerLimits.defaults(), AdminToken.none(), null);
  }

  /** A server over the sample that takes imports from clients sending {@code adminToken}. */
  static TestServer startWithAdminToken(String adminToken) {
    return start(GraphStore.inMemory(), null, ServerLimits.defaults(), AdminToken.of(adminToken), null);
  }

  /** A server over {@code catalog} (closed with the server). */
  static TestServer over(LiveCatalog catalog) {
    // the real job offers, as every server of the tests has them (a round trip compares answers that carry them)
    Cairn cairn = Cairn.over(catalog).withJobOffers(jobOffers());
    CairnServer server = CairnServer.create(cairn);
    return new TestServer(cairn, server, server.start("127.0.0.1", 0));
  }

  /** A server over {@code catalog} (closed with it), taking imports from clients that send {@code adminToken}. */
  static TestServer over(LiveCatalog catalog, String adminToken) {
    Cairn cairn = Cairn.over(catalog).withJobOffers(jobOffers());
    CairnServer server = CairnServer.create(cairn, ServerLimits.defaults(), io.cairn.Standards.fromSettings(),
        AdminToken.of(adminToken));
    return new TestServer(cairn, server, server.start("127.0.0.1", 0));
  }

  /** A server with the skill-value {@code model} and the job-title model {@code titles} (either may be null). */
  static TestServer start(io.cairn.labor.model.SkillValueModel model, io.cairn.labor.titles.TitleModel titles) {
    return start(GraphStore.inMemory(), model, ServerLimits.defaults(), AdminToken.none(), titles);
  }

  /** A server over the sample in memory with {@code limits} instead of the defaults. */
  static TestServer start(ServerLimits limits) {
    return start(GraphStore.inMemory(), null, limits, AdminToken.none(), null);
  }

  /** A server over {@code store}, which gets the sample loaded. */
  static TestServer start(GraphStore store, io.cairn.labor.model.SkillValueModel model, ServerLimits limits) {
    return start(store, model, limits, AdminToken.none(), null);
  }

  /** A server over the sample tied into the institution's {@code systems}, taking writes with {@code adminToken}. */
  static TestServer startWith(InstitutionSystems systems, String adminToken) {
    return start(GraphStore.inMemory(), null, ServerLimits.defaults(), AdminToken.of(adminToken), null, systems);
  }

  private static TestServer start(GraphStore store, io.cairn.labor.model.SkillValueModel model, ServerLimits limits,
      AdminToken adminToken, io.cairn.labor.titles.TitleModel titles) {
    return start(store, model, limits, adminToken, titles, InstitutionSystems.none());
  }

  private static TestServer start(GraphStore store, io.cairn.labor.model.SkillValueModel model, ServerLimits limits,
      AdminToken adminToken, io.cairn.labor.titles.TitleModel titles, InstitutionSystems systems) {
    LiveCatalog catalog = new LiveCatalog(store);
    catalog.load(SampleData.sources());
    // presented credentials are verified as in production: offline contexts from the shared folder, real clock
    Cairn cairn = (model == null ? Cairn.over(catalog) : Cairn.over(catalog, model)).verifying(
        new io.cairn.interop.vc.CredentialVerifier(io.cairn.interop.vc.OfflineContexts.fromShared(
            io.cairn.interop.vc.Ob3Fixtures.shared()), io.cairn.interop.vc.TrustedIssuers.none(),
            java.time.Clock.systemUTC()))
        // a generous solver limit: the answers the tests check must not depend on how busy the machine is
        .withPlanTimeLimit(java.time.Duration.ofSeconds(20))
        // the real job offers, as 'cairn serve' finds them in the shared folder
        .withJobOffers(jobOffers());
    if (titles != null) {
      cairn = cairn.readingTitles(titles);
    }
    CairnServer server = CairnServer.create(cairn, limits, io.cairn.Standards.fromSettings(), adminToken, systems);
    int port = server.start("127.0.0.1", 0);
    return new TestServer(cairn, server, port);
  }

  /** The shared folder's job offers per ESCO occupation (the {@code cairn.shared} property). */
  static io.cairn.labor.demand.JobOfferTable jobOffers() {
    return io.cairn.labor.demand.JobOfferTable.read(io.cairn.interop.vc.Ob3Fixtures.shared()
        .resolve("datasets/labor-market/job_offers_by_esco_occupation.csv"));
  }

  @Override
  public void close() {
    server.close();
    cairn.close();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  Cairn cairn() {
    return cairn;
  }

  URI base() {
    return base;
  }

  int port() {
    return base.getPort();
  }

  HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
  }

  HttpResponse<String> getAccepting(String pathAndQuery, String accept) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Accept", accept).GET());
  }

  HttpResponse<String> postJson(String path, String body) {
    return post(path, "application/json", body);
  }

  HttpResponse<String> post(String path, String contentType, String body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  /** POSTs {@code body} with the given headers (name, value, name, value, ...). */
  HttpResponse<String> post(String path, byte[] body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  HttpResponse<String> postWithoutContentType(String path, String body) {
    return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  HttpResponse<String> send(String method, String path, String contentType, String body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  HttpResponse<String> method(String method, String path) {
    return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  private URI uri(String pathAndQuery) {
    return base.resolve(pathAndQuery);
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---------- JSON and assertions ----------

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + e.getOriginalMessage() + "\n" + text, e);
    }
  }

  /** Asserts status 200 and an {@code application/json} body, and returns the body parsed. */
  static JsonNode okJson(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), () -> response.request().method() + " " + response.uri()
        + " answered " + response.statusCode() + ": " + response.body());
    assertEquals("application/json", mediaType(response), () -> "Content-Type of " + response.uri());
    return json(response.body());
  }

  /** The media type of the response, without parameters such as charset. */
  static String mediaType(HttpResponse<?> response) {
    String type = response.headers().firstValue("Content-Type").orElse("");
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
  }

  static List<String> texts(JsonNode array, String field) {
    assertTrue(array.isArray(), () -> "not an array: " + array);
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }

  // ---------- sample files ----------

  static Path sampleDir(String name) {
    String root = System.getProperty("cairn.root");
    if (root == null) {
      fail("system property cairn.root is not set (surefire sets it to the project root)");
    }
    return Path.of(root, "datasets", "sample", name);
  }

  /** The JSON files of {@code datasets/sample/<name>}, sorted by file name. */
  static List<Path> sampleFiles(String name) {
    try (Stream<Path> files = Files.list(sampleDir(name))) {
      List<Path> list = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
      assertTrue(!list.isEmpty(), "no sample files in " + sampleDir(name));
      return list;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
