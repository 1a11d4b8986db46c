package io.cairn.interop.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Credentials signed in the test with keys generated here (not the fixtures' issuers): valid ones verify, and one
 * changed byte, a wrong key, an expired or not-yet-valid credential, an unknown issuer, a proof over a different
 * document and an unavailable context are each refused for that reason.
 */
class OwnKeysVerificationTest {
  private static final String PYTHON = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d";
  private static final Instant NOW = Ob3Fixtures.NOW.instant();
  private static final Instant LAST_YEAR = NOW.minusSeconds(365L * 86400);
  private static final Instant NEXT_YEAR = NOW.plusSeconds(365L * 86400);
  private static final TestIssuer ISSUER = new TestIssuer(1);
  private static final TestIssuer OTHER = new TestIssuer(2);
  private static final CredentialVerifier VERIFIER = Ob3Fixtures.verifier();

  private static JsonObject badge(String issuerId, Instant from, Instant until) {
    return TestIssuer.badge(issuerId, "https://badges.example.org/achievements/python", "Python", from, until,
        List.of(PYTHON));
  }

  private static CredentialCheck verify(Object credential) {
    return verify(VERIFIER, credential);
  }

  private static CredentialCheck verify(CredentialVerifier verifier, Object credential) {
    return verifier.verify(0, new PresentedCredential(credential.toString()));
  }

  private static void assertRefused(Refusal expected, CredentialCheck check) {
    assertEquals(expected, check.refusal().orElse(null), () -> "refused with: " + check.detail());
    assertTrue(check.achievements().isEmpty());
  }

  @Test
  void aCredentialSignedWithTheIssuersKeyVerifies() {
    CredentialCheck check = verify(ISSUER.sign(badge(ISSUER.did, LAST_YEAR, NEXT_YEAR)));
    assertTrue(check.verified(), check::detail);
    assertEquals("eddsa-rdfc-2022", check.format());
    assertEquals(ISSUER.did, check.issuer().id());
    assertFalse(check.issuer().trusted(), "no operator list: verified, but not marked trusted");
    assertEquals(List.of(PYTHON), check.achievements().getFirst().alignments());
  }

  @Test
  void oneChangedByteIsABadSignature() {
    String signed = ISSUER.sign(badge(ISSUER.did, LAST_YEAR, null)).toString();
    assertTrue(verify(signed).verified());
    assertRefused(Refusal.BAD_SIGNATURE, verify(signed.replace("\"Python\"", "\"Pythom\"")));
  }

  @Test
  void aSignatureWithAnotherKeyUnderTheIssuersNameIsABadSignature() {
    assertRefused(Refusal.BAD_SIGNATURE, verify(OTHER.sign(badge(ISSUER.did, LAST_YEAR, null),
        ISSUER.verificationMethod)));
  }

  @Test
  void aValidSignatureByAKeyThatIsNotTheIssuersIsRefused() {
    assertRefused(Refusal.KEY_NOT_ISSUERS, verify(OTHER.sign(badge(ISSUER.did, LAST_YEAR, null))));
  }

  @Test
  void expiredAndNotYetValidCredentialsAreRefused() {
    assertRefused(Refusal.EXPIRED, verify(ISSUER.sign(badge(ISSUER.did, LAST_YEAR.minusSeconds(86400), LAST_YEAR))));
    assertRefused(Refusal.NOT_YET_VALID, verify(ISSUER.sign(badge(ISSUER.did, NEXT_YEAR, null))));
  }

  @Test
  void aProofOverADifferentDocumentIsABadSignature() {
    JsonObject signed = ISSUER.sign(badge(ISSUER.did, LAST_YEAR, null));
    JsonObject other = ISSUER.sign(TestIssuer.badge(ISSUER.did, "https://badges.example.org/achievements/sql", "SQL",
        LAST_YEAR, null, List.of()));
    JsonObject swapped = Json.createObjectBuilder(other).add("proof", signed.get("proof")).build();
    assertRefused(Refusal.BAD_SIGNATURE, verify(swapped));
  }

  @Test
  void anIssuerWhoseKeyCannotBeFoundOfflineIsUnknownUntilTheOperatorTrustsIt(@TempDir Path dir) throws Exception {
    String issuer = "https://badges.example.org/issuers/7";
    String kid = issuer + "#key-1";
    JsonObject signed = ISSUER.sign(badge(issuer, LAST_YEAR, null), kid);
    assertRefused(Refusal.UNKNOWN_ISSUER, verify(signed));

    Files.writeString(dir.resolve("keys.jwks.json"), new JWKSet(ISSUER.publicJwk(kid)).toString());
    Files.writeString(dir.resolve("trusted.json"),
        "{\"issuers\": [{\"id\": \"" + issuer + "\", \"jwks\": \"keys.jwks.json\"}]}");
    CredentialVerifier trusting = new CredentialVerifier(OfflineContexts.fromShared(Ob3Fixtures.shared()),
        TrustedIssuers.load(dir.resolve("trusted.json")), Ob3Fixtures.NOW);
    CredentialCheck check = verify(trusting, signed);
    assertTrue(check.verified(), check::detail);
    assertTrue(check.issuer().trusted());
  }

  @Test
  void withUnlistedIssuersRefusedOnlyListedOnesVerify(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("trusted.json"),
        "{\"acceptUnlisted\": false, \"issuers\": [{\"id\": \"" + ISSUER.did + "\"}]}");
    CredentialVerifier strict = new CredentialVerifier(OfflineContexts.fromShared(Ob3Fixtures.shared()),
        TrustedIssuers.load(dir.resolve("trusted.json")), Ob3Fixtures.NOW);
    assertTrue(verify(strict, ISSUER.sign(badge(ISSUER.did, LAST_YEAR, null))).verified());
    assertRefused(Refusal.UNKNOWN_ISSUER, verify(strict, OTHER.sign(badge(OTHER.did, LAST_YEAR, null))));
  }

  @Test
  void aContextThatIsNotAvailableOfflineIsRefusedWithoutFetchingIt() {
    JsonObject credential = Json.createObjectBuilder(badge(ISSUER.did, LAST_YEAR, null)).add("@context",
        Json.createArrayBuilder().add(CredentialShape.VC_V2)
            .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")
            .add("https://contexts.example.org/never-fetched.jsonld")).build();
    JsonObject proof = ISSUER.sign(badge(ISSUER.did, LAST_YEAR, null)).getJsonObject("proof");
    CredentialCheck check = verify(Json.createObjectBuilder(credential).add("proof", proof).build());
    assertRefused(Refusal.UNAVAILABLE_CONTEXT, check);
    assertTrue(check.detail().contains("never-fetched"), check::detail);
  }

  @Test
  void anInlineContextIsRefusedEvenWhenSigned() {
    JsonObject badge = badge(ISSUER.did, LAST_YEAR, null);
    JsonObject inline = Json.createObjectBuilder(badge).add("@context", Json.createArrayBuilder(
        badge.getJsonArray("@context")).add(Json.createObjectBuilder().add("nickname", "https://example.org/nickname")))
        .add("nickname", "Py").build();
    CredentialCheck check = verify(ISSUER.sign(inline));
    assertRefused(Refusal.SCHEMA_ERROR, check);
    assertTrue(check.detail().contains("inline"), check::detail);
  }

  @Test
  void aSignedCredentialMissingARequiredPropertyIsASchemaError() {
    JsonObject badge = badge(ISSUER.did, LAST_YEAR, null);
    JsonObject subject = badge.getJsonObject("credentialSubject");
    JsonObject achievement = Json.createObjectBuilder(subject.getJsonObject("achievement")).remove("criteria").build();
    JsonObject broken = Json.createObjectBuilder(badge).add("credentialSubject",
        Json.createObjectBuilder(subject).add("achievement", achievement)).build();
    CredentialCheck check = verify(ISSUER.sign(broken));
    assertRefused(Refusal.SCHEMA_ERROR, check);
    assertTrue(check.detail().contains("criteria"), check::detail);
  }

  @Test
  void aCredentialWithoutAProofIsRefused() {
    assertRefused(Refusal.UNSUPPORTED_PROOF, verify(badge(ISSUER.did, LAST_YEAR, null)));
    assertRefused(Refusal.MALFORMED, verify("{not json"));
    assertRefused(Refusal.MALFORMED, verify("not.a-jwt"));
  }

  // ---------- VC-JWT ----------

  private static Map<String, Object> claims(JsonObject credential, Instant nbf, Instant exp) {
    Map<String, Object> claims = new java.util.LinkedHashMap<>();
    claims.put("iss", credential.getJsonObject("issuer").getString("id"));
    claims.put("jti", credential.getString("id"));
    claims.put("nbf", nbf.getEpochSecond());
    claims.put("exp", exp.getEpochSecond());
    return claims;
  }

  @Test
  void jwtsSignedWithEdDsaEs256AndRs256Verify() {
    JsonObject ed = badge(ISSUER.did, LAST_YEAR, null);
    CredentialCheck edCheck = verify(ISSUER.jwt(ed, ISSUER.verificationMethod, claims(ed, LAST_YEAR, NEXT_YEAR)));
    assertTrue(edCheck.verified(), edCheck::detail);
    assertEquals("vc-jwt EdDSA", edCheck.format());

    TestIssuer.EcIssuer ec = TestIssuer.EcIssuer.generate();
    JsonObject ecBadge = badge(ec.did(), LAST_YEAR, null);
    CredentialCheck ecCheck = verify(ec.jwt(ecBadge, claims(ecBadge, LAST_YEAR, NEXT_YEAR)));
    assertTrue(ecCheck.verified(), ecCheck::detail);

    TestIssuer.RsaIssuer rsa = TestIssuer.RsaIssuer.generate();
    JsonObject rsaBadge = badge(rsa.did(), LAST_YEAR, null);
    CredentialCheck rsaCheck = verify(rsa.jwt(rsaBadge, claims(rsaBadge, LAST_YEAR, NEXT_YEAR)));
    assertTrue(rsaCheck.verified(), rsaCheck::detail);
  }

  @Test
  void jwtsThatAreChangedExpiredWronglySignedOrUnsecuredAreRefused() {
    JsonObject credential = badge(ISSUER.did, LAST_YEAR, null);
    String jwt = ISSUER.jwt(credential, ISSUER.verificationMethod, claims(credential, LAST_YEAR, NEXT_YEAR));
    String[] parts = jwt.split("\\.");

    String changedPayload = com.nimbusds.jose.util.Base64URL.encode(
        new String(new com.nimbusds.jose.util.Base64URL(parts[1]).decode()).replace("Python", "Pythom")).toString();
    assertRefused(Refusal.BAD_SIGNATURE, verify(parts[0] + "." + changedPayload + "." + parts[2]));

    assertRefused(Refusal.EXPIRED, verify(ISSUER.jwt(credential, ISSUER.verificationMethod,
        claims(credential, LAST_YEAR, NOW.minusSeconds(1)))));
    assertRefused(Refusal.NOT_YET_VALID, verify(ISSUER.jwt(credential, ISSUER.verificationMethod,
        claims(credential, NEXT_YEAR, NEXT_YEAR.plusSeconds(60)))));
    assertRefused(Refusal.BAD_SIGNATURE, verify(OTHER.jwt(credential, ISSUER.verificationMethod,
        claims(credential, LAST_YEAR, NEXT_YEAR))));
    assertRefused(Refusal.KEY_NOT_ISSUERS, verify(OTHER.jwt(credential, OTHER.verificationMethod,
        claims(credential, LAST_YEAR, NEXT_YEAR))));

    JsonObject unknown = badge("https://badges.example.org/issuers/9", LAST_YEAR, null);
    assertRefused(Refusal.UNKNOWN_ISSUER, verify(ISSUER.jwt(unknown, "https://badges.example.org/issuers/9#k",
        claims(unknown, LAST_YEAR, NEXT_YEAR))));

    String none = com.nimbusds.jose.util.Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    assertRefused(Refusal.UNSUPPORTED_PROOF, verify(none));

    JsonObject other = TestIssuer.badge(ISSUER.did, "https://badges.example.org/achievements/sql", "SQL", LAST_YEAR,
        null, List.of());
    String otherJwt = ISSUER.jwt(other, ISSUER.verificationMethod, claims(other, LAST_YEAR, NEXT_YEAR));
    assertRefused(Refusal.BAD_SIGNATURE, verify(parts[0] + "." + otherJwt.split("\\.")[1] + "." + parts[2]));
  }

  // ---------- property: any one-character change to a signed string value is refused ----------

  static Stream<Long> seeds() {
    return IntStream.range(0, 24).mapToObj(i -> 1000L + i);
  }

  private static final String SIGNED_TEXT = ISSUER.sign(badge(ISSUER.did, LAST_YEAR, null)).toString();

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void anyOneCharacterChangeToASignedValueIsRefused(long seed) {
    JsonObject signed = Json.createReader(new java.io.StringReader(SIGNED_TEXT)).readObject();
    List<String> values = new ArrayList<>();
    collectStrings(DataIntegrity.without(signed, "proof"), values);
    Random random = new Random(seed);
    String value = values.get(random.nextInt(values.size()));
    int at = random.nextInt(value.length());
    char replacement = (char) ('a' + random.nextInt(26));
    if (replacement == value.charAt(at)) {
      replacement = replacement == 'z' ? 'y' : (char) (replacement + 1);
    }
    String changed = value.substring(0, at) + replacement + value.substring(at + 1);
    String text = SIGNED_TEXT.replace("\"" + value + "\"", "\"" + changed + "\"");
    CredentialCheck check = verify(text);
    assertFalse(check.verified(), () -> "seed " + seed + ": changing '" + value + "' to '" + changed
        + "' must not verify");
  }

  private static void collectStrings(JsonValue value, List<String> into) {
    switch (value) {
      case JsonObject object -> object.values().forEach(v -> collectStrings(v, into));
      case jakarta.json.JsonArray array -> array.forEach(v -> collectStrings(v, into));
      case JsonString string -> {
        if (!string.getString().isEmpty()) {
          into.add(string.getString());
        }
      }
      default -> { }
    }
  }
}
