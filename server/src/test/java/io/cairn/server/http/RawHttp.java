package io.cairn.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, byte for byte as the test writes it: for what a well-behaved client (Java's
 * HttpClient) cannot send, such as malformed chunking, raw bytes in the path, a duplicate Host header or a body
 * that arrives one byte at a time.
 */
final class RawHttp {
  private RawHttp() {}

  /**
   * A parsed response. {@code headers} keys are lower case; a repeated header keeps its last value; {@code bytes} is
   * the body as sent, {@code body} the same decoded as UTF-8.
   */
  record Response(int status, Map<String, String> headers, byte[] bytes, String body, long millis) {
    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    String mediaType() {
      String type = header("content-type").orElse("");
      int semicolon = type.indexOf(';');
      return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
  }

  /** Sends {@code request} as it is on a new connection and reads the response until the server closes it. */
  static Response exchange(int port, byte[] request, Duration timeout) {
    return exchange(port, request, timeout, false);
  }

  /**
   * As {@link #exchange(int, byte[], Duration)}; with {@code endOfInput} the client then closes its side, so a
   * request cut short ends at once instead of after the server's timeouts.
   */
  static Response exchange(int port, byte[] request, Duration timeout, boolean endOfInput) {
    long start = System.nanoTime();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      if (endOfInput) {
        socket.shutdownOutput();
      }
      return read(socket.getInputStream(), start);
    } catch (IOException e) {
      throw new UncheckedIOException("no answer to " + shown(request), e);
    }
  }

  static Response exchange(int port, String request, Duration timeout) {
    return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), timeout);
  }

  /** A request with {@code Connection: close}, so the response ends when the connection does. */
  static String request(String method, String target, List<String> headers, String body) {
    StringBuilder s = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
    headers.forEach(h -> s.append(h).append("\r\n"));
    s.append("Connection: close\r\n");
    if (body != null && headers.stream().noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("transfer-encoding"))) {
      s.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
    }
    s.append("\r\n");
    return s + (body == null ? "" : new String(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
  }

  /** Reads one response: the head, then the body by Content-Length, chunks, or until the connection ends. */
  static Response read(InputStream in, long startNanos) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int headEnd = -1;
    Map<String, String> headers = new LinkedHashMap<>();
    int status = 0;
    while (true) {
      int n;
      try {
        n = in.read(buffer);
      } catch (SocketTimeoutException e) {
        throw new SocketTimeoutException("no complete response in time; got so far: "
            + all.toString(StandardCharsets.ISO_8859_1));
      }
      if (n > 0) {
        all.write(buffer, 0, n);
      }
      byte[] bytes = all.toByteArray();
      if (headEnd < 0) {
        headEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (headEnd >= 0) {
          String[] lines = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
          status = Integer.parseInt(lines[0].split(" ")[1]);
          if (status >= 100 && status < 200) {
            // an interim response (100 Continue): the real one follows
            all.reset();
            all.write(bytes, headEnd + 4, bytes.length - headEnd - 4);
            headEnd = -1;
            continue;
          }
          for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
          }
        }
      }
      if (headEnd >= 0) {
        byte[] rest = java.util.Arrays.copyOfRange(bytes, headEnd + 4, bytes.length);
        String length = headers.get("content-length");
        if (length != null && rest.length >= Integer.parseInt(length)) {
          return done(status, headers, java.util.Arrays.copyOf(rest, Integer.parseInt(length)), startNanos);
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
          byte[] body = dechunk(rest);
          if (body != null) {
            return done(status, headers, body, startNanos);
          }
        }
        if (n < 0) {
          return done(status, headers, rest, startNanos);
        }
      } else if (n < 0) {
        throw new IOException("the connection closed before a complete response; got: "
            + new String(bytes, StandardCharsets.ISO_8859_1));
      }
    }
  }

  private static Response done(int status, Map<String, String> headers, byte[] body, long startNanos) {
    return new Response(status, headers, body, new String(body, StandardCharsets.UTF_8),
        (System.nanoTime() - startNanos) / 1_000_000);
  }

  /** The body of a complete chunked message, or null while chunks are still missing. */
  private static byte[] dechunk(byte[] data) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int i = 0;
    while (true) {
      int lineEnd = indexOf(java.util.Arrays.copyOfRange(data, i, data.length), "\r\n".getBytes(StandardCharsets.ISO_8859_1));
      if (lineEnd < 0) {
        return null;
      }
      int size = Integer.parseInt(new String(data, i, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
      i += lineEnd + 2;
      if (size == 0) {
        return body.toByteArray();
      }
      if (data.length < i + size + 2) {
        return null;
      }
      body.write(data, i, size);
      i += size + 2;
    }
  }

  private static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static String shown(byte[] request) {
    String text = new String(request, StandardCharsets.ISO_8859_1);
    return text.length() > 300 ? text.substring(0, 300) + "... (" + text.length() + " bytes)" : text;
  }
}
