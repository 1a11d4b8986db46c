package io.cairn.graph;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.sparql.syntax.syntaxtransform.UpdateTransformOps;
import org.apache.jena.update.UpdateRequest;

/**
 * The shared store of a cluster: a SPARQL 1.1 dataset (Apache Jena Fuseki over TDB2) reached through Jena's
 * {@link RDFConnection}. Reads take the whole dataset in one request (so one read transaction on the server: a
 * consistent version); the version is read with {@code store-version.rq}; a write is one SPARQL Update request
 * (one transaction on the server) guarded by a compare-and-set on the version, see {@link #publish}.
 */
public final class RemoteStore {
  private static final Node META = NodeFactory.createURI(StoreLedger.META_GRAPH);
  /** How long a version read may wait for the store's answer before the store counts as unreachable. */
  static final Duration VERSION_READ_TIMEOUT = Duration.ofSeconds(5);
  private final String url;
  private final HttpClient http;

  /** The dataset at {@code url}, e.g. {@code http://127.0.0.1:3030/cairn}. */
  public RemoteStore(String url) {
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new IllegalArgumentException("the store must be an http(s) URL of a SPARQL dataset, such as"
          + " http://127.0.0.1:3030/cairn; got " + url);
    }
    this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  public String url() {
    return url;
  }

  /** The version the store is at, and the token of the write that set it. */
  public record Version(long number, String writeToken) {}

  /** The store's version (0 when nothing was written yet): one cheap query. */
  public Version version() {
    return call("read the store's version", conn -> {
      // bounded: a store that takes the request and never answers (a server stopping mid-request, a hung proxy)
      // must make the watch say "degraded", not hold it forever
      try (QueryExecution exec = conn.newQuery().query(SparqlQueries.get("store-version"))
          .timeout(VERSION_READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).build()) {
        var rows = exec.execSelect();
        if (!rows.hasNext()) {
          return new Version(0, "");
        }
        var row = rows.next();
        return new Version(row.getLiteral("version").getLong(),
            row.contains("write") ? row.getLiteral("write").getLexicalForm() : "");
      }
    });
  }

  /** Every graph of the store, read in one request: one consistent version. */
  public DatasetGraph fetch() {
    return call("read the store", conn -> conn.fetchDataset().asDatasetGraph());
  }

  /**
   * Replaces the named graphs with the given contents (an empty graph removes it) in one SPARQL Update request,
   * only when the store is still at {@code expected}: the request stages each graph, opens a gate when the version
   * is {@code expected} ({@code open-gate.ru}), copies the staged graphs through the open gate
   * ({@code replace-graph.ru}) and drops what it staged. The meta graph that {@code graphs} carries holds the new
   * version and {@code token}; reading the token back tells whether this write, or another, committed.
   *
   * @throws StoreConflictException when another write moved the version first; nothing of this one was written
   * @throws StoreUnavailableException when the store cannot be reached; nothing was written
   */
  public void publish(long expected, String token, Map<String, Graph> graphs) {
    String id = UUID.randomUUID().toString();
    Node gate = NodeFactory.createURI("urn:cairn:graph:gate:" + id);
    UpdateRequest request = new UpdateRequest();
    List<Node[]> moves = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, Graph> entry : graphs.entrySet()) {
      Node staging = NodeFactory.createURI("urn:cairn:graph:staging:" + id + ":" + n++);
      if (!entry.getValue().isEmpty()) {
        QuadDataAcc quads = new QuadDataAcc();
        entry.getValue().find().forEachRemaining(t -> quads.addQuad(Quad.create(staging, t)));
        request.add(new UpdateDataInsert(quads));
      }
      moves.add(new Node[] {NodeFactory.createURI(entry.getKey()), staging});
    }
    Node expectedNode = NodeFactory.createLiteralDT(Long.toString(expected), XSDDatatype.XSDinteger);
    request.add(UpdateTransformOps.transform(SparqlQueries.update("open-gate"), Map.of(Var.alloc("gate"), gate,
        Var.alloc("expected"), expectedNode)).getOperations().getFirst());
    // the meta graph last: a graph's replacement must not see the version it moves
    moves.sort((a, b) -> Boolean.compare(a[0].equals(META), b[0].equals(META)));
    for (Node[] move : moves) {
      UpdateTransformOps.transform(SparqlQueries.update("replace-graph"), Map.of(Var.alloc("gate"), gate,
          Var.alloc("graph"), move[0], Var.alloc("staging"), move[1])).getOperations().forEach(request::add);
      request.add(new UpdateDrop(move[1], true));
    }
    request.add(new UpdateDrop(gate, true));
    try {
      call("write to the store", conn -> {
        conn.update(request);
        return null;
      });
    } catch (StoreUnavailableException e) {
      // the request may have committed and only its answer been lost: the token says which
      if (!tryTokenIs(token)) {
        throw e;
      }
      return;
    }
    Version now = version();
    if (!now.writeToken().equals(token)) {
      throw new StoreConflictException("the store moved from version " + expected + " to " + now.number()
          + " while this write was being checked; nothing of it was written");
    }
  }

  private boolean tryTokenIs(String token) {
    try {
      return version().writeToken().equals(token);
    } catch (StoreUnavailableException e) {
      return false;
    }
  }

  private <T> T call(String what, Function<RDFConnection, T> action) {
    try (RDFConnection conn = RDFConnectionRemote.service(url).httpClient(http).build()) {
      return action.apply(conn);
    } catch (RuntimeException e) {
      throw new StoreUnavailableException("cannot " + what + " at " + url + ": " + reason(e), e);
    }
  }

  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
  }
}
