package io.cairn.interop.vc;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.multibase.Multibase;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Verifies an embedded Data Integrity proof: {@code DataIntegrityProof} with the {@code eddsa-rdfc-2022}
 * cryptosuite, and {@code Ed25519Signature2020}, which sign the same bytes: SHA-256 of the canonical N-Quads of
 * the proof configuration (the proof without {@code proofValue}, under the document's {@code @context}), then
 * SHA-256 of the canonical N-Quads of the document without its proof, and an Ed25519 signature over both.
 */
final class DataIntegrity {
  static final String EDDSA_RDFC_2022 = "eddsa-rdfc-2022";
  static final String ED25519_SIGNATURE_2020 = "Ed25519Signature2020";

  private final Canonicalizer canonicalizer;
  private final IssuerKeys keys;

  DataIntegrity(Canonicalizer canonicalizer, IssuerKeys keys) {
    this.canonicalizer = canonicalizer;
    this.keys = keys;
  }

  /**
   * Verifies every proof of {@code credential} and that each was made with a key of {@code issuerId}.
   *
   * @return the proof format, such as {@code eddsa-rdfc-2022}
   * @throws RefusedException saying which check failed
   */
  String verify(JsonObject credential, String issuerId) throws RefusedException {
    List<JsonObject> proofs = proofs(credential.get("proof"));
    JsonObject document = without(credential, "proof");
    String format = "";
    for (JsonObject proof : proofs) {
      format = verifyProof(document, proof, issuerId);
    }
    return format;
  }

  private static List<JsonObject> proofs(JsonValue proof) throws RefusedException {
    if (proof == null) {
      throw new RefusedException(Refusal.UNSUPPORTED_PROOF, "the credential has no proof; present it with its"
          + " embedded proof (eddsa-rdfc-2022 or Ed25519Signature2020) or as a VC-JWT");
    }
    if (proof instanceof JsonObject object) {
      return List.of(object);
    }
    if (proof instanceof JsonArray array && !array.isEmpty()
        && array.stream().allMatch(JsonObject.class::isInstance)) {
      return array.stream().map(JsonObject.class::cast).toList();
    }
    throw new RefusedException(Refusal.UNSUPPORTED_PROOF, "'proof' must be an object (or a non-empty array of them)");
  }

  private String verifyProof(JsonObject document, JsonObject proof, String issuerId) throws RefusedException {
    String type = CredentialShape.string(proof, "type");
    String format;
    if (type.equals("DataIntegrityProof")) {
      String suite = CredentialShape.string(proof, "cryptosuite");
      if (!suite.equals(EDDSA_RDFC_2022)) {
        throw new RefusedException(Refusal.UNSUPPORTED_PROOF, "the cryptosuite '" + suite
            + "' is not supported; Cairn verifies eddsa-rdfc-2022 Data Integrity proofs");
      }
      format = EDDSA_RDFC_2022;
    } else if (type.equals(ED25519_SIGNATURE_2020)) {
      format = ED25519_SIGNATURE_2020;
    } else {
      throw new RefusedException(Refusal.UNSUPPORTED_PROOF, "the proof type '" + type + "' is not supported;"
          + " Cairn verifies DataIntegrityProof (eddsa-rdfc-2022) and Ed25519Signature2020");
    }
    String purpose = CredentialShape.string(proof, "proofPurpose");
    if (!purpose.equals("assertionMethod")) {
      throw new RefusedException(Refusal.UNSUPPORTED_PROOF, "the proof's purpose is '" + purpose
          + "'; an issuer asserts a credential with proofPurpose assertionMethod");
    }
    String method = CredentialShape.string(proof, "verificationMethod");
    if (method.isBlank()) {
      throw new RefusedException(Refusal.UNSUPPORTED_PROOF, "the proof names no verificationMethod");
    }
    IssuerKeys.Key key = keys.resolve(method);
    if (!key.controller().equals(issuerId)) {
      throw new RefusedException(Refusal.KEY_NOT_ISSUERS, "the proof was made with " + method + ", a key of "
          + key.controller() + ", not of the issuer " + issuerId);
    }
    if (!(key.jwk() instanceof OctetKeyPair okp) || !Curve.Ed25519.equals(okp.getCurve())) {
      throw new RefusedException(Refusal.UNSUPPORTED_PROOF, format + " needs an Ed25519 key; " + method + " is "
          + key.jwk().getKeyType());
    }
    byte[] signature = signature(CredentialShape.string(proof, "proofValue"));
    JsonObjectBuilder config = Json.createObjectBuilder(without(proof, "proofValue"));
    if (document.containsKey("@context")) {
      config.add("@context", document.get("@context"));
    }
    byte[] signed = concat(sha256(canonical(config.build(), "the proof")), sha256(canonical(document, "the credential")));
    if (!Ed25519.verify(Ed25519.publicKey(okp.getDecodedX()), signed, signature)) {
      throw new RefusedException(Refusal.BAD_SIGNATURE, "the " + format + " signature does not match the credential:"
          + " it was changed after signing, or signed with a key other than " + method);
    }
    return format;
  }

  private static byte[] signature(String proofValue) throws RefusedException {
    try {
      if (!Multibase.BASE_58_BTC.isEncoded(proofValue)) {
        throw new IllegalArgumentException("not base58btc multibase");
      }
      return Multibase.BASE_58_BTC.decode(proofValue);
    } catch (RuntimeException e) {
      throw new RefusedException(Refusal.BAD_SIGNATURE, "proofValue is not a base58btc multibase signature"
          + " (it starts with z)");
    }
  }

  private String canonical(JsonObject document, String what) throws RefusedException {
    try {
      return canonicalizer.canonicalNQuads(document);
    } catch (JsonLdError e) {
      if (e.getCode() == JsonLdErrorCode.LOADING_DOCUMENT_FAILED
          || e.getCode() == JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED) {
        throw new RefusedException(Refusal.UNAVAILABLE_CONTEXT, e.getMessage());
      }
      throw new RefusedException(Refusal.SCHEMA_ERROR, what + " is not valid JSON-LD under its contexts ("
          + e.getCode().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + (e.getMessage() == null
          ? "" : ": " + e.getMessage()) + ")");
    } catch (RuntimeException e) {
      throw new RefusedException(Refusal.SCHEMA_ERROR, what + " cannot be canonicalized: " + e.getMessage());
    }
  }

  static JsonObject without(JsonObject object, String property) {
    return Json.createObjectBuilder(object).remove(property).build();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
