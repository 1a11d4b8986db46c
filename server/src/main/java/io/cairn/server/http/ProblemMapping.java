package io.cairn.server.http;

import io.cairn.server.api.ApiException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.graph.LoadRejectedException;
import io.cairn.graph.RdfSyntaxException;
import io.cairn.learner.UnknownReferenceException;
import io.cairn.learner.UnverifiedCredentialsException;
import io.cairn.rank.ModelRequiredException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every failure to an RFC 9457 problem, in one place; clients never see a stack trace. */
final class ProblemMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemMapping.class);
  private final ObjectMapper json;

  ProblemMapping(ObjectMapper json) {
    this.json = json;
  }

  void register(RoutesConfig routes) {
    routes.exception(ApiException.class, (e, ctx) -> write(ctx, Problem.of(e.status(), e.title(), e.getMessage(),
        ctx.path())));
    routes.exception(io.cairn.server.lti.LaunchException.class, (e, ctx) -> write(ctx,
        Problem.of(e.status(), e.title(), e.getMessage(), ctx.path())));
    // the SIS is another server: when it fails, this one is a gateway that got a bad answer
    routes.exception(io.cairn.server.sis.SisException.class, (e, ctx) -> write(ctx,
        Problem.of(502, "Student information system unavailable", e.getMessage(), ctx.path())));
    routes.exception(UnknownReferenceException.class, (e, ctx) -> write(ctx,
        Problem.of(422, "Unknown reference", e.getMessage(), ctx.path())));
    routes.exception(LoadRejectedException.class, (e, ctx) -> write(ctx, new Problem("about:blank",
        "Data refused by the shapes", 422, e.getMessage(), ctx.path(), List.copyOf(e.violations()))));
    // the store holds another source's graph under that name: a conflict with the store's state
    routes.exception(io.cairn.graph.SourceConflictException.class, (e, ctx) -> write(ctx,
        Problem.of(409, "Source conflict", e.getMessage(), ctx.path())));
    routes.exception(io.cairn.graph.StoreUnavailableException.class, (e, ctx) -> {
      ctx.header("Retry-After", "5");
      write(ctx, Problem.of(503, "Shared store unavailable", e.getMessage() + ". Nothing was written; this replica"
          + " still answers reads from its last snapshot. Retry the write when the store is back (GET /health says"
          + " when it is)", ctx.path()));
    });
    routes.exception(WhatIsLeftPlanning.Busy.class, (e, ctx) -> {
      ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
      write(ctx, Problem.of(503, "Planner busy", e.getMessage(), ctx.path()));
    });
    routes.exception(io.cairn.graph.StoreConflictException.class, (e, ctx) -> write(ctx,
        Problem.of(409, "Concurrent write", e.getMessage() + ". Retry the request", ctx.path())));
    routes.exception(io.cairn.interop.StandardFormatException.class, (e, ctx) -> write(ctx,
        Problem.of(400, "Unreadable document", e.getMessage() + "; nothing was imported", ctx.path())));
    routes.exception(RdfSyntaxException.class, (e, ctx) -> write(ctx,
        Problem.of(400, "Malformed RDF", e.getMessage(), ctx.path())));
    // the same request succeeds on a server started with a model: a conflict with the server's state, not a bad body
    routes.exception(ModelRequiredException.class, (e, ctx) -> write(ctx,
        Problem.of(409, "No skill-value model", e.getMessage(), ctx.path())));
    // the server was started without the contexts it verifies with: a state of the server, not of the request
    routes.exception(UnverifiedCredentialsException.class, (e, ctx) -> write(ctx,
        Problem.of(409, "Presented credentials cannot be verified", e.getMessage(), ctx.path())));
    // a charset Java does not know, named in the Content-Type; the body cannot even be decoded
    routes.exception(UnsupportedCharsetException.class, (e, ctx) -> write(ctx, Problem.of(415,
        "Unsupported media type", "send the JSON body in UTF-8 (Content-Type: application/json; charset=utf-8, or "
            + "no charset); the charset '" + e.getCharsetName() + "' is unknown", ctx.path())));
    routes.exception(IllegalCharsetNameException.class, (e, ctx) -> write(ctx, Problem.of(415,
        "Unsupported media type", "send the JSON body in UTF-8 (Content-Type: application/json; charset=utf-8, or "
            + "no charset); '" + e.getCharsetName() + "' is not a charset name", ctx.path())));
    routes.exception(IllegalArgumentException.class, (e, ctx) -> write(ctx,
        Problem.of(400, "Bad request", e.getMessage(), ctx.path())));
    routes.exception(HttpResponseException.class, (e, ctx) -> {
      String allowed = e.getDetails().get("availableMethods");
      if (e.getStatus() == 405 && allowed != null) {
        // RFC 9110 15.5.6: a 405 names the methods the resource does take
        ctx.header("Allow", allowed.replaceAll("[\\[\\]]", ""));
      }
      write(ctx, Problem.of(e.getStatus(), Problem.title(e.getStatus()), detail(e, ctx), ctx.path()));
    });
    routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
      write(ctx, Problem.of(500, "Internal server error",
          "the server failed to answer this request; it has been logged. Try again, and report it if it persists.",
          ctx.path()));
    });
    routes.error(404, "*", ctx -> {
      if (!isProblem(ctx)) {
        write(ctx, Problem.of(404, "Not found", "no endpoint at " + ctx.method() + " " + ctx.path()
            + "; the API is described at /openapi.json and browsable at /docs", ctx.path()));
      }
    });
    routes.error(405, "*", ctx -> {
      if (!isProblem(ctx)) {
        write(ctx, Problem.of(405, "Method not allowed", ctx.method() + " is not allowed on " + ctx.path()
            + "; see /openapi.json for the methods each path takes", ctx.path()));
      }
    });
  }

  private static boolean isProblem(Context ctx) {
    String type = ctx.res().getContentType();
    return type != null && type.startsWith(Problem.MEDIA_TYPE);
  }

  private static String detail(HttpResponseException e, Context ctx) {
    return switch (e.getStatus()) {
      case 404 -> "no endpoint at " + ctx.method() + " " + ctx.path()
          + "; the API is described at /openapi.json and browsable at /docs";
      case 405 -> ctx.method() + " is not allowed on " + ctx.path() + "; see /openapi.json for the methods it takes";
      case 413 -> "the request body is too large; bodies are limited to " + CairnServer.MAX_BODY_BYTES / 1024
          + " KiB (documents to import to " + ImportController.MAX_IMPORT_BYTES / (1024 * 1024) + " MiB)";
      default -> e.getMessage();
    };
  }

  private void write(Context ctx, Problem problem) {
    try {
      ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE).result(json.writeValueAsString(problem));
    } catch (JsonProcessingException e) {
      ctx.status(500).contentType(Problem.CONTENT_TYPE).result("{\"title\":\"Internal server error\",\"status\":500}");
    }
  }
}
