package io.cairn.interop.ob3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.SampleData;
import io.cairn.interop.ExportFacts;
import io.cairn.interop.vc.CredentialCheck;
import io.cairn.interop.vc.CredentialVerifier;
import io.cairn.interop.vc.OfflineContexts;
import io.cairn.interop.vc.Ob3Fixtures;
import io.cairn.interop.vc.PresentedCredential;
import io.cairn.interop.vc.Refusal;
import io.cairn.interop.vc.TrustedIssuers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Badges Cairn issues are accepted by the Open Badges 3.0 verifier of issue 13 (written apart from the issuer, to
 * the specification): signature, issuer key, data model and validity; and refused when changed or when the
 * verifier does not know the issuer's key.
 */
class BadgeIssuerTest {
  private static LiveCatalog catalog;
  private static CatalogSnapshot snapshot;
  private static ECKey key;
  private static OfflineContexts contexts;

  @BeforeAll
  static void load() throws Exception {
    catalog = new LiveCatalog(GraphStore.inMemory());
    catalog.load(SampleData.sources());
    snapshot = catalog.snapshot();
    key = new ECKeyGenerator(Curve.P_256).keyID("badges-2026").generate();
    contexts = OfflineContexts.fromShared(Ob3Fixtures.shared());
  }

  @AfterAll
  static void close() {
    catalog.close();
  }

  private static Credential statistics() {
    return snapshot.findCredential("nb-mc-applied-statistics").orElseThrow();
  }

  private static CredentialCheck verify(String jwt, TrustedIssuers trusted) {
    return new CredentialVerifier(contexts, trusted, Clock.systemUTC()).verify(0, new PresentedCredential(jwt));
  }

  @Test
  void aBadgeSignedWithTheKeysDidJwkVerifiesAsTheCatalogCredential() {
    BadgeIssuer issuer = new BadgeIssuer(key, "", "Northbridge University", Clock.systemUTC());
    String jwt = issuer.issue(snapshot, statistics(), ExportFacts.none(), "learner-0001",
        "Passed STAT-210 Applied statistics with 72 (fully graded)");
    CredentialCheck check = verify(jwt, TrustedIssuers.none());
    assertTrue(check.verified(), check.detail());
    assertEquals("vc-jwt ES256", check.format());
    assertEquals("OpenBadgeCredential", check.credentialType());
    assertEquals(issuer.issuerId(), check.issuer().id());
    assertEquals(statistics().iri(), check.achievements().get(0).id());
    String payload = new String(Base64URL.from(jwt.split("\\.")[1]).decode(), StandardCharsets.UTF_8);
    assertFalse(payload.contains("learner-0001"), "the recipient's SIS id is hashed, not written: " + payload);
    assertTrue(payload.contains("\"identityType\":\"sourcedId\""), payload);
  }

  @Test
  void aChangedBadgeIsRefused() {
    String jwt = new BadgeIssuer(key, "", "Northbridge University", Clock.systemUTC())
        .issue(snapshot, statistics(), ExportFacts.none(), "learner-0001", "");
    String[] parts = jwt.split("\\.");
    String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8)
        .replace("Applied Statistics", "Applied Statistics with honours");
    assertFalse(payload.equals(new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8)),
        "the test must change the payload");
    CredentialCheck check = verify(parts[0] + "." + Base64URL.encode(payload) + "." + parts[2],
        TrustedIssuers.none());
    assertEquals(Refusal.BAD_SIGNATURE, check.refusal().orElseThrow());
  }

  @Test
  void anInstitutionsUrlIssuerVerifiesWhereItsKeyIsTrustedOnly(@TempDir Path dir) throws Exception {
    BadgeIssuer issuer = new BadgeIssuer(key, "https://badges.northbridge.example/issuer", "Northbridge University",
        Clock.systemUTC());
    String jwt = issuer.issue(snapshot, statistics(), ExportFacts.none(), "learner-0001", "");
    Files.writeString(dir.resolve("badges.jwks.json"), new JWKSet(issuer.publicKey()).toString());
    Files.writeString(dir.resolve("trusted.json"), "{\"acceptUnlisted\": false, \"issuers\": [{\"id\": "
        + "\"https://badges.northbridge.example/issuer\", \"jwks\": \"badges.jwks.json\"}]}");
    CredentialCheck trusted = verify(jwt, TrustedIssuers.load(dir.resolve("trusted.json")));
    assertTrue(trusted.verified(), trusted.detail());
    assertTrue(trusted.issuer().trusted());
    assertEquals(Refusal.UNKNOWN_ISSUER, verify(jwt, TrustedIssuers.none()).refusal().orElseThrow());
  }
}
