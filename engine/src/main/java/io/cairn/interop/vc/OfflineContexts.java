package io.cairn.interop.vc;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON-LD contexts a presented credential may name, served from local files and never fetched: the W3C VC,
 * Open Badges 3.0 and CLR 2.0 contexts from {@code standards/}, and the Data Integrity, Ed25519Signature2020,
 * Multikey and DID contexts from {@code fixtures/ob3/contexts/} of the shared folder. A context that is not here is
 * an error, so verifying a credential never touches the network.
 */
public final class OfflineContexts implements DocumentLoader {
  /** Context URL to its file, relative to the shared folder. */
  static final Map<String, String> FILES = files();

  private final Map<URI, Path> paths;
  private final Map<URI, Document> loaded = new ConcurrentHashMap<>();

  private OfflineContexts(Map<URI, Path> paths) {
    this.paths = Map.copyOf(paths);
  }

  private static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("https://www.w3.org/ns/credentials/v2", "standards/w3c-vc/credentials-v2.jsonld");
    files.put("https://www.w3.org/2018/credentials/v1", "standards/w3c-vc/2018-credentials-v1.jsonld");
    files.put("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "standards/ob3/context/ob-v3p0-3.0.3.json");
    files.put("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json", "standards/ob3/context/ob-v3p0-extensions.json");
    files.put("https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", "standards/clr2/context/context-2.0.1.json");
    files.put("https://purl.imsglobal.org/spec/clr/v2p0/context.json", "standards/clr2/context/context.json");
    files.put("https://w3id.org/security/data-integrity/v2", "fixtures/ob3/contexts/data-integrity-v2.jsonld");
    files.put("https://w3id.org/security/data-integrity/v1", "fixtures/ob3/contexts/data-integrity-v1.jsonld");
    files.put("https://w3id.org/security/suites/ed25519-2020/v1",
        "fixtures/ob3/contexts/ed25519-signature-2020-v1.jsonld");
    files.put("https://w3id.org/security/multikey/v1", "fixtures/ob3/contexts/multikey-v1.jsonld");
    files.put("https://www.w3.org/ns/did/v1", "fixtures/ob3/contexts/did-v1.jsonld");
    return Map.copyOf(files);
  }

  /**
   * The contexts under {@code shared} (the {@code cairn.shared} folder).
   *
   * @throws IllegalArgumentException naming every context file that is missing
   */
  public static OfflineContexts fromShared(Path shared) {
    Map<URI, Path> paths = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    FILES.forEach((url, file) -> {
      Path path = shared.resolve(file);
      if (Files.isRegularFile(path)) {
        paths.put(URI.create(url), path);
      } else {
        missing.add(path.toString());
      }
    });
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the JSON-LD contexts for verifying credentials are missing: "
          + String.join(", ", missing) + "; point cairn.shared (or CAIRN_SHARED) at the shared folder");
    }
    return new OfflineContexts(paths);
  }

  /** The context URLs served. */
  public List<String> urls() {
    return paths.keySet().stream().map(URI::toString).sorted().toList();
  }

  @Override
  public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
    Path path = paths.get(url);
    if (path == null) {
      throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "the JSON-LD context " + url
          + " is not available offline (Cairn never fetches contexts)");
    }
    Document document = loaded.get(url);
    if (document == null) {
      try (InputStream in = Files.newInputStream(path)) {
        JsonDocument read = JsonDocument.of(in);
        read.setDocumentUrl(url);
        document = read;
      } catch (IOException e) {
        throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "cannot read " + path + ": " + e.getMessage());
      }
      loaded.put(url, document);
    }
    return document;
  }
}
