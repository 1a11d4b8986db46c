package io.cairn.server.http;

import io.cairn.server.api.RequestBodies;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a response body must never show a client: a stack trace, an exception, a Java type or package name, one
 * of the server's own places on disk, the password file.
 */
final class Leaks {
  private static final List<Pattern> PATTERNS;

  static {
    List<Pattern> patterns = new ArrayList<>(List.of(
        Pattern.compile("\\tat |\\bat [a-z]+\\.[a-z]+\\.[A-Za-z.$]+\\("),
        Pattern.compile("\\b(?:java|javax|jakarta|kotlin|io\\.cairn|io\\.javalin|com\\.fasterxml|org\\.eclipse|"
            + "org\\.apache|org\\.slf4j)\\.[a-z]"),
        // a class name: a capital, then a bounded run of letters (unbounded, a long run of letters costs n squared)
        Pattern.compile("\\b[A-Z][A-Za-z]{0,80}(?:Exception|Error)\\b"),
        Pattern.compile("\\b(?:Integer|Double|Boolean|Long|ArrayList|LinkedHashMap|HashMap|Optional|"
            + "ObjectMapper|JsonNode|StreamReadConstraints|JsonReadFeature)\\b"),
        Pattern.compile("root:x:0:0")));
    // the server's own places on disk (a path the client sent and sees echoed back is not a leak)
    for (String property : List.of("user.dir", "java.home", "cairn.root", "cairn.shared")) {
      String place = System.getProperty(property);
      if (place != null && place.length() > 4) {
        patterns.add(Pattern.compile(Pattern.quote(java.nio.file.Path.of(place).toAbsolutePath().normalize()
            .toString())));
      }
    }
    // the names of the API's own request records: a client speaks of fields, never of these
    String records = Stream.of(RequestBodies.class.getDeclaredClasses()).map(Class::getSimpleName)
        .reduce((a, b) -> a + "|" + b).orElseThrow();
    patterns.add(Pattern.compile("\\b(?:" + records + ")\\b"));
    PATTERNS = List.copyOf(patterns);
  }

  private Leaks() {}

  /** The first leak in {@code body}, with some context, or empty when there is none. */
  static Optional<String> find(String body) {
    for (Pattern p : PATTERNS) {
      Matcher m = p.matcher(body);
      if (m.find()) {
        int from = Math.max(0, m.start() - 60);
        int to = Math.min(body.length(), m.end() + 60);
        return Optional.of("'" + m.group() + "' in ..." + body.substring(from, to) + "...");
      }
    }
    return Optional.empty();
  }

  static List<String> patterns() {
    return Arrays.stream(PATTERNS.toArray(Pattern[]::new)).map(Pattern::pattern).toList();
  }
}
