package io.cairn.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.server.api.ApiException;
import io.cairn.server.api.JsonMapping;
import io.cairn.server.api.JsonReadErrors;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads a JSON request body strictly, turning every parse problem into a 4xx that names the field. */
final class JsonBodies {
  private JsonBodies() {}

  static <T> T read(Context ctx, ObjectMapper json, Class<T> type) {
    String contentType = ctx.contentType();
    String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json")) {
      throw new ApiException(415, "Unsupported media type",
          "send the body as JSON with the header Content-Type: application/json (got "
              + (contentType == null ? "no Content-Type" : "'" + contentType + "'") + ")");
    }
    String charset = charset(contentType);
    if (charset != null && !charset.equals("utf-8") && !charset.equals("utf8")) {
      throw new ApiException(415, "Unsupported media type", "send the JSON body in UTF-8 (Content-Type: "
          + "application/json; charset=utf-8, or no charset), as RFC 8259 asks; got charset '" + charset + "'");
    }
    String body = utf8(ctx.bodyAsBytes());
    if (body.isBlank()) {
      throw ApiException.badRequest("the request body is empty; send a JSON object");
    }
    try {
      T value = JsonMapping.read(json, body, type);
      if (value == null) {
        throw ApiException.badRequest("the request body is null; send a JSON object");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(JsonReadErrors.describe(e));
    }
  }

  /** The charset parameter of a Content-Type, lower case and unquoted, or null when there is none. */
  private static String charset(String contentType) {
    for (String parameter : contentType.split(";")) {
      String[] pair = parameter.trim().split("=", 2);
      if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
        return pair[1].trim().replace("\"", "").toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  /** The body decoded strictly: bytes that are not UTF-8 are an error, not replacement characters. */
  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest("the request body is not valid UTF-8; send JSON text encoded in UTF-8");
    }
  }
}
