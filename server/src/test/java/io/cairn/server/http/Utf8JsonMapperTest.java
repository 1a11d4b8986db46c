package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.server.api.JsonMapping;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The byte path writes exactly the UTF-8 of the text path, whatever the characters. */
class Utf8JsonMapperTest {
  record Item(String name, double score, List<String> skills, Map<String, Object> extra) {}

  @Test
  void bytesAreTheUtf8OfTheTextForAnyCharacters() throws Exception {
    ObjectMapper json = JsonMapping.create();
    Utf8JsonMapper mapper = new Utf8JsonMapper(json);
    // Latin-1 only, then beyond it (an en dash, Greek, CJK, an emoji outside the BMP, an escaped control)
    for (String name : List.of("Data Mining", "café – Ελληνικά 数据 🧭", "tab\tand \"quotes\" \u0001")) {
      Item item = new Item(name, 17.2925, List.of(name, "x"), Map.of("note", name, "n", 3));
      String text = mapper.toJsonString(item, Item.class);
      try (InputStream in = mapper.toJsonStream(item, Item.class)) {
        byte[] bytes = in.readAllBytes();
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), bytes, name);
        assertEquals(item, mapper.fromJsonString(new String(bytes, StandardCharsets.UTF_8), Item.class));
      }
    }
  }
}
