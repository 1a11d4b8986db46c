package io.cairn.server.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cairn's LTI key from the operator's file ({@code --lti-key}): a PEM PKCS#8 key as openssl writes it, or a JWK,
 * gives the same key and key id at every start, so a restarted Cairn still signs with the key platforms registered;
 * what Cairn signs verifies with the public key it publishes; and a file that is not a usable private key is refused
 * with words that say why.
 */
class ToolKeyTest {
  @TempDir
  Path dir;

  private Path pem(KeyPair pair) throws Exception {
    Path file = dir.resolve("cairn-lti.pem");
    Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
        .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    return file;
  }

  @Test
  void aPemKeyIsTheSameKeyAtEveryStartAndWhatItSignsVerifiesWithTheJwks() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    Path file = pem(pair);
    LtiTool first = new LtiTool(Platforms.none(), Clock.systemUTC(), ToolKey.load(file));
    LtiTool restarted = new LtiTool(Platforms.none(), Clock.systemUTC(), ToolKey.load(file));
    assertEquals(first.jwks().toString(), restarted.jwks().toString(), "the same public key and key id");
    RSAKey published = first.jwks().getKeys().get(0).toRSAKey();
    assertEquals(pair.getPublic(), published.toPublicKey());
    assertEquals(published.computeThumbprint().toString(), published.getKeyID(), "the key id is the thumbprint");
    assertTrue(first.jwks().getKeys().stream().noneMatch(k -> k.isPrivate()), "the JWKS holds no private part");

    String assertion = restarted.toolKey().clientAssertion("client-1", URI.create("https://lms.example/token"),
        Instant.now());
    SignedJWT jwt = SignedJWT.parse(assertion);
    assertTrue(jwt.verify(new RSASSAVerifier(published)), "signed after the restart, verified with the key before");
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertEquals("client-1", claims.getIssuer());
    assertEquals("client-1", claims.getSubject());
    assertEquals(java.util.List.of("https://lms.example/token"), claims.getAudience());
    assertEquals(published.getKeyID(), jwt.getHeader().getKeyID());

    // a generated key is another key at each start
    assertNotEquals(ToolKey.generated().keyId(), ToolKey.generated().keyId());
  }

  @Test
  void aJwkKeepsItsKeyId() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("cairn-2026").generate();
    Path file = dir.resolve("cairn-lti.jwk.json");
    Files.writeString(file, key.toJSONString());
    ToolKey loaded = ToolKey.load(file);
    assertEquals("cairn-2026", loaded.keyId());
    assertEquals(key.toPublicJWK().toJSONString(), loaded.publicJwks().getKeys().get(0).toJSONString());
  }

  @Test
  void aFileThatIsNotAUsablePrivateKeyIsRefusedSayingWhy() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).generate();
    Path publicOnly = dir.resolve("public.jwk.json");
    Files.writeString(publicOnly, key.toPublicJWK().toJSONString());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ToolKey.load(publicOnly)).getMessage()
        .contains("not an RSA private key"));

    Path pkcs1 = dir.resolve("pkcs1.pem");
    Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ToolKey.load(pkcs1)).getMessage()
        .contains("openssl pkcs8 -topk8"));

    KeyPairGenerator small = KeyPairGenerator.getInstance("RSA");
    small.initialize(1024);
    Path weak = pem(small.generateKeyPair());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ToolKey.load(weak)).getMessage()
        .contains("2048 bits"));

    Path missing = dir.resolve("nothing-here.pem");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ToolKey.load(missing)).getMessage()
        .contains("cannot read the LTI key"));
  }
}
