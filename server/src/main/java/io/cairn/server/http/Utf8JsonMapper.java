package io.cairn.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.javalin.json.JavalinJackson;
import io.javalin.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.stream.Stream;

/**
 * Javalin's JSON mapper over Cairn's Jackson configuration, with one difference that matters for throughput:
 * {@code ctx.jsonStream(view)} serializes the view straight into UTF-8 bytes. Javalin's own {@code ctx.jsonStream(view)}
 * builds the whole document as a Java {@link String} and then encodes it, and a document with any character beyond
 * Latin-1 (an en dash, a name in Greek) is held as UTF-16 and encoded character by character: on the bench's
 * recommendation bodies that string and its encoding were about a tenth of the server's CPU. Jackson's byte
 * generator writes UTF-8 as it goes, with no intermediate text and no piping thread (Javalin's streaming mapper
 * pipes through a second thread). The document is complete before the first byte is sent, so a serialization
 * failure still becomes a problem response, never half a body.
 */
final class Utf8JsonMapper implements JsonMapper {
  private final ObjectWriter bytes;
  private final JavalinJackson javalin;

  Utf8JsonMapper(ObjectMapper json) {
    this.bytes = utf8Writer(json);
    this.javalin = new JavalinJackson(json, false);
  }

  /** The writer of the server's UTF-8 bytes, for a handler that writes its document itself. */
  static ObjectWriter utf8Writer(ObjectMapper json) {
    // a character beyond the Basic Multilingual Plane (an emoji in a course title) as its four UTF-8 bytes, as the
    // text path writes it, rather than Jackson's default of two escaped surrogates: equal JSON, equal bytes
    return json.writer().with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
  }

  @Override
  public String toJsonString(Object obj, Type type) {
    return javalin.toJsonString(obj, type);
  }

  @Override
  public InputStream toJsonStream(Object obj, Type type) {
    try {
      // the value's own class, as Javalin's mapper writes it (the declared type is the value's class anyway)
      return new ByteArrayInputStream(bytes.writeValueAsBytes(obj));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void writeToOutputStream(Stream<?> stream, OutputStream outputStream) {
    javalin.writeToOutputStream(stream, outputStream);
  }

  @Override
  public <T> T fromJsonString(String text, Type type) {
    return javalin.fromJsonString(text, type);
  }

  @Override
  public <T> T fromJsonStream(InputStream in, Type type) {
    return javalin.fromJsonStream(in, type);
  }
}
