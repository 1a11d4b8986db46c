package io.cairn.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.server.api.JsonMapping;
import io.cairn.server.api.JsonReadErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads request bodies (the same JSON the API takes) from files. */
final class RequestFiles {
  static final ObjectMapper JSON = JsonMapping.create();

  private RequestFiles() {}

  static <T> T read(Path file, Class<T> type) {
    if (!Files.isRegularFile(file)) {
      throw new CliException("no such file: " + file);
    }
    try {
      T value = JsonMapping.read(JSON, Files.readString(file), type);
      if (value == null) {
        throw new CliException(file + ": the file holds no JSON object");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new CliException(file + ": " + JsonReadErrors.describe(e));
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage());
    }
  }

  static void printJson(Object value) {
    try {
      System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
