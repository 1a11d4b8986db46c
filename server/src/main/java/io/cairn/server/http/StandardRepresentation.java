package io.cairn.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.interop.StandardFormat;
import io.cairn.server.api.ApiException;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Content negotiation for a standard's JSON-LD on the detail endpoints: {@code ?format=ctdl|elm|ob3}, or
 * {@code Accept: application/ld+json; profile="..."} (without a profile, CTDL, the standard Cairn's model is
 * closest to). A profile Cairn does not write is 406.
 */
final class StandardRepresentation {
  private static final Pattern LD_JSON = Pattern.compile("application/ld\\+json\\s*(;[^,]*)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern PROFILE = Pattern.compile("profile\\s*=\\s*\"?([^\";,]+)\"?", Pattern.CASE_INSENSITIVE);

  private StandardRepresentation() {}

  /** The standard the client asks for, if it asks for one. */
  static Optional<StandardFormat> wanted(Context ctx) {
    Optional<String> format = QueryParams.text(ctx, "format");
    if (format.isPresent()) {
      StandardFormat f = StandardFormat.byId(format.get()).orElseThrow(() -> ApiException.badRequest(
          "unknown format '" + format.get() + "'; use ctdl, elm or ob3 (or leave it out for Cairn's JSON)"));
      if (f == StandardFormat.CASE) {
        throw ApiException.badRequest("CASE carries competency frameworks, not credentials or pathways; use ctdl, elm "
            + "or ob3 here, and 'cairn export --format case' for the frameworks");
      }
      return Optional.of(f);
    }
    String accept = ctx.header("Accept");
    if (accept == null) {
      return Optional.empty();
    }
    Matcher ld = LD_JSON.matcher(accept);
    if (!ld.find()) {
      return Optional.empty();
    }
    Matcher profile = PROFILE.matcher(ld.group(1) == null ? "" : ld.group(1));
    if (!profile.find()) {
      return Optional.of(StandardFormat.CTDL);
    }
    String iri = profile.group(1).strip();
    return Optional.of(StandardFormat.byProfile(iri).filter(f -> f != StandardFormat.CASE).orElseThrow(() ->
        new ApiException(406, "Not acceptable", "no JSON-LD with profile '" + iri + "' here; profiles: "
            + "CTDL " + StandardFormat.CTDL.profile() + ", ELM " + StandardFormat.ELM.profile() + ", Open Badges "
            + StandardFormat.OB3.profile())));
  }

  static void send(Context ctx, StandardFormat format, JsonNode document) {
    ctx.contentType(format.mediaType().replace("; profile", "; charset=utf-8; profile")).result(document.toString());
  }

  /** For a resource a standard has no model of. */
  static ApiException notAcceptable(StandardFormat format, String what) {
    return new ApiException(406, "Not acceptable", format.title() + " has no " + what.toLowerCase(Locale.ROOT)
        + "s; ask for CTDL (?format=ctdl)");
  }
}
