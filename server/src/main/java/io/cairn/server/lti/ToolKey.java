package io.cairn.server.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;

/**
 * Cairn's own RSA key as an LTI tool, for the messages it signs towards a platform (the Deep Linking response). It
 * is made when first needed and lives as long as the process: platforms read it from Cairn's JWKS URL
 * ({@code /lti/jwks}) and fetch that again when a message names a key id they have not seen, so a restart needs no
 * re-registration. Thread-safe.
 */
final class ToolKey {
  private volatile RSAKey key;

  private RSAKey key() {
    RSAKey current = key;
    if (current == null) {
      synchronized (this) {
        if (key == null) {
          try {
            key = new RSAKeyGenerator(2048).keyID("cairn-" + Instant.now().getEpochSecond()).generate();
          } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate Cairn's LTI key", e);
          }
        }
        current = key;
      }
    }
    return current;
  }

  /** The public key as a JWK Set, for {@code /lti/jwks}. */
  JWKSet publicJwks() {
    return new JWKSet(key().toPublicJWK());
  }

  /**
   * A client assertion for the OAuth 2.0 client-credentials grant of LTI Advantage (1EdTech Security Framework
   * 4.1, RFC 7523): Cairn's client id as issuer and subject, the platform's token endpoint as audience, valid for
   * five minutes, with a fresh {@code jti}.
   */
  String clientAssertion(String clientId, java.net.URI tokenEndpoint, Instant now) {
    return sign(new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(tokenEndpoint.toString())
        .issueTime(java.util.Date.from(now)).expirationTime(java.util.Date.from(now.plusSeconds(300)))
        .jwtID(java.util.UUID.randomUUID().toString()).build());
  }

  /** {@code claims} signed RS256 with Cairn's key, its key id in the header. */
  String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key().getKeyID())
          .type(JOSEObjectType.JWT).build(), claims);
      jwt.sign(new RSASSASigner(key()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign with Cairn's LTI key", e);
    }
  }
}
