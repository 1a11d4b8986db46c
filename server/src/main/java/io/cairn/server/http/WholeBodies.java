package io.cairn.server.http;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each request body in full before the request is handled, without holding a thread while it arrives, and
 * refuses a body that is too large (413) or too slow (408).
 *
 * <p>Javalin reads bodies with blocking servlet I/O: a client that sends its body a byte at a time would hold one
 * of the server's threads for as long as it likes, and a few hundred such clients would hold them all. Here the
 * bytes are collected as Jetty reports them (a thread is used only for the moment a piece arrives), so a slow
 * client costs a connection and at most {@link CairnServer#MAX_BODY_BYTES} of memory, never a thread, and only
 * for {@code bodyTimeout}. The handlers below see a request whose whole body is already in memory.
 *
 * <p>One route may take larger bodies: {@code POST /api/imports}, whose documents may be up to
 * {@link ImportController#MAX_IMPORT_BYTES} when the client sends an {@code Authorization} header (the token is
 * checked after); only that client costs that much memory, and only for as long.
 *
 * <p>A body over the limit is still read to its end, and thrown away, before the 413 is sent, as long as it is
 * not more than {@link #drainLimit} bytes in all. A server that answers while the client is still sending and then
 * closes makes the client's TCP stack reset the connection, and a reset can throw away the response before the
 * client reads it: the client then sees a dropped connection instead of the problem that says what to fix (Java's
 * HttpClient reports "header parser received no bytes"). Draining costs bandwidth and no memory; a body declared
 * larger than that is refused at once, with {@code Connection: close}.
 *
 * <p>A dropped or aborted upload is logged as one WARN line (no stack trace): an operator needs to know it
 * happened, not where in Jetty it was noticed.
 */
final class WholeBodies extends Handler.Wrapper {
  private static final Logger LOG = LoggerFactory.getLogger(WholeBodies.class);
  private static final int FIRST_BUFFER_BYTES = 16 * 1024;
  /** The least a body over its limit may run past it and still be read to its end before the 413. */
  private static final long MIN_DRAIN_BYTES = 1024 * 1024;

  private static final String IMPORTS = "/api/imports";

  private final long defaultMaxBytes;
  private final long importMaxBytes;
  private final Duration timeout;

  WholeBodies(long defaultMaxBytes, long importMaxBytes, Duration timeout) {
    this.defaultMaxBytes = defaultMaxBytes;
    this.importMaxBytes = importMaxBytes;
    this.timeout = timeout;
  }

  /**
   * The largest body this request may have: an import's own limit (for a client that sends credentials at all, so
   * an anonymous client cannot make the server hold megabytes), or the one every other request has.
   */
  private long maxBytes(Request request) {
    return "POST".equals(request.getMethod()) && IMPORTS.equals(Request.getPathInContext(request))
        && request.getHeaders().contains(HttpHeader.AUTHORIZATION) ? importMaxBytes : defaultMaxBytes;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long declared = request.getLength();
    if (declared == 0 || (declared < 0 && !chunked(request))) {
      return super.handle(request, response, callback);
    }
    long maxBytes = maxBytes(request);
    if (declared > drainLimit(maxBytes)) {
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
      Response.writeError(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, tooLarge(maxBytes));
      return true;
    }
    new Upload(request, response, callback, declared, maxBytes).start();
    return true;
  }

  /**
   * How many bytes of a body over {@code maxBytes} are read (and dropped) so that its client can read the 413:
   * twice the limit, and at least a mebibyte past it.
   */
  static long drainLimit(long maxBytes) {
    return maxBytes + Math.max(maxBytes, MIN_DRAIN_BYTES);
  }

  private static boolean chunked(Request request) {
    HttpField te = request.getHeaders().getField(HttpHeader.TRANSFER_ENCODING);
    return te != null && te.contains(HttpHeaderValue.CHUNKED.asString());
  }

  private String tooLarge(long maxBytes) {
    return maxBytes == importMaxBytes && maxBytes != defaultMaxBytes
        ? "the document is too large; imports are limited to " + maxBytes / (1024 * 1024) + " MiB"
        : "the request body is too large; bodies are limited to " + maxBytes / 1024 + " KiB";
  }

  /** One body on its way in: collects its bytes as they arrive, then hands the request on, or refuses it. */
  private final class Upload {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final long declared;
    private final long maxBytes;
    private final long started = System.nanoTime();
    /** Set once by whoever finishes the upload first: the last piece, a failure, or the deadline. */
    private final AtomicBoolean settled = new AtomicBoolean();
    private byte[] bytes;
    private int size;
    /** Bytes read past the limit and dropped; once the body is over its limit, the rest is only drained. */
    private long dropped;
    private boolean overLimit;
    private Scheduler.Task deadline;

    Upload(Request request, Response response, Callback callback, long declared, long maxBytes) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.declared = declared;
      this.maxBytes = maxBytes;
      this.overLimit = declared > maxBytes;
      // grows as bytes arrive: a client that declares a large body and sends little costs little
      this.bytes = overLimit ? new byte[0] : new byte[(int) Math.min(declared > 0
          ? Math.min(declared, FIRST_BUFFER_BYTES) : FIRST_BUFFER_BYTES, maxBytes)];
    }

    void start() {
      deadline = request.getComponents().getScheduler().schedule(this::expire, timeout.toMillis(),
          TimeUnit.MILLISECONDS);
      read();
    }

    /** Reads what has arrived; asks to be called again when more does. Runs on a pool thread, briefly. */
    private void read() {
      while (!settled.get()) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this::read);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          failed(chunk.getFailure());
          return;
        }
        if (!overLimit && !append(chunk)) {
          overLimit = true;
        }
        if (overLimit) {
          dropped += chunk.getByteBuffer().remaining();
        }
        boolean last = chunk.isLast();
        chunk.release();
        if (overLimit) {
          if (last || size + dropped > drainLimit(maxBytes)) {
            if (settle()) {
              if (last) {
                // the whole body has been read: the client reads the 413 and the connection stays usable
                Response.writeError(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413,
                    tooLarge(maxBytes));
              } else {
                // past the drain limit: stop reading and close
                refuse(HttpStatus.PAYLOAD_TOO_LARGE_413, tooLarge(maxBytes));
              }
            }
            return;
          }
          continue;
        }
        if (last) {
          if (settle()) {
            handOn();
          }
          return;
        }
      }
    }

    private boolean append(Content.Chunk chunk) {
      ByteBuffer data = chunk.getByteBuffer();
      int n = data.remaining();
      if ((long) size + n > maxBytes) {
        return false;
      }
      if (size + n > bytes.length) {
        bytes = Arrays.copyOf(bytes, (int) Math.min(maxBytes, Math.max((long) size + n, 2L * bytes.length)));
      }
      data.get(bytes, size, n);
      size += n;
      return true;
    }

    private void handOn() {
      Request whole = new Arrived(request, ByteBuffer.wrap(bytes, 0, size));
      try {
        if (!getHandler().handle(whole, response, callback)) {
          Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
        }
      } catch (Throwable t) {
        Response.writeError(request, response, callback, t);
      }
    }

    private void failed(Throwable failure) {
      if (!settle()) {
        return;
      }
      if (failure instanceof TimeoutException) {
        LOG.warn("dropped an upload that stalled: {} after {} of {} bytes in {} ms (no data for the idle timeout)",
            who(), size, expected(), elapsedMillis());
        refuse(HttpStatus.REQUEST_TIMEOUT_408, "the request body stopped arriving; send the whole body without pauses");
      } else if (failure instanceof EofException) {
        // the client closed the connection, or its chunked framing broke off (Jetty reports both as an early end)
        LOG.warn("upload cut short: {} ended after {} of {} bytes in {} ms (connection closed or chunking broken)",
            who(), size, expected(), elapsedMillis());
        Response.writeError(request, response, callback, failure);
      } else if (failure instanceof HttpException) {
        // malformed framing (bad chunking, for one): the client is told why
        Response.writeError(request, response, callback, failure);
      } else {
        LOG.warn("upload failed: {} after {} of {} bytes in {} ms ({})", who(), size, expected(), elapsedMillis(),
            failure.getClass().getSimpleName());
        callback.failed(failure);
      }
    }

    /** The deadline: runs on Jetty's scheduler when the body has not arrived in time. */
    private void expire() {
      if (!settled.compareAndSet(false, true)) {
        return;
      }
      if (overLimit) {
        refuse(HttpStatus.PAYLOAD_TOO_LARGE_413, tooLarge(maxBytes));
        return;
      }
      LOG.warn("dropped an upload that took too long: {} sent {} of {} bytes in {} ms (limit {} s)", who(), size,
          expected(), elapsedMillis(), timeout.toSeconds());
      refuse(HttpStatus.REQUEST_TIMEOUT_408, "the request body did not arrive within " + timeout.toSeconds()
          + " s; send it in one go");
    }

    private void refuse(int status, String detail) {
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
      Response.writeError(request, response, callback, status, detail);
    }

    private boolean settle() {
      if (!settled.compareAndSet(false, true)) {
        return false;
      }
      deadline.cancel();
      return true;
    }

    private String who() {
      return request.getMethod() + " " + request.getHttpURI().getPath() + " from "
          + request.getConnectionMetaData().getRemoteSocketAddress();
    }

    private String expected() {
      return declared < 0 ? "?" : Long.toString(declared);
    }

    private long elapsedMillis() {
      return (System.nanoTime() - started) / 1_000_000;
    }
  }

  /** The request as the handlers below see it: its body already whole, in memory. */
  private static final class Arrived extends Request.Wrapper {
    private Content.Chunk body;

    Arrived(Request request, ByteBuffer body) {
      super(request);
      this.body = Content.Chunk.from(body, true);
    }

    @Override
    public Content.Chunk read() {
      Content.Chunk next = body;
      body = Content.Chunk.EOF;
      return next;
    }

    @Override
    public void demand(Runnable demandCallback) {
      demandCallback.run();
    }
  }
}
