package io.cairn.interop.vc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies a compact VC-JWT (Open Badges 3.0 section 8.2) with Nimbus JOSE+JWT: the payload is the credential
 * (or, in the older VC 1.1 style, its {@code vc} claim); the header's {@code kid} names the issuer's key. Only
 * EdDSA (Ed25519, with the JDK's EdDSA), ES256 and RS256 are accepted; {@code alg: none} never is.
 */
final class VcJwt {
  static final Set<String> ALGORITHMS = Set.of("EdDSA", "Ed25519", "ES256", "RS256");

  private final IssuerKeys keys;

  VcJwt(IssuerKeys keys) {
    this.keys = keys;
  }

  /**
   * The credential a verified JWT carries, with its registered time claims.
   *
   * @param format {@code vc-jwt} and the algorithm
   */
  record Verified(JsonObject credential, String format, Optional<Instant> notBefore, Optional<Instant> expires) {}

  /** The credential inside {@code compact} read without checking anything, for reporting a refusal. */
  static Optional<JsonObject> peek(String compact) {
    try {
      return Optional.of(credential(json(compact.split("\\.", -1)[1], "payload")));
    } catch (RefusedException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The format of {@code compact} as its header names it ({@code vc-jwt ES256}), read without checking anything. */
  static String peekFormat(String compact) {
    try {
      String alg = CredentialShape.string(json(compact.split("\\.", -1)[0], "header"), "alg");
      return alg.isEmpty() ? "vc-jwt" : "vc-jwt " + alg;
    } catch (RefusedException | RuntimeException e) {
      return "vc-jwt";
    }
  }

  Verified verify(String compact) throws RefusedException {
    String[] parts = compact.trim().split("\\.", -1);
    if (parts.length != 3) {
      throw new RefusedException(Refusal.MALFORMED, "a compact JWT has three parts separated by dots; this has "
          + parts.length + (parts.length == 5 ? " (an encrypted JWT: present the signed credential)" : ""));
    }
    JsonObject header = json(parts[0], "header");
    String alg = CredentialShape.string(header, "alg");
    if (alg.equalsIgnoreCase("none")) {
      throw new RefusedException(Refusal.UNSUPPORTED_PROOF, "an unsecured JWT (alg none) proves nothing and is refused");
    }
    if (!ALGORITHMS.contains(alg)) {
      throw new RefusedException(Refusal.UNSUPPORTED_PROOF, "the JWT algorithm '" + alg
          + "' is not supported; Cairn verifies EdDSA, ES256 and RS256");
    }
    JsonObject payload = json(parts[1], "payload");
    JsonObject credential = credential(payload);
    String issuer = issuerId(credential);
    String iss = CredentialShape.string(payload, "iss");
    if (!iss.isEmpty() && !issuer.isEmpty() && !iss.equals(issuer)) {
      throw new RefusedException(Refusal.SCHEMA_ERROR, "the JWT's iss (" + iss + ") is not the credential's issuer.id ("
          + issuer + ")");
    }
    String kid = CredentialShape.string(header, "kid");
    String keyId = !kid.isEmpty() ? kid : !iss.isEmpty() ? iss : issuer;
    IssuerKeys.Key key = keys.resolve(keyId);
    if (!key.controller().equals(issuer)) {
      throw new RefusedException(Refusal.KEY_NOT_ISSUERS, "the JWT was signed with " + keyId + ", a key of "
          + key.controller() + ", not of the issuer " + issuer);
    }
    JWSObject jws;
    try {
      jws = JWSObject.parse(compact.trim());
    } catch (ParseException e) {
      throw new RefusedException(Refusal.MALFORMED, "the JWT cannot be read: " + e.getMessage());
    }
    if (!signatureMatches(jws, alg, key)) {
      throw new RefusedException(Refusal.BAD_SIGNATURE, "the " + alg + " signature does not match the JWT: it was"
          + " changed after signing, or signed with a key other than " + keyId);
    }
    String jti = CredentialShape.string(payload, "jti");
    String id = CredentialShape.string(credential, "id");
    if (!jti.isEmpty() && !id.isEmpty() && !jti.equals(id)) {
      throw new RefusedException(Refusal.SCHEMA_ERROR, "the JWT's jti (" + jti + ") is not the credential's id (" + id + ")");
    }
    return new Verified(credential, "vc-jwt " + alg, time(payload, "nbf"), time(payload, "exp"));
  }

  private static boolean signatureMatches(JWSObject jws, String alg, IssuerKeys.Key key) throws RefusedException {
    try {
      return switch (alg) {
        case "EdDSA", "Ed25519" -> {
          if (!(key.jwk() instanceof OctetKeyPair okp) || !Curve.Ed25519.equals(okp.getCurve())) {
            throw keyMismatch(alg, key);
          }
          yield Ed25519.verify(Ed25519.publicKey(okp.getDecodedX()), jws.getSigningInput(), jws.getSignature().decode());
        }
        case "ES256" -> {
          if (!(key.jwk() instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
            throw keyMismatch(alg, key);
          }
          yield jws.verify(new ECDSAVerifier(ec));
        }
        case "RS256" -> {
          if (!(key.jwk() instanceof RSAKey rsa)) {
            throw keyMismatch(alg, key);
          }
          yield jws.verify(new RSASSAVerifier(rsa));
        }
        default -> throw new IllegalStateException(alg);
      };
    } catch (JOSEException e) {
      throw new RefusedException(Refusal.BAD_SIGNATURE, "the " + alg + " signature cannot be checked: " + e.getMessage());
    }
  }

  private static RefusedException keyMismatch(String alg, IssuerKeys.Key key) {
    return new RefusedException(Refusal.BAD_SIGNATURE, "the JWT says " + alg + " but the key " + key.id() + " is "
        + key.jwk().getKeyType() + (key.jwk() instanceof ECKey ec ? " " + ec.getCurve() : ""));
  }

  private static JsonObject credential(JsonObject payload) {
    // VC 1.1 JWTs wrap the credential in a "vc" claim; OB 3.0 (VC 2.0) JWTs are the credential itself
    return payload.get("vc") instanceof JsonObject vc ? vc : payload;
  }

  private static String issuerId(JsonObject credential) {
    return CredentialShape.peek(credential).issuerId();
  }

  private static Optional<Instant> time(JsonObject payload, String claim) throws RefusedException {
    JsonValue value = payload.get(claim);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof JsonNumber number)) {
      throw new RefusedException(Refusal.SCHEMA_ERROR, "the JWT's " + claim + " must be a NumericDate (seconds)");
    }
    return Optional.of(Instant.ofEpochSecond(number.longValue()));
  }

  private static JsonObject json(String part, String what) throws RefusedException {
    try {
      String text = new String(new Base64URL(part).decode(), StandardCharsets.UTF_8);
      return Json.createReader(new StringReader(text)).readObject();
    } catch (JsonException | IllegalStateException | ClassCastException e) {
      throw new RefusedException(Refusal.MALFORMED, "the JWT's " + what + " is not a base64url JSON object");
    }
  }
}
