package io.cairn.server.cli;

import io.cairn.Cairn;
import io.cairn.Standards;
import io.cairn.server.http.AdminToken;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.server.http.CairnServer;
import io.cairn.server.http.ServerLimits;
import io.cairn.labor.demand.JobOfferTable;
import io.cairn.labor.model.SkillValueModel;
import io.cairn.server.http.InstitutionSystems;
import io.cairn.server.lti.LtiTool;
import io.cairn.server.lti.Platforms;
import io.cairn.server.lti.ToolKey;
import io.cairn.interop.ob3.BadgeIssuer;
import io.cairn.server.sis.Sis;
import io.cairn.server.sis.SisSettings;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cairn serve}: the HTTP API over the store. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the HTTP API.")
final class ServeCommand implements Runnable {
  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on: this machine only by default; 0.0.0.0 for every interface "
          + "(default: ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--model", paramLabel = "FILE",
      description = "Skill-value model from 'cairn train' to score recommendations and answer next-skill and "
          + "goal-free questions (default: $CAIRN_MODEL; without one the transparent scorer is used)")
  Path model;

  // N, not MS: a 20-character option would widen picocli's option column and re-wrap every description
  @Option(names = "--plan-time-limit", paramLabel = "N", defaultValue = "150",
      description = "The planner's solver time per request, in milliseconds (default: ${DEFAULT-VALUE})")
  long planTimeLimit;

  @Option(names = "--admin-token-file", paramLabel = "FILE",
      description = "File holding the bearer token that POST /api/imports needs (default: $CAIRN_ADMIN_TOKEN; "
          + "without either, imports are off and answer 403; reads never need it)")
  Path adminTokenFile;

  @Option(names = "--titles", paramLabel = "FILE",
      description = "Job-title model from 'cairn evaluate titles' for occupation search and type-ahead (default:"
          + " $CAIRN_TITLES; without one, titles are cleaned of noise and searched by label)")
  Path titles;

  @Option(names = "--lti-config", paramLabel = "FILE",
      description = "LTI 1.3 platforms (LMSs) that may launch Cairn: issuer, client id, auth endpoint, JWKS, "
          + "deployments (default: $CAIRN_LTI_PLATFORMS; more are added with POST /api/lti/platforms)")
  Path ltiPlatforms;

  @Option(names = "--lti-key", paramLabel = "FILE",
      description = "Cairn's RSA private key as an LTI tool, a JWK or PEM PKCS#8 (default: $CAIRN_LTI_KEY; "
          + "without it, a key is generated at each start and platforms read it from /lti/jwks)")
  Path ltiKey;

  private boolean ltiKeyLoaded;

  @Option(names = "--public-url", paramLabel = "URL",
      description = "The address browsers reach Cairn at (https://cairn.example.edu), for the LTI launch URL "
          + "(default: $CAIRN_PUBLIC_URL; without it, the address each request was sent to)")
  String publicUrl;

  @Option(names = "--sis", paramLabel = "FILE",
      description = "Student information system to read learners' passed courses from: OneRoster 1.2 REST or a "
          + "CSV bundle, and the course-to-credential mapping (default: $CAIRN_SIS)")
  Path sis;

  @Option(names = "--badge-key", paramLabel = "FILE",
      description = "The institution's EC P-256 private JWK that signs the Open Badges 3.0 credentials POST "
          + "/api/badges issues (default: $CAIRN_BADGE_KEY; without it, no badges are issued)")
  Path badgeKey;

  @Option(names = "--badge-issuer", paramLabel = "URL",
      description = "The badges' issuer id, an https URL verifiers know the key of (default: $CAIRN_BADGE_ISSUER;"
          + " without it, the key's did:jwk, which every verifier resolves offline)")
  String badgeIssuer;

  @Option(names = "--store-check", paramLabel = "N", defaultValue = "2000",
      description = "With --store: how often to read the shared store's version, in milliseconds (default: "
          + "${DEFAULT-VALUE})")
  long storeCheck;

  @Option(names = "--job-offers", paramLabel = "FILE",
      description = "Job offers per ESCO occupation, for the demand figures and the analytics (default: "
          + "$CAIRN_SHARED or ../shared, then datasets/labor-market/job_offers_by_esco_occupation.csv, when it"
          + " exists)")
  Path jobOffers;

  @Mixin
  DataOptions data;

  @Mixin
  CredentialOptions credentials;

  @Mixin
  ServerLimitOptions limits;

  @Override
  public void run() {
    if (port < 0 || port > 65535) {
      throw new CliException("--port must be from 0 to 65535, got " + port);
    }
    ServerLimits serverLimits = limits.limits();
    AdminToken token = adminToken();
    SkillValueModel loaded = loadModel();
    io.cairn.labor.titles.TitleModel titleModel = loadTitles();
    JobOfferTable offers = loadJobOffers();
    Cairn verifying = credentials.apply(data.openCairn(loaded)).withPlanTimeLimit(PlanCommand.limit(planTimeLimit));
    Cairn titled = titleModel == null ? verifying : verifying.readingTitles(titleModel);
    Cairn cairn = offers == null ? titled : titled.withJobOffers(offers);
    if (data.shared()) {
      if (storeCheck < 100) {
        cairn.close();
        throw new CliException("--store-check must be at least 100 (milliseconds), got " + storeCheck);
      }
      cairn.catalog().watch(java.time.Duration.ofMillis(storeCheck));
    }
    InstitutionSystems systems = institutionSystems();
    CairnServer server = CairnServer.create(cairn, serverLimits, Standards.fromSettings(), token, systems);
    int actual;
    try {
      actual = server.start(host, port);
    } catch (RuntimeException e) {
      cairn.close();
      throw new CliException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
          + "); pass another with --port N (0 for any free port) or --host ADDRESS");
    }
    CatalogSnapshot s = cairn.snapshot();
    System.out.printf("Cairn is serving %d competencies, %d occupations, %d credentials, %d pathways from %s%n",
        s.competencies().size(), s.occupations().size(), s.credentials().size(), s.pathways().size(),
        cairn.catalog().store().description());
    System.out.printf("Listening on http://%s:%d  (open it in a browser; API docs: http://%s:%d/docs)%n",
        shown(host), actual, shown(host), actual);
    System.out.printf("Limits: %d connections, %d requests at once and %d queued (%d s), idle timeout %d s, "
        + "body timeout %d s%n", serverLimits.maxConnections(), serverLimits.maxInFlight(), serverLimits.maxQueued(),
        serverLimits.queueTimeout().toSeconds(), serverLimits.idleTimeout().toSeconds(),
        serverLimits.bodyTimeout().toSeconds());
    // the label index is built on the first search; build it now so the page's first type-ahead is quick
    Thread.ofVirtual().name("label-search-warm-up").start(() -> cairn.labelSearch(cairn.snapshot()));
    // and the planner's native solver is loaded now, not by the first plan
    Thread.ofVirtual().name("solver-warm-up").start(io.cairn.plan.Planner::solverAvailable);
    System.out.println(loaded == null
        ? "No skill-value model (--model FILE or CAIRN_MODEL): recommendations use the transparent scorer."
        : "Recommendations use the skill-value model " + model.toAbsolutePath() + " ("
            + loaded.card().learner().describe() + ").");
    System.out.println(titleModel == null
        ? "No job-title model (--titles FILE or CAIRN_TITLES): occupation search cleans titles and searches labels."
        : "Occupation search uses the job-title model " + titles.toAbsolutePath() + ".");
    System.out.println(offers == null
        ? "No job-offer file (--job-offers FILE): demand figures are unknown."
        : String.format(java.util.Locale.ROOT, "Demand figures from %s (%.1f%% of its labels matched an occupation).",
            jobOffersFile().toAbsolutePath(), 100 * cairn.demand(s).source().orElseThrow().matchRate()));
    System.out.println(cairn.credentialVerifier().map(v -> "Presented credentials are verified offline ("
        + (v.trusted().size() == 0 ? "no trusted-issuers list: did:key and did:jwk issuers" : v.trusted().size()
        + " trusted issuers from " + v.trusted().source()) + ").").orElse("Presented credentials are refused (409):"
        + " no JSON-LD contexts to verify them with."));
    System.out.println(token.configured()
        ? "Imports (POST /api/imports) are on, for clients that send the admin token."
        : "Imports (POST /api/imports) are off: set CAIRN_ADMIN_TOKEN or --admin-token-file to turn them on.");
    System.out.println(systems.lti().platforms().all().isEmpty()
        ? "LTI launches are refused until a platform is registered (--lti-config FILE or POST /api/lti/platforms)."
        : "LTI 1.3: " + systems.lti().platforms().all().size() + " platform(s) registered; tool configuration at "
            + systems.publicUrl().map(u -> u.toString().replaceAll("/+$", "")).orElse("http://" + shown(host) + ":"
            + actual) + "/lti/config");
    System.out.println("LTI tool key " + systems.lti().toolKey().keyId() + (ltiKeyLoaded ? " (from --lti-key)"
        : " (generated at this start: give --lti-key FILE to keep it across restarts)") + ", published at /lti/jwks.");
    System.out.println(systems.sis().map(r -> "Holdings from the SIS: " + r.source().describe() + ", "
        + r.mapping().courses().size() + " courses mapped to credentials.").orElse("No SIS (--sis FILE or "
        + "CAIRN_SIS): holdings are what learners declare or present."));
    System.out.println(systems.badges().map(b -> "Badges (POST /api/badges) are signed ES256 by the issuer "
        + b.issuerId() + " with the key " + b.publicKey().getKeyID() + "; its public key: "
        + b.publicKey().toJSONString()).orElse("No badges are issued (--badge-key FILE or CAIRN_BADGE_KEY)."));
    System.out.println("This service uses the ESCO classification of the European Commission.");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      cairn.close();
      stopped.countDown();
    }));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private InstitutionSystems institutionSystems() {
    Path platformsFile = ltiPlatforms != null ? ltiPlatforms : env("CAIRN_LTI_PLATFORMS").map(Path::of).orElse(null);
    Platforms platforms;
    try {
      platforms = platformsFile == null ? Platforms.none() : Platforms.load(platformsFile);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
    String url = publicUrl != null ? publicUrl : env("CAIRN_PUBLIC_URL").orElse(null);
    Optional<URI> address = Optional.empty();
    if (url != null) {
      URI parsed = URI.create(url.trim());
      if (!parsed.isAbsolute() || parsed.getHost() == null) {
        throw new CliException("--public-url must be an absolute URL such as https://cairn.example.edu, got " + url);
      }
      address = Optional.of(parsed);
    }
    Path sisFile = sis != null ? sis : env("CAIRN_SIS").map(Path::of).orElse(null);
    Optional<Sis> reader;
    try {
      reader = sisFile == null ? Optional.empty() : Optional.of(SisSettings.load(sisFile));
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
    Path keyFile = badgeKey != null ? badgeKey : env("CAIRN_BADGE_KEY").map(Path::of).orElse(null);
    Optional<BadgeIssuer> badges;
    try {
      badges = keyFile == null ? Optional.empty() : Optional.of(BadgeIssuer.load(keyFile,
          badgeIssuer != null ? badgeIssuer : env("CAIRN_BADGE_ISSUER").orElse(""),
          env("CAIRN_BADGE_ISSUER_NAME").orElse("")));
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
    Path toolKeyFile = ltiKey != null ? ltiKey : env("CAIRN_LTI_KEY").map(Path::of).orElse(null);
    ToolKey toolKey;
    try {
      toolKey = toolKeyFile == null ? ToolKey.generated() : ToolKey.load(toolKeyFile);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
    ltiKeyLoaded = toolKeyFile != null;
    return new InstitutionSystems(new LtiTool(platforms, Clock.systemUTC(), toolKey), address, reader, badges);
  }

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
  }

  private AdminToken adminToken() {
    String secret;
    if (adminTokenFile != null) {
      try {
        secret = Files.readString(adminTokenFile);
      } catch (java.io.IOException e) {
        throw new CliException("cannot read the admin token file " + adminTokenFile.toAbsolutePath() + ": "
            + e.getMessage());
      }
    } else {
      secret = System.getenv("CAIRN_ADMIN_TOKEN");
    }
    if (secret == null || secret.isBlank()) {
      return AdminToken.none();
    }
    try {
      return AdminToken.of(secret);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage() + " (" + (adminTokenFile != null ? adminTokenFile : "CAIRN_ADMIN_TOKEN")
          + ")");
    }
  }

  /** The address to show in a link: a wildcard address is reachable on this machine as localhost. */
  private static String shown(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("127.0.0.1") ? "localhost" : host;
  }

  private SkillValueModel loadModel() {
    if (model == null) {
      String env = System.getenv("CAIRN_MODEL");
      model = env == null || env.isBlank() ? null : Path.of(env);
    }
    if (model == null) {
      return null;
    }
    if (!Files.isRegularFile(model)) {
      throw new CliException("no model at " + model.toAbsolutePath() + "; train one with 'cairn train --out FILE'"
          + " or start without --model (and without CAIRN_MODEL) to use the transparent scorer");
    }
    try {
      return SkillValueModel.load(model);
    } catch (RuntimeException e) {
      throw new CliException("cannot read the model " + model.toAbsolutePath() + ": " + e.getMessage());
    }
  }

  private Path jobOffersFile() {
    return LaborInputs.jobOffersFile(jobOffers);
  }

  private JobOfferTable loadJobOffers() {
    return LaborInputs.readJobOffers(jobOffers);
  }

  private io.cairn.labor.titles.TitleModel loadTitles() {
    if (titles == null) {
      String env = System.getenv("CAIRN_TITLES");
      titles = env == null || env.isBlank() ? null : Path.of(env);
    }
    if (titles == null) {
      return null;
    }
    if (!Files.isRegularFile(titles)) {
      throw new CliException("no title model at " + titles.toAbsolutePath() + "; make one with 'cairn evaluate"
          + " titles --out FILE' or start without --titles (and without CAIRN_TITLES)");
    }
    try {
      return io.cairn.labor.titles.TitleModel.load(titles);
    } catch (RuntimeException e) {
      throw new CliException("cannot read the title model " + titles.toAbsolutePath() + ": " + e.getMessage());
    }
  }
}
