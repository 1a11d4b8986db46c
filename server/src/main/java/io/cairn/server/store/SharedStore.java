package io.cairn.server.store;

import io.cairn.graph.GraphStore;
import java.nio.file.Path;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;

/**
 * The shared store of a cluster: Apache Jena Fuseki serving one TDB2 directory on this machine's loopback address.
 * {@code /cairn} is the dataset the replicas read and write (query, update and graph store protocol); {@code /public}
 * is the same data for queries only, the read-only SPARQL endpoint ({@code /public/query}). Before Fuseki opens
 * the directory, Cairn's own store opens it once, so a new directory holds Cairn's ontology as any store does.
 */
public final class SharedStore implements AutoCloseable {
  /** The dataset path replicas connect to. */
  public static final String DATASET = "/cairn";
  /** The query-only view of the same dataset. */
  public static final String PUBLIC = "/public";
  private final FusekiServer server;

  private SharedStore(FusekiServer server) {
    this.server = server;
  }

  /** Fuseki over the TDB2 store in {@code directory} (created when missing) on loopback port {@code port} (0: any). */
  public static SharedStore start(Path directory, int port) {
    GraphStore.onDisk(directory).close();
    DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(directory.toString());
    FusekiServer server = FusekiServer.create()
        .port(port)
        .loopback(true)
        .add(DATASET, dataset, true)
        .add(PUBLIC, dataset, false)
        .build();
    return new SharedStore(server.start());
  }

  public int port() {
    return server.getHttpPort();
  }

  /** The URL replicas pass to {@code cairn serve --store}. */
  public String url() {
    return "http://127.0.0.1:" + port() + DATASET;
  }

  /** Blocks until the server stops. */
  public void join() {
    server.join();
  }

  /** Stops Fuseki; the TDB2 directory stays held by this process until it ends (TDB2 caches its datasets). */
  @Override
  public void close() {
    server.stop();
  }
}
