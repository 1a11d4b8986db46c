package io.cairn.server.http;

import static io.javalin.apibuilder.ApiBuilder.after;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.Cairn;
import io.cairn.server.api.JsonMapping;
import io.cairn.Standards;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;

/**
 * Cairn's HTTP API: a thin Javalin shell over the engine. The routes below are the whole API; openapi.json
 * describes each one.
 */
public final class CairnServer implements AutoCloseable {
  static final long MAX_BODY_BYTES = 256 * 1024;
  private final Javalin app;

  private CairnServer(Javalin app) {
    this.app = app;
  }

  /** Builds the server over {@code cairn} with the default limits and imports off; call {@link #start(int)} to listen. */
  public static CairnServer create(Cairn cairn) {
    return create(cairn, ServerLimits.defaults());
  }

  /** Builds the server over {@code cairn} with {@code limits} and imports off; call {@link #start(String, int)}. */
  public static CairnServer create(Cairn cairn, ServerLimits limits) {
    return create(cairn, limits, Standards.fromSettings(), AdminToken.none());
  }

  /**
   * Builds the server over {@code cairn} with {@code limits}: the standards' files for imports and exports, and the
   * operator's token that {@code POST /api/imports} needs ({@link AdminToken#none()} turns imports off).
   */
  public static CairnServer create(Cairn cairn, ServerLimits limits, Standards standards, AdminToken adminToken) {
    return create(cairn, limits, standards, adminToken, InstitutionSystems.none());
  }

  /**
   * Builds the server as {@link #create(Cairn, ServerLimits, Standards, AdminToken)} does, tied into the
   * institution's {@code systems}: the LMS platforms that may launch it.
   */
  public static CairnServer create(Cairn cairn, ServerLimits limits, Standards standards, AdminToken adminToken,
      InstitutionSystems systems) {
    ObjectMapper json = JsonMapping.create();
    CompetencyController competencies = new CompetencyController(cairn);
    CredentialController credentials = new CredentialController(cairn, standards);
    OccupationController occupations = new OccupationController(cairn);
    PathwayController pathways = new PathwayController(cairn, standards);
    WhatIsLeftPlanning planning = WhatIsLeftPlanning.forLimits(limits);
    AdviceController advice = new AdviceController(cairn, json, planning);
    PlanController plans = new PlanController(cairn, json);
    SystemController system = new SystemController(cairn);
    CoverageController coverage = new CoverageController(cairn);
    AnalyticsController analytics = new AnalyticsController(cairn);
    ModelController model = new ModelController(cairn, json);
    ImportController imports = new ImportController(cairn, standards, adminToken);
    PostingController postings = new PostingController(cairn, json);
    WebPage web = new WebPage();
    SisController sis = new SisController(cairn, systems.sis(), adminToken);
    LtiController lti = new LtiController(systems, adminToken, json, sis);
    DeepLinkController deepLinks = new DeepLinkController(cairn, systems);
    BadgeController badges = new BadgeController(cairn, systems, adminToken, json);
    ProblemMapping problems = new ProblemMapping(json);
    Javalin app = Javalin.create(config -> {
      config.jsonMapper(new Utf8JsonMapper(json));
      config.http.maxRequestSize = MAX_BODY_BYTES;
      config.http.prefer405over404 = true;
      config.startup.showJavalinBanner = false;
      JettyLimits.apply(config, limits, json);
      config.events.serverStopped(planning::close);
      config.staticFiles.enableWebjars();
      config.staticFiles.add(files -> {
        files.hostedPath = WebPage.ASSET_PATH;
        files.directory = WebPage.ASSET_DIRECTORY;
        files.location = Location.CLASSPATH;
        files.headers = java.util.Map.of("Cache-Control", "no-cache");
      });
      problems.register(config.routes);
      config.routes.apiBuilder(() -> {
        // every JSON answer, errors included, says it is UTF-8 (it is, whatever Jetty assumes of the media type)
        after(CairnServer::sayUtf8);
        // the page and the launch may be framed by the registered LMS platforms, and by them only
        after(ctx -> SecurityHeaders.allowFraming(ctx, systems.lti().platforms().frameOrigins()));
        get("/", web::page);
        get("/health", system::health);
        get("/openapi.json", system::openApi);
        get("/docs", system::docs);
        path("/lti", () -> {
          get("/login", lti::login);
          post("/login", lti::login);
          post("/launch", lti::launch);
          get("/session", lti::session);
          get("/members", lti::members);
          get("/members/{userId}", lti::member);
          get("/config", lti::config);
          get("/jwks", deepLinks::jwks);
          get("/deep-link", deepLinks::choose);
          post("/deep-link", deepLinks::place);
        });
        path("/api", () -> {
          get("/about", system::about);
          path("/competencies", () -> {
            get(competencies::search);
            get("/{id}", competencies::get);
            get("/{id}/broader", competencies::broader);
            get("/{id}/narrower", competencies::narrower);
          });
          path("/credentials", () -> {
            get(credentials::list);
            get("/{id}", credentials::get);
          });
          path("/occupations", () -> {
            get(occupations::list);
            get("/{id}", occupations::get);
          });
          path("/pathways", () -> {
            get(pathways::list);
            get("/{id}", pathways::get);
          });
          post("/imports", imports::post);
          get("/lti/platforms", lti::platforms);
          post("/lti/platforms", lti::register);
          get("/sis/holdings", sis::holdings);
          post("/badges", badges::issue);
          post("/recommendations", advice::recommend);
          post("/audits", advice::audit);
          post("/plans", plans::plan);
          get("/coverage", coverage::coverage);
          path("/analytics", () -> {
            get("/overlap", analytics::overlap);
            get("/inflation", analytics::inflation);
            get("/gaps", analytics::gaps);
          });
          get("/model", model::card);
          post("/skills/next", model::nextSkills);
          post("/postings/skills", postings::skills);
          post("/postings/match", postings::match);
        });
      });
    });
    return new CairnServer(app);
  }

  /** Starts listening on this machine only (127.0.0.1) at {@code port} (0 picks a free one); returns the port. */
  public int start(int port) {
    return start("127.0.0.1", port);
  }

  /** Starts listening on {@code host} (0.0.0.0 for every interface) and returns the port in use. */
  public int start(String host, int port) {
    app.start(host, port);
    return app.port();
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  private static void sayUtf8(io.javalin.http.Context ctx) {
    String type = ctx.res().getContentType();
    if (type != null && !type.toLowerCase(java.util.Locale.ROOT).contains("charset")
        && (type.startsWith("application/json") || type.startsWith(Problem.MEDIA_TYPE))) {
      ctx.res().setContentType(type + "; charset=utf-8");
    }
  }
}
