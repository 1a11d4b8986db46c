package io.cairn.interop.vc;

import com.apicatalog.multibase.Multibase;
import com.apicatalog.multicodec.codec.KeyCodec;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An issuer made in the test, with keys generated here: signs Open Badges 3.0 credentials with an eddsa-rdfc-2022
 * Data Integrity proof (Titanium's canonicalization and the JDK's Ed25519, the libraries the verifier uses) and as
 * VC-JWTs with Nimbus (ES256, RS256; EdDSA with the JDK over Nimbus's signing input).
 */
final class TestIssuer {
  private final KeyPair ed25519;
  private final byte[] rawPublicKey;
  final String did;
  final String verificationMethod;

  TestIssuer(long seed) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      generator.initialize(255, random);
      ed25519 = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    byte[] spki = ed25519.getPublic().getEncoded();
    rawPublicKey = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    String multibase = Multibase.BASE_58_BTC.encode(KeyCodec.ED25519_PUBLIC_KEY.encode(rawPublicKey));
    did = "did:key:" + multibase;
    verificationMethod = did + "#" + multibase;
  }

  /** The issuer's public key as a JWK, with {@code kid}. */
  JWK publicJwk(String kid) {
    return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(rawPublicKey)).keyID(kid).build();
  }

  /** An unsigned OpenBadgeCredential from {@code issuerId} for an achievement with ESCO alignments. */
  static JsonObject badge(String issuerId, String achievementId, String name, Instant validFrom, Instant validUntil,
      List<String> escoSkills) {
    JsonArrayBuilder alignments = Json.createArrayBuilder();
    for (String skill : escoSkills) {
      alignments.add(Json.createObjectBuilder().add("type", Json.createArrayBuilder().add("Alignment"))
          .add("targetName", "a skill").add("targetUrl", skill).add("targetFramework", "ESCO"));
    }
    JsonObjectBuilder credential = Json.createObjectBuilder()
        .add("@context", Json.createArrayBuilder().add(CredentialShape.VC_V2)
            .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"))
        .add("id", "urn:uuid:" + java.util.UUID.nameUUIDFromBytes((achievementId + validFrom).getBytes(StandardCharsets.UTF_8)))
        .add("type", Json.createArrayBuilder().add("VerifiableCredential").add("OpenBadgeCredential"))
        .add("name", name)
        .add("issuer", Json.createObjectBuilder().add("id", issuerId).add("type", Json.createArrayBuilder().add("Profile"))
            .add("name", "Test Issuer"))
        .add("validFrom", validFrom.toString())
        .add("credentialSubject", Json.createObjectBuilder().add("id", "did:example:learner")
            .add("type", Json.createArrayBuilder().add("AchievementSubject"))
            .add("achievement", Json.createObjectBuilder().add("id", achievementId)
                .add("type", Json.createArrayBuilder().add("Achievement")).add("achievementType", "Badge")
                .add("name", name).add("description", "Awarded in a test.")
                .add("criteria", Json.createObjectBuilder().add("narrative", "Passed the test."))
                .add("alignment", alignments)));
    if (validUntil != null) {
      credential.add("validUntil", validUntil.toString());
    }
    return credential.build();
  }

  /** {@code credential} with an eddsa-rdfc-2022 proof made with this issuer's key, named as {@code method}. */
  JsonObject sign(JsonObject credential, String method) {
    JsonObject proofConfig = Json.createObjectBuilder().add("type", "DataIntegrityProof")
        .add("created", "2025-01-01T00:00:00Z").add("verificationMethod", method)
        .add("cryptosuite", "eddsa-rdfc-2022").add("proofPurpose", "assertionMethod").build();
    Canonicalizer canonicalizer = new Canonicalizer(OfflineContexts.fromShared(Ob3Fixtures.shared()));
    try {
      byte[] configHash = sha256(canonicalizer.canonicalNQuads(Json.createObjectBuilder(proofConfig)
          .add("@context", credential.get("@context")).build()));
      byte[] documentHash = sha256(canonicalizer.canonicalNQuads(credential));
      byte[] data = new byte[64];
      System.arraycopy(configHash, 0, data, 0, 32);
      System.arraycopy(documentHash, 0, data, 32, 32);
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(ed25519.getPrivate());
      signer.update(data);
      String proofValue = Multibase.BASE_58_BTC.encode(signer.sign());
      return Json.createObjectBuilder(credential)
          .add("proof", Json.createObjectBuilder(proofConfig).add("proofValue", proofValue)).build();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  JsonObject sign(JsonObject credential) {
    return sign(credential, verificationMethod);
  }

  /** A VC-JWT of {@code credential} signed with EdDSA by this issuer, {@code kid} naming the key. */
  String jwt(JsonObject credential, String kid, Map<String, Object> claims) {
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(kid).type(JOSEObjectType.JWT).build();
    Payload payload = payload(credential, claims);
    JWSObject unsigned = new JWSObject(header, payload);
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(ed25519.getPrivate());
      signer.update(unsigned.getSigningInput());
      return header.toBase64URL() + "." + payload.toBase64URL() + "." + Base64URL.encode(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The payload: the credential itself plus the registered claims, as Open Badges 3.0 section 8.2 has it. */
  static Payload payload(JsonObject credential, Map<String, Object> claims) {
    JsonObjectBuilder body = Json.createObjectBuilder(credential);
    claims.forEach((name, value) -> {
      if (value instanceof Number n) {
        body.add(name, n.longValue());
      } else {
        body.add(name, String.valueOf(value));
      }
    });
    return new Payload(body.build().toString());
  }

  /** A P-256 key and its did:key (compressed point, multicodec p256-pub). */
  record EcIssuer(ECKey key, String did, String kid) {
    static EcIssuer generate() {
      try {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        var params = org.bouncycastle.asn1.x9.ECNamedCurveTable.getByName("P-256");
        byte[] compressed = params.getCurve().createPoint(key.getX().decodeToBigInteger(),
            key.getY().decodeToBigInteger()).getEncoded(true);
        String multibase = Multibase.BASE_58_BTC.encode(KeyCodec.P256_PUBLIC_KEY.encode(compressed));
        return new EcIssuer(key, "did:key:" + multibase, "did:key:" + multibase + "#" + multibase);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    String jwt(JsonObject credential, Map<String, Object> claims) {
      try {
        return signed(JWSAlgorithm.ES256, kid, credential, claims, new ECDSASigner(key));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** An RSA key and its did:jwk. */
  record RsaIssuer(RSAKey key, String did, String kid) {
    static RsaIssuer generate() {
      try {
        RSAKey key = new RSAKeyGenerator(2048).generate();
        String did = "did:jwk:" + Base64URL.encode(key.toPublicJWK().toJSONString());
        return new RsaIssuer(key, did, did + "#0");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    String jwt(JsonObject credential, Map<String, Object> claims) {
      try {
        return signed(JWSAlgorithm.RS256, kid, credential, claims, new RSASSASigner(key));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A compact JWS made by Nimbus with {@code signer}. */
  static String signed(JWSAlgorithm alg, String kid, JsonObject credential, Map<String, Object> claims,
      com.nimbusds.jose.JWSSigner signer) throws com.nimbusds.jose.JOSEException {
    JWSObject jws = new JWSObject(new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(),
        payload(credential, claims));
    jws.sign(signer);
    return jws.serialize();
  }

  private static byte[] sha256(String text) throws GeneralSecurityException {
    return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
  }
}
