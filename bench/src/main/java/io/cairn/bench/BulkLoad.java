package io.cairn.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;

/**
 * Jena's own TDB2 bulk loader, run by the bench in a fresh JVM: what {@code tdb2.tdbloader --loc DIR --graph IRI
 * FILE} does on an empty database (its default there is the phased loader). Prints one JSON line with the
 * triples loaded, the load time and the JVM's start-up time.
 *
 * <p>Usage: {@code java -cp cairn-bench.jar io.cairn.bench.BulkLoad DIR GRAPH-IRI FILE.nt [phased|parallel|sequential|basic]}
 */
public final class BulkLoad {
  private BulkLoad() {}

  public static void main(String[] args) {
    long jvmUpMs = ManagementFactory.getRuntimeMXBean().getUptime();
    if (args.length < 3) {
      System.err.println("usage: BulkLoad DIR GRAPH-IRI FILE [phased|parallel|sequential|basic]");
      System.exit(2);
    }
    String loaderName = args.length > 3 ? args[3].toLowerCase(Locale.ROOT) : "phased";
    long start = System.nanoTime();
    DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(args[0]);
    Node graph = NodeFactory.createURI(args[1]);
    DataLoader loader = switch (loaderName) {
      case "parallel" -> LoaderFactory.parallelLoader(dsg, graph, (fmt, a) -> { });
      case "sequential" -> LoaderFactory.sequentialLoader(dsg, graph, (fmt, a) -> { });
      case "basic" -> LoaderFactory.basicLoader(dsg, graph, (fmt, a) -> { });
      default -> LoaderFactory.phasedLoader(dsg, graph, (fmt, a) -> { });
    };
    long loadStart = System.nanoTime();
    loader.startBulk();
    loader.load(List.of(args[2]));
    loader.finishBulk();
    long end = System.nanoTime();
    long triples = Txn.calculateRead(dsg, () -> dsg.getGraph(graph).size());
    System.out.printf(Locale.ROOT,
        "{\"loader\":\"%s\",\"class\":\"%s\",\"triples\":%d,\"loadMs\":%.1f,\"connectMs\":%.1f,\"jvmStartMs\":%d}%n",
        loaderName, loader.getClass().getSimpleName(), triples, (end - loadStart) / 1e6, (loadStart - start) / 1e6,
        jvmUpMs);
    System.exit(0);
  }
}
