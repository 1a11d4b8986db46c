package io.cairn.server.http;

import io.cairn.Cairn;
import io.cairn.Standards;
import io.cairn.interop.ImportReport;
import io.cairn.interop.ImportSource;
import io.cairn.interop.StandardFormat;
import io.cairn.server.api.ApiException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /api/imports}: a standard's document into the store, behind the operator's bearer token. The body is
 * the document; the standard comes from {@code ?format=} or the media type's {@code profile}; {@code ?name=} names
 * the source (origin {@code upload:NAME}, graph {@code urn:cairn:source:upload:NAME}; without it, NAME is made from
 * the document's SHA-256), so sending a document under the same name again replaces what that name imported
 * before, and an upload never replaces a file's graph or the sample's. A document all of whose resources are
 * refused answers 200 with the refusals, and writes nothing. One transaction: the answer says what it did to each graph, as {@code cairn load} does, and lists the
 * resources added, replaced and refused (with the reason); nothing partial is stored.
 */
final class ImportController {
  /** Imports may be larger than other requests; this is their own bound. */
  static final int MAX_IMPORT_BYTES = 16 * 1024 * 1024;
  private static final Pattern PROFILE = Pattern.compile("profile\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,120}");
  private static final Set<String> MEDIA_TYPES = Set.of("application/ld+json", "application/json", "text/turtle",
      "application/jwt", "application/vc+jwt");
  private final Cairn cairn;
  private final Standards standards;
  private final AdminToken token;

  ImportController(Cairn cairn, Standards standards, AdminToken token) {
    this.cairn = cairn;
    this.standards = standards;
    this.token = token;
  }

  void post(Context ctx) {
    token.require(ctx);
    QueryParams.onlyKnown(ctx, Set.of("format", "name"));
    String mediaType = mediaType(ctx);
    StandardFormat format = format(ctx, mediaType);
    if (mediaType.equals("text/turtle") && (format == StandardFormat.OB3 || format == StandardFormat.CASE)) {
      throw new ApiException(415, "Unsupported media type", format.id() + " documents are JSON; send them as "
          + "application/json or application/ld+json");
    }
    byte[] body = body(ctx);
    // without ?name= the document is known by its content: sent again unchanged it replaces itself
    String name = QueryParams.text(ctx, "name").map(ImportController::checkName)
        .orElseGet(() -> "upload-" + ImportSource.of("body", body).sha256().substring(0, 16) + extension(mediaType));
    ImportReport report = standards.importDocuments(cairn.catalog(), format,
        List.of(ImportSource.upload(name, body)), Clock.systemUTC(), message -> { });
    if (report.sources().isEmpty() && report.refused().stream().allMatch(r -> r.kind().equals("Document"))) {
      throw new ApiException(422, "Nothing to import", report.refused().isEmpty() ? "the document holds nothing"
          : report.refused().getFirst().reason());
    }
    ctx.jsonStream(report);
  }

  private static String mediaType(Context ctx) {
    String contentType = ctx.contentType();
    String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!MEDIA_TYPES.contains(type)) {
      throw new ApiException(415, "Unsupported media type", "send the document with Content-Type "
          + "application/ld+json (CTDL, ELM, OB3), application/json (CASE, OB3), text/turtle (CTDL, ELM) or "
          + "application/jwt (an OB3 VC-JWT); got " + (contentType == null ? "none" : "'" + contentType + "'"));
    }
    return type;
  }

  /** The standard: {@code ?format=}, else the media type's profile; they must agree when both are given. */
  private static StandardFormat format(Context ctx, String mediaType) {
    Optional<StandardFormat> byParam = QueryParams.text(ctx, "format").map(f -> StandardFormat.byId(f).orElseThrow(
        () -> ApiException.badRequest("unknown format '" + f + "'; use one of " + StandardFormat.ids())));
    Matcher m = PROFILE.matcher(ctx.contentType() == null ? "" : ctx.contentType());
    Optional<StandardFormat> byProfile = m.find() ? Optional.of(byProfile(m.group(1).strip())) : Optional.empty();
    if (byParam.isPresent() && byProfile.isPresent() && byParam.get() != byProfile.get()) {
      throw ApiException.badRequest("?format=" + byParam.get().id() + " and the media type's profile ("
          + byProfile.get().id() + ") disagree; give one");
    }
    if (mediaType.equals("application/jwt") || mediaType.equals("application/vc+jwt")) {
      return byParam.or(() -> Optional.of(StandardFormat.OB3)).filter(f -> f == StandardFormat.OB3).orElseThrow(() ->
          ApiException.badRequest("a JWT body is an Open Badges 3.0 credential: use ?format=ob3"));
    }
    return byParam.or(() -> byProfile).orElseThrow(() -> ApiException.badRequest("say which standard the document "
        + "is: ?format=" + String.join("|", StandardFormat.ids().split(", ")) + ", or a media type profile ("
        + profiles() + ")"));
  }

  private static StandardFormat byProfile(String profile) {
    return StandardFormat.byProfile(profile).orElseThrow(() -> new ApiException(415, "Unsupported media type",
        "unknown profile '" + profile + "'; profiles: " + profiles()));
  }

  private static String profiles() {
    return String.join(", ", java.util.Arrays.stream(StandardFormat.values())
        .map(f -> f.id() + ": " + f.profile()).toList());
  }

  /** Reads the body up to {@link #MAX_IMPORT_BYTES}; more is 413. */
  private static byte[] body(Context ctx) {
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes(MAX_IMPORT_BYTES + 1);
      if (body.length > MAX_IMPORT_BYTES) {
        throw new ApiException(413, "Content too large", "imports are limited to " + MAX_IMPORT_BYTES / (1024 * 1024)
            + " MiB a document; split the catalog into several documents");
      }
      if (body.length == 0) {
        throw ApiException.badRequest("the request body is empty; send the document to import");
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw ApiException.badRequest("name must be 1 to 120 letters, digits, '.', '_' or '-' (it names the source, "
          + "and importing a source of the same name again replaces it); got '" + name + "'");
    }
    return name;
  }

  private static String extension(String mediaType) {
    return switch (mediaType) {
      case "text/turtle" -> ".ttl";
      case "application/jwt", "application/vc+jwt" -> ".jwt";
      case "application/ld+json" -> ".jsonld";
      default -> ".json";
    };
  }
}
