package io.cairn.bench;

import io.cairn.Cairn;
import io.cairn.rank.RecommendationList;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * A SHA-256 over every answer to the benchmark's questions, whole: each item's credential, rank, score and
 * relevance to the bit and its explanation, the candidate count, the exclusions (in key order) and the short-list
 * reason. Two builds that digest alike answered every question alike, so an optimisation that changes no result
 * shows it here. Computed outside any timing.
 */
final class AnswerDigest {
  private AnswerDigest() {}

  static String of(Cairn cairn, List<RequestGenerator.Question> questions) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (RequestGenerator.Question q : questions) {
      sha.update(canonical(cairn.recommend(q.request())).getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The answer as text that does not depend on a map's iteration order (which differs from one JVM to the next). */
  static String canonical(RecommendationList list) {
    StringBuilder out = new StringBuilder();
    for (var r : list.items()) {
      out.append(r.credential()).append(' ').append(r.rank()).append(' ')
          .append(Double.doubleToLongBits(r.score())).append(' ').append(Double.doubleToLongBits(r.relevance()))
          .append(' ').append(r.explanation()).append('\n');
    }
    out.append("candidates ").append(list.candidates()).append(" excluded ").append(new TreeMap<>(list.excluded()))
        .append(" reason ").append(list.reason().orElse("")).append(" unmet ").append(list.goal().unmet())
        .append(" met ").append(list.goal().metTargets()).append('\n');
    return out.toString();
  }
}
