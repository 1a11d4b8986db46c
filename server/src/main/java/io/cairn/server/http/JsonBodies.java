package io.cairn.server.http;

import io.cairn.server.api.ApiException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.util.stream.Collectors;

/** Reads a JSON request body strictly, turning every parse problem into a 4xx that names the field. */
final class JsonBodies {
  private JsonBodies() {}

  static <T> T read(Context ctx, ObjectMapper json, Class<T> type) {
    String contentType = ctx.contentType();
    String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    if (!mediaType.equals("application/json")) {
      throw new ApiException(415, "Unsupported media type",
          "send the body as JSON with the header Content-Type: application/json (got "
              + (contentType == null ? "no Content-Type" : "'" + contentType + "'") + ")");
    }
    String body = ctx.body();
    if (body.isBlank()) {
      throw ApiException.badRequest("the request body is empty; send a JSON object");
    }
    try {
      T value = json.readValue(body, type);
      if (value == null) {
        throw ApiException.badRequest("the request body is null; send a JSON object");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw ApiException.badRequest("unknown field '" + path(e) + "'; known fields here: "
          + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
    } catch (InvalidFormatException e) {
      throw ApiException.badRequest("field '" + path(e) + "' has the wrong type: got " + e.getValue()
          + ", expected " + e.getTargetType().getSimpleName());
    } catch (MismatchedInputException e) {
      if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
        throw ApiException.badRequest("unexpected content after the end of the JSON object at line "
            + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "; send one JSON object");
      }
      throw ApiException.badRequest("field '" + path(e) + "' has the wrong type: expected "
          + (e.getTargetType() == null ? "another type" : describe(e.getTargetType())));
    } catch (InputCoercionException e) {
      throw ApiException.badRequest("a number at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + " is out of range: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    }
  }

  private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
    String p = e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
    return p.isEmpty() ? "(root)" : p;
  }

  private static String describe(Class<?> type) {
    if (java.util.List.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (type.isRecord()) {
      return "an object";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (type == Boolean.class) {
      return "true or false";
    }
    return type.getSimpleName();
  }
}
