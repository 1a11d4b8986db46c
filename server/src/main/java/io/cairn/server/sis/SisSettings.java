package io.cairn.server.sis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.interop.oneroster.SisMapping;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the operator's SIS file: where the OneRoster records are (REST with client credentials, or a CSV bundle
 * folder) and the course mapping file, paths relative to this file:
 *
 * <pre>{@code
 * {"oneRoster": {"baseUrl": "https://sis.example.edu", "tokenUrl": "https://sis.example.edu/oauth/token",
 *                "clientId": "cairn", "clientSecret": "..."},
 *  "mapping": "oneroster-mapping.json"}
 * {"csv": "oneroster-export/", "mapping": "oneroster-mapping.json"}
 * }</pre>
 */
public final class SisSettings {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE_SIZE = 100;

  private SisSettings() {}

  private record Rest(String baseUrl, String tokenUrl, String clientId, String clientSecret) {}

  private record FileBody(Rest oneRoster, String csv, String mapping) {}

  /**
   * The SIS {@code file} describes.
   *
   * @throws IllegalArgumentException saying what is wrong with the file or the mapping it names
   */
  public static Sis load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no SIS settings file at " + file.toAbsolutePath());
    }
    FileBody body;
    try {
      body = JSON.readValue(file.toFile(), FileBody.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not a SIS settings file: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
    Path base = file.toAbsolutePath().getParent();
    if (body == null || body.mapping() == null || body.mapping().isBlank()) {
      throw new IllegalArgumentException(file + " names no \"mapping\" file (courses to credentials)");
    }
    SisMapping mapping = SisMapping.load(base.resolve(body.mapping().trim()));
    if ((body.oneRoster() == null) == (body.csv() == null)) {
      throw new IllegalArgumentException(file + " must give either \"oneRoster\" (REST) or \"csv\" (a bundle "
          + "folder), not " + (body.csv() == null ? "neither" : "both"));
    }
    if (body.csv() != null) {
      Path folder = base.resolve(body.csv().trim());
      if (!Files.isDirectory(folder)) {
        throw new IllegalArgumentException(file + ": no OneRoster CSV folder at " + folder);
      }
      return new Sis(SisSource.csv(folder), mapping);
    }
    Rest rest = body.oneRoster();
    for (String[] field : new String[][] {{"baseUrl", rest.baseUrl()}, {"tokenUrl", rest.tokenUrl()},
        {"clientId", rest.clientId()}, {"clientSecret", rest.clientSecret()}}) {
      if (field[1] == null || field[1].isBlank()) {
        throw new IllegalArgumentException(file + ": oneRoster needs \"" + field[0] + "\"");
      }
    }
    return new Sis(new OneRosterClient(URI.create(rest.baseUrl().trim()), URI.create(rest.tokenUrl().trim()),
        rest.clientId().trim(), rest.clientSecret().trim(), PAGE_SIZE), mapping);
  }
}
