package io.cairn.interop.vc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The issuers and keys an operator trusts, read once from a file and never fetched at request time. A file looks
 * like:
 *
 * <pre>{@code
 * {"acceptUnlisted": true,
 *  "issuers": [{"id": "did:key:z6Mk...", "name": "SkillForge"},
 *              {"id": "https://badges.example.edu/issuer", "jwks": "badges-example.jwks.json"},
 *              {"jwks": "more-keys.jwks.json"}]}
 * }</pre>
 *
 * An entry with {@code id} trusts that issuer; with {@code jwks} (a JWK Set file, relative to this file) it also
 * supplies the issuer's public keys, found by their {@code kid} (a DID URL or the JOSE {@code kid} a JWT names).
 * Without {@code id}, each key belongs to the DID its {@code kid} starts with. {@code acceptUnlisted} (default
 * true) says whether credentials from issuers not listed here still verify when their key resolves offline from a
 * {@code did:key} or {@code did:jwk}; false accepts listed issuers only.
 */
public final class TrustedIssuers {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Set<String> issuers;
  private final Map<String, IssuerKeys.Key> keys;
  private final boolean acceptUnlisted;
  private final String source;

  private TrustedIssuers(Set<String> issuers, Map<String, IssuerKeys.Key> keys, boolean acceptUnlisted,
      String source) {
    this.issuers = Set.copyOf(issuers);
    this.keys = Map.copyOf(keys);
    this.acceptUnlisted = acceptUnlisted;
    this.source = source;
  }

  /** No list: every issuer whose key resolves offline (did:key, did:jwk) verifies; none is marked trusted. */
  public static TrustedIssuers none() {
    return new TrustedIssuers(Set.of(), Map.of(), true, "none");
  }

  private record FileBody(Boolean acceptUnlisted, List<Entry> issuers) {}

  private record Entry(String id, String name, String jwks) {}

  /**
   * Reads a trusted-issuers file.
   *
   * @throws IllegalArgumentException saying what is wrong with the file or a JWK Set it names
   */
  public static TrustedIssuers load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no trusted-issuers file at " + file.toAbsolutePath());
    }
    FileBody body;
    try {
      body = JSON.readValue(file.toFile(), FileBody.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not a trusted-issuers file: " + e.getOriginalMessage()
          + "; expected {\"issuers\": [{\"id\": DID-or-URL, \"jwks\": FILE}, ...], \"acceptUnlisted\": true|false}");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
    if (body == null || body.issuers() == null) {
      throw new IllegalArgumentException(file + " lists no issuers: give \"issuers\": [{\"id\": ...}, ...]");
    }
    Set<String> issuers = new LinkedHashSet<>();
    Map<String, IssuerKeys.Key> keys = new LinkedHashMap<>();
    for (int i = 0; i < body.issuers().size(); i++) {
      Entry entry = body.issuers().get(i);
      String where = file + ": issuers[" + i + "]";
      if (entry == null || (blank(entry.id()) && blank(entry.jwks()))) {
        throw new IllegalArgumentException(where + " needs an \"id\" (the issuer's DID or URL), a \"jwks\" file, or both");
      }
      if (!blank(entry.id())) {
        issuers.add(entry.id().trim());
      }
      if (!blank(entry.jwks())) {
        readKeys(file.toAbsolutePath().getParent().resolve(entry.jwks().trim()), entry.id(), where, issuers, keys);
      }
    }
    return new TrustedIssuers(issuers, keys, body.acceptUnlisted() == null || body.acceptUnlisted(),
        file.toAbsolutePath().toString());
  }

  private static void readKeys(Path jwksFile, String issuer, String where, Set<String> issuers,
      Map<String, IssuerKeys.Key> keys) {
    JWKSet set;
    try {
      set = JWKSet.load(jwksFile.toFile());
    } catch (IOException | ParseException e) {
      throw new IllegalArgumentException(where + ": cannot read the JWK Set " + jwksFile + ": " + e.getMessage());
    }
    for (JWK jwk : set.getKeys()) {
      if (jwk.isPrivate()) {
        throw new IllegalArgumentException(where + ": " + jwksFile + " holds a private key; give public keys only");
      }
      String kid = jwk.getKeyID();
      if (blank(kid)) {
        throw new IllegalArgumentException(where + ": every key in " + jwksFile
            + " needs a \"kid\" (the verification method or JOSE kid that names it)");
      }
      String controller = !blank(issuer) ? issuer.trim() : kid.contains("#") ? kid.substring(0, kid.indexOf('#')) : "";
      if (controller.isEmpty()) {
        throw new IllegalArgumentException(where + ": the key " + kid + " in " + jwksFile
            + " has no issuer: give the entry an \"id\", or use a DID URL as the kid");
      }
      issuers.add(controller);
      keys.put(kid, new IssuerKeys.Key(kid, controller, jwk.toPublicJWK()));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** True when the operator lists {@code issuer}. */
  public boolean lists(String issuer) {
    return issuers.contains(issuer);
  }

  /** Whether issuers not listed still verify when their key resolves offline. */
  public boolean acceptsUnlisted() {
    return acceptUnlisted;
  }

  /** How many issuers are listed. */
  public int size() {
    return issuers.size();
  }

  /** Where the list came from, for logs and {@code /api/about}. */
  public String source() {
    return source;
  }

  Optional<IssuerKeys.Key> key(String kid) {
    return Optional.ofNullable(keys.get(kid));
  }
}
