package io.cairn.interop;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves the JSON-LD contexts the standards' documents name from the standards folder on disk, and refuses
 * every other URL: Cairn never fetches a context from the network. Contexts are parsed once and shared.
 */
public final class OfflineDocumentLoader implements DocumentLoader {
  /** Context URLs (as documents name them) to files of the standards folder. */
  private static final Map<String, String> CONTEXTS = contexts();

  private final SharedStandards standards;
  private final Map<String, Document> cache = new ConcurrentHashMap<>();

  public OfflineDocumentLoader(SharedStandards standards) {
    this.standards = standards;
  }

  private static Map<String, String> contexts() {
    Map<String, String> m = new LinkedHashMap<>();
    // CTDL and CTDL-ASN: the registry serves the same context under http and https
    for (String scheme : new String[] {"https://", "http://"}) {
      m.put(scheme + "credreg.net/ctdl/schema/context/json", "ctdl/schema/ctdl-context.json");
      m.put(scheme + "credreg.net/ctdlasn/schema/context/json", "ctdl/schema/ctdlasn-context.json");
      m.put(scheme + "data.europa.eu/snb/model/context/edc-ap", "elm/context/edc-ap-context.jsonld");
    }
    m.put("https://www.w3.org/2018/credentials/v1", "w3c-vc/2018-credentials-v1.jsonld");
    m.put("https://www.w3.org/ns/credentials/v2", "w3c-vc/credentials-v2.jsonld");
    // Open Badges 3.0: 3.0.3 is the version on disk; the earlier 3.0.x URLs name the same terms
    for (String v : new String[] {"context-3.0.3.json", "context-3.0.2.json", "context-3.0.1.json",
        "context-3.0.0.json", "context.json"}) {
      m.put("https://purl.imsglobal.org/spec/ob/v3p0/" + v, "ob3/context/ob-v3p0-3.0.3.json");
    }
    m.put("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json", "ob3/context/ob-v3p0-extensions.json");
    m.put("https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", "clr2/context/context-2.0.1.json");
    m.put("https://purl.imsglobal.org/spec/clr/v2p0/context.json", "clr2/context/context.json");
    return Map.copyOf(m);
  }

  /** True when {@code url} is a context this loader serves. */
  public static boolean knows(String url) {
    return CONTEXTS.containsKey(url);
  }

  @Override
  public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
    String key = url.toString();
    String relative = CONTEXTS.get(key);
    if (relative == null) {
      throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "the JSON-LD context " + key
          + " is not available offline and Cairn does not fetch from the network; offline contexts: "
          + String.join(", ", CONTEXTS.keySet()));
    }
    Document cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    Path file;
    try {
      file = standards.file(relative);
    } catch (StandardFormatException e) {
      throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, e.getMessage());
    }
    try (InputStream in = Files.newInputStream(file)) {
      JsonDocument document = JsonDocument.of(MediaType.JSON_LD, in);
      document.setDocumentUrl(url);
      cache.put(key, document);
      return document;
    } catch (IOException e) {
      throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "cannot read " + file + ": " + e.getMessage());
    }
  }
}
