package io.cairn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bytes of each field of a recommendation list, counted as the server writes them. */
class AnswerBytesTest {

  @Test
  void eachFieldCountsItsNameValueAndCommaAsAMeanPerAnswer() throws Exception {
    byte[] one = "{\"goal\":1,\"items\":[{\"rank\":1,\"explanation\":{\"covers\":[\"a\"]}}]}"
        .getBytes(StandardCharsets.UTF_8);
    byte[] two = ("{\"goal\":22,\"items\":[{\"rank\":1,\"explanation\":{\"covers\":[\"a\",\"b\"]}},"
        + "{\"rank\":2,\"explanation\":{\"covers\":[]}}]}").getBytes(StandardCharsets.UTF_8);
    Map<String, Object> bytes = AnswerBytes.of(List.of(one, two));
    assertEquals((one.length + two.length) / 2.0, bytes.get("total"));
    // "covers":["a"], + "covers":["a","b"], + "covers":[], over two answers
    assertEquals((15 + 19 + 12) / 2.0, bytes.get("explanation.covers"));
    assertEquals((9 + 9 + 9) / 2.0, bytes.get("item.rank"));
    assertEquals((9 + 10) / 2.0, bytes.get("goal"));
    assertEquals(List.of("total", "explanation.covers", "item.rank", "goal"), List.copyOf(bytes.keySet()),
        "the total first, then the fields, most first");
  }
}
