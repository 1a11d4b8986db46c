package io.cairn.interop.vc;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonObject;
import com.apicatalog.rdf.canon.RdfCanonTimeTicker;
import java.io.StringWriter;
import java.time.Duration;

/**
 * JSON-LD to RDF (Titanium JSON-LD, contexts offline, undefined terms refused as in "safe mode") and RDF Dataset
 * Canonicalization RDFC-1.0 with SHA-256 (Titanium RDFC), written as canonical N-Quads: the bytes a Data Integrity
 * proof hashes.
 */
final class Canonicalizer {
  /**
   * Bounds each step: a credential is a few KB, and a crafted one (deep contexts, blank nodes that defeat
   * canonicalization) must not tie up a request thread.
   */
  static final Duration TIME_LIMIT = Duration.ofSeconds(5);

  private final OfflineContexts contexts;

  Canonicalizer(OfflineContexts contexts) {
    this.contexts = contexts;
  }

  /**
   * The canonical N-Quads of {@code document}.
   *
   * @throws JsonLdError when a context is not available offline, a term is undefined, or the JSON-LD is invalid
   * @throws IllegalStateException when canonicalization takes longer than {@link #TIME_LIMIT}
   */
  String canonicalNQuads(JsonObject document) throws JsonLdError {
    JsonLdOptions options = new JsonLdOptions(contexts);
    // a term the contexts do not define would be dropped silently, and so left unsigned: refuse it instead
    options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
    options.setTimeout(TIME_LIMIT);
    RdfCanon canon = RdfCanon.create("SHA-256", new RdfCanonTimeTicker(TIME_LIMIT.toMillis()));
    JsonLd.toRdf(JsonDocument.of(document)).options(options).provide(canon);
    StringWriter out = new StringWriter();
    try {
      canon.provide(new NQuadsWriter(out));
    } catch (RdfConsumerException e) {
      throw new IllegalStateException("writing canonical N-Quads failed", e);
    }
    return out.toString();
  }
}
