package io.cairn.server.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.server.api.JsonMapping;
import io.cairn.server.api.JsonReadErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads request bodies (the same JSON the API takes) from files. */
final class RequestFiles {
  static final ObjectMapper JSON = JsonMapping.create();

  private RequestFiles() {}

  static <T> T read(Path file, Class<T> type) {
    if (!Files.isRegularFile(file)) {
      throw new CliException("no such file: " + file);
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage());
    }
    try {
      T value = JsonMapping.read(JSON, text, type);
      if (value == null) {
        throw new CliException(file + ": the file holds no JSON object");
      }
      return value;
    } catch (JsonProcessingException e) {
      // people read the file in an editor: say which line, as the field's path alone may not
      String what = JsonReadErrors.describe(e);
      int line = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation().getLineNr()
          : e instanceof JsonMappingException m ? lineOf(text, m.getPath()) : -1;
      throw new CliException(file + (line > 0 && !what.contains(" at line ") ? ", line " + line : "") + ": " + what);
    }
  }

  /**
   * The line where the value at {@code path} starts in {@code json}, or -1: the body is read through a tree, which
   * keeps no lines, so the document is read once more as a stream to find it.
   */
  static int lineOf(String json, List<JsonMappingException.Reference> path) {
    if (path.isEmpty()) {
      return -1;
    }
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference r : path) {
      String step = r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex());
      pointer.append('/').append(step.replace("~", "~0").replace("/", "~1"));
    }
    String wanted = pointer.toString();
    try (JsonParser parser = JSON.getFactory().createParser(json)) {
      while (parser.nextToken() != null) {
        if (parser.currentToken() != JsonToken.FIELD_NAME
            && parser.getParsingContext().pathAsPointer().toString().equals(wanted)) {
          return parser.currentTokenLocation().getLineNr();
        }
        if (parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY) {
          // the container's own pointer is its parent's: check it as the value it is
          JsonStreamContext parent = parser.getParsingContext().getParent();
          if (parent != null && parent.pathAsPointer().toString().equals(wanted)) {
            return parser.currentTokenLocation().getLineNr();
          }
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  static void printJson(Object value) {
    try {
      System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
