package io.cairn.server.cli;

import io.cairn.server.store.SharedStore;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn store}: the shared store of a cluster, Apache Jena Fuseki over a TDB2 directory. */
@Command(name = "store", mixinStandardHelpOptions = true,
    description = "Run the shared store of a cluster: Apache Jena Fuseki over a TDB2 directory, on this machine's"
        + " loopback address. Replicas follow it with 'cairn serve --store URL'.")
final class StoreCommand implements Runnable {
  @Option(names = "--port", paramLabel = "N", defaultValue = "3030",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--data", paramLabel = "DIR", required = true,
      description = "TDB2 directory of the store, created when missing; no other process may have it open")
  Path data;

  @Override
  public void run() {
    if (port < 0 || port > 65535) {
      throw new CliException("--port must be from 0 to 65535, got " + port);
    }
    SharedStore store;
    try {
      store = SharedStore.start(data, port);
    } catch (RuntimeException e) {
      throw new CliException("cannot start the store on port " + port + " over " + data.toAbsolutePath() + " ("
          + e.getMessage() + "); is another process using the port or the directory?");
    }
    System.out.printf("The shared store (Fuseki over TDB2 at %s) is at %s%n", data.toAbsolutePath(), store.url());
    System.out.printf("Replicas: cairn serve --store %s ; read-only SPARQL: http://127.0.0.1:%d%s/query%n",
        store.url(), store.port(), SharedStore.PUBLIC);
    Runtime.getRuntime().addShutdownHook(new Thread(store::close));
    store.join();
  }
}
