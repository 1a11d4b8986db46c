package io.cairn.graph;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A store that takes the version request and never answers (as a Fuseki stopping mid-request once did in CI): the
 * read ends with {@link StoreUnavailableException}, so a replica's watch reports degraded instead of waiting forever.
 */
class RemoteStoreTimeoutTest {

  @Test
  // a hang guard far above the read's own bound; the read blocks uninterruptibly, so only a separate thread ends it
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aStoreThatNeverAnswersIsUnavailableNotAHang() throws Exception {
    try (SilentServer silent = new SilentServer()) {
      RemoteStore remote = new RemoteStore("http://127.0.0.1:" + silent.port() + "/cairn");
      StoreUnavailableException e = assertThrows(StoreUnavailableException.class, remote::version);
      assertTrue(e.getMessage().contains("read the store's version"), e::getMessage);
      assertTrue(silent.accepted() > 0, "the request reached the silent server");
    }
  }

  /** Accepts connections and reads what comes, and never writes a byte back. */
  private static final class SilentServer implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> held = new ArrayList<>();
    private final Thread acceptor;

    SilentServer() throws IOException {
      acceptor = Thread.ofPlatform().daemon().start(() -> {
        while (!socket.isClosed()) {
          try {
            Socket s = socket.accept();
            synchronized (held) {
              held.add(s);
            }
            Thread.ofPlatform().daemon().start(() -> drain(s));
          } catch (IOException closed) {
            return;
          }
        }
      });
    }

    private static void drain(Socket s) {
      try (InputStream in = s.getInputStream()) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      } catch (IOException ignored) {
        // the test closed it
      }
    }

    int port() {
      return socket.getLocalPort();
    }

    int accepted() {
      synchronized (held) {
        return held.size();
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
      synchronized (held) {
        for (Socket s : held) {
          s.close();
        }
      }
    }
  }
}
