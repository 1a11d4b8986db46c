package io.cairn.interop.ob3;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.interop.ExportFacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * Issues the Open Badges 3.0 {@code OpenBadgeCredential} for a catalog credential a learner has completed, as a
 * VC-JWT (OB 3.0 section 8.2) signed ES256 with the institution's key (Nimbus JOSE+JWT). The achievement is the
 * one {@link Ob3Exporter} writes for the credential, in Open Badges' own terms; the recipient is identified by a
 * salted SHA-256 of their SIS id, never by the id itself. Any OB 3.0 verifier that resolves the issuer's key
 * accepts it: by default the issuer is the {@code did:jwk} of the key, which resolves offline.
 */
public final class BadgeIssuer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ECKey key;
  private final String issuerId;
  private final String issuerName;
  private final String keyId;
  private final Clock clock;

  /**
   * An issuer signing with {@code key} (an EC P-256 private JWK).
   *
   * @param issuerId the issuer's id (an https URL whose key verifiers are given, or empty for the key's did:jwk)
   * @throws IllegalArgumentException when the key is not a private P-256 key
   */
  public BadgeIssuer(JWK key, String issuerId, String issuerName, Clock clock) {
    if (!(key instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || !ec.isPrivate()) {
      throw new IllegalArgumentException("the badge signing key must be a private EC P-256 JWK (for ES256)");
    }
    this.key = ec;
    if (issuerId == null || issuerId.isBlank()) {
      // the DID is the public key alone: its kid is a local name, not part of the key
      String did = "did:jwk:" + Base64URL.encode(new ECKey.Builder(ec.toPublicJWK()).keyID(null).build()
          .toJSONString());
      this.issuerId = did;
      this.keyId = did + "#0";
    } else {
      this.issuerId = issuerId.trim();
      if (ec.getKeyID() == null) {
        throw new IllegalArgumentException("the badge signing key needs a \"kid\" when the issuer is " + issuerId
            + ": verifiers find the key by it");
      }
      this.keyId = ec.getKeyID();
    }
    this.issuerName = issuerName == null || issuerName.isBlank() ? "Cairn" : issuerName.trim();
    this.clock = clock;
  }

  /**
   * The issuer in {@code file} (a JWK holding the private key).
   *
   * @throws IllegalArgumentException when the file cannot be read or holds no usable key
   */
  public static BadgeIssuer load(Path file, String issuerId, String issuerName) {
    try {
      return new BadgeIssuer(JWK.parse(java.nio.file.Files.readString(file)), issuerId, issuerName,
          Clock.systemUTC());
    } catch (IOException | ParseException e) {
      throw new IllegalArgumentException("cannot read the badge signing key " + file + ": " + e.getMessage());
    }
  }

  public String issuerId() {
    return issuerId;
  }

  /** The public key verifiers need, with the id JWTs name it by. */
  public JWK publicKey() {
    return new ECKey.Builder(key.toPublicJWK()).keyID(keyId).build();
  }

  /**
   * The signed badge for {@code credential}, awarded to the learner known to the SIS as {@code recipient}.
   *
   * @param narrative what the award rests on (the course and result), written as the badge's evidence
   */
  public String issue(CatalogSnapshot snapshot, Credential credential, ExportFacts facts, String recipient,
      String narrative) {
    ObjectNode achievement = new Ob3Exporter().credential(snapshot, credential, facts);
    achievement.remove("@context");
    openBadgesTermsOnly(achievement);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    ObjectNode badge = JSON.createObjectNode();
    ArrayNode context = badge.putArray("@context");
    Ob3Importer.DEFAULT_CONTEXT.forEach(context::add);
    String id = "urn:uuid:" + UUID.randomUUID();
    badge.put("id", id);
    badge.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
    badge.put("name", credential.name());
    ObjectNode issuer = badge.putObject("issuer");
    issuer.put("id", issuerId);
    issuer.putArray("type").add("Profile");
    issuer.put("name", issuerName);
    badge.put("validFrom", now.toString());
    ObjectNode subject = badge.putObject("credentialSubject");
    subject.putArray("type").add("AchievementSubject");
    subject.putArray("identifier").add(identity(recipient));
    subject.set("achievement", achievement);
    if (narrative != null && !narrative.isBlank()) {
      ObjectNode evidence = badge.putArray("evidence").addObject();
      evidence.putArray("type").add("Evidence");
      evidence.put("narrative", narrative);
    }
    ObjectNode claims = badge.deepCopy();
    claims.put("iss", issuerId).put("jti", id).put("nbf", now.getEpochSecond()).put("iat", now.getEpochSecond());
    try {
      JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId)
          .type(new JOSEObjectType("vc+jwt")).build(), new Payload(JSON.writeValueAsString(claims)));
      jws.sign(new ECDSASigner(key));
      return jws.serialize();
    } catch (JOSEException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot sign the badge: " + e.getMessage(), e);
    }
  }

  /** The exporter adds Cairn's own terms under an inline context; a badge keeps to the Open Badges context. */
  private static void openBadgesTermsOnly(ObjectNode achievement) {
    for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = achievement.properties()
        .iterator(); it.hasNext(); ) {
      if (it.next().getKey().contains(":")) {
        it.remove();
      }
    }
    ArrayNode types = JSON.createArrayNode();
    achievement.path("type").forEach(t -> {
      if (!t.asText().contains(":")) {
        types.add(t);
      }
    });
    achievement.set("type", types);
  }

  /** An OB 3.0 IdentityObject: the salted SHA-256 of the learner's SIS id. */
  private static ObjectNode identity(String recipient) {
    byte[] saltBytes = new byte[16];
    RANDOM.nextBytes(saltBytes);
    String salt = HexFormat.of().formatHex(saltBytes);
    ObjectNode identity = JSON.createObjectNode();
    identity.put("type", "IdentityObject");
    identity.put("identityHash", "sha256$" + sha256(recipient + salt));
    identity.put("identityType", "sourcedId");
    identity.put("hashed", true);
    identity.put("salt", salt);
    return identity;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
          StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
