package io.cairn.graph;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphWrapper;

/**
 * A streamed import in two threads. The writer (parsing CSV rows, say) runs on a thread of its own into an
 * in-memory copy of the new graph and hands its triples, in batches, to the write transaction's thread, which is
 * the only one that may write the store. Once the writer is done, the same thread runs {@code check} on the
 * finished copy, while the transaction's thread is still writing the last batches.
 *
 * <p>Why the copy: a TDB2 write transaction keeps only the last thousand nodes it created in its node cache, so a
 * check that read the new graph back from the store inside the transaction would read most of its nodes from the
 * node file, two system calls each. The copy answers the same questions from memory, and the two cores share the
 * work instead of taking turns.
 *
 * @param <T> what the check of the finished copy gives
 */
final class ImportPipeline<T> implements AutoCloseable {
  private static final int BATCH = 4096;
  private static final int BATCHES_IN_FLIGHT = 64;
  private static final Triple[] END = new Triple[0];

  private final BlockingQueue<Triple[]> batches = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
  private final Graph copy = GraphFactory.createGraphMem();
  private final SideTask<T> producer;
  private volatile RuntimeException writerFailure;
  private volatile boolean closed;

  /**
   * Starts {@code writer} on its own thread; {@code check} runs there on the finished copy once the writer
   * returns (not when it throws).
   */
  ImportPipeline(Consumer<Graph> writer, Function<Graph, T> check) {
    producer = SideTask.start("cairn-import-writer", () -> run(writer, check));
  }

  /**
   * On the write transaction's thread: gives every triple of every batch to {@code target} until the writer is
   * done, and returns the number of triples in the new graph. A failure of the writer is thrown here, as the writer
   * threw it.
   */
  long drainInto(Consumer<Triple> target) {
    while (true) {
      Triple[] batch = take();
      if (batch == END) {
        if (writerFailure != null) {
          throw writerFailure;
        }
        return copy.size();
      }
      for (Triple triple : batch) {
        target.accept(triple);
      }
    }
  }

  /** Waits for the check of the finished copy and gives its result, or throws what it threw. */
  T checked() {
    return producer.join();
  }

  /**
   * Tells the writer's thread to stop at its next triple if it is still writing (the transaction failed). It is
   * not interrupted: an interrupt closes any file channel the thread is reading the store through, for everyone.
   */
  @Override
  public void close() {
    closed = true;
    batches.clear();
  }

  /** The writer's thread: the writer into the copy and the batches, then the check of the copy. */
  private T run(Consumer<Graph> writer, Function<Graph, T> check) {
    Tee tee = new Tee();
    try {
      writer.accept(tee);
      tee.flush();
    } catch (RuntimeException e) {
      writerFailure = e;
    } catch (Error e) {
      writerFailure = new IllegalStateException("the import's writer failed: " + e, e);
    }
    if (!put(END)) {
      throw new CancellationException("the import's transaction ended before its writer");
    }
    if (writerFailure != null) {
      throw writerFailure;
    }
    return check.apply(copy);
  }

  private Triple[] take() {
    try {
      return batches.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while the import was written");
    }
  }

  /** False when the pipeline was closed (nobody will take it). */
  private boolean put(Triple[] batch) {
    try {
      while (!closed) {
        if (batches.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
      return false;
    } catch (InterruptedException e) {
      return false;
    }
  }

  /** The graph the writer sees: every added triple goes into the copy and into the current batch. */
  private final class Tee extends GraphWrapper {
    private Triple[] batch = new Triple[BATCH];
    private int filled;

    Tee() {
      super(copy);
    }

    @Override
    public void add(Triple triple) {
      if (closed) {
        throw new CancellationException("the import's transaction ended before its writer");
      }
      copy.add(triple);
      batch[filled++] = triple;
      if (filled == BATCH) {
        flush();
      }
    }

    @Override
    public void delete(Triple triple) {
      throw new UnsupportedOperationException("an import's writer only adds triples");
    }

    @Override
    public void remove(org.apache.jena.graph.Node s, org.apache.jena.graph.Node p, org.apache.jena.graph.Node o) {
      throw new UnsupportedOperationException("an import's writer only adds triples");
    }

    @Override
    public void clear() {
      throw new UnsupportedOperationException("an import's writer only adds triples");
    }

    void flush() {
      if (filled == 0) {
        return;
      }
      Triple[] full = filled == BATCH ? batch : java.util.Arrays.copyOf(batch, filled);
      batch = new Triple[BATCH];
      filled = 0;
      if (!put(full)) {
        throw new CancellationException("the import's transaction ended before its writer");
      }
    }
  }
}
